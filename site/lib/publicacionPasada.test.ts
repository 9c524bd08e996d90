import { describe, expect, it } from 'vitest';
import type { CorteHistorial, Historial } from '../../worker/domain/contrato/index.ts';
import { cortesConsultables } from './publicacionPasada.ts';
import type { Puntero } from './publicacion.ts';

const entrada = (numero: number, elecciones?: string[]): CorteHistorial =>
  ({ numero, instante: numero * 300_000, final: false, ...(elecciones ? { elecciones: elecciones.map((codigo) => ({ codigo, ruta: `datos/${codigo}-${numero}.json` })) } : {}) }) as CorteHistorial;

describe('cortesConsultables', () => {
  it('offers, newest first, the past cortes whose entry names the election shard, before the pointer corte', () => {
    const h = { cortes: [entrada(1), entrada(2, ['GUB']), entrada(3, ['GUB', 'AYUN']), entrada(4, ['AYUN']), entrada(5, ['GUB']), entrada(6, ['GUB'])] } as Historial;
    const p = { numero: 5 } as Puntero;
    expect(cortesConsultables(h, p, 'GUB').map((c) => c.numero)).toEqual([3, 2]);
    expect(cortesConsultables(h, p, 'AYUN').map((c) => c.numero)).toEqual([4, 3]);
    expect(cortesConsultables(h, p, 'DIP_LOC')).toEqual([]);
  });
});
