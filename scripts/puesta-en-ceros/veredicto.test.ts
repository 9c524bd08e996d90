import { describe, expect, it } from 'vitest';
import { problemasCierre, problemasPuesta, type ConteosNoche, type EstadoCadena } from './veredicto.ts';

const CEROS: ConteosNoche = { actas: 0, capturas: 0, imagenes: 0, publicaciones: 0, cortes: 0, idempotencia: 0, solicitudes: 0, secuencia: 0, bitacora: 0, objetosR2: 0 };
const VACIA: EstadoCadena = { entradas: 0, primera: null, cierre: null };
const PUESTA: EstadoCadena = { entradas: 1, primera: { id: 1, accion: 'PUESTA_EN_CEROS', at: 1 }, cierre: null };

describe('puesta en ceros: verdict', () => {
  it('accepts a catalogue-only database', () => {
    expect(problemasPuesta(CEROS, VACIA, true)).toEqual([]);
    expect(problemasPuesta({ ...CEROS, objetosR2: null }, VACIA, true)).toEqual([]);
  });

  it('names every count of the night that is not zero', () => {
    for (const k of Object.keys(CEROS) as (keyof ConteosNoche)[]) {
      const p = problemasPuesta({ ...CEROS, [k]: 3 }, VACIA, true);
      expect(p, k).toHaveLength(1);
      expect(p[0], k).toMatch(/3/);
    }
    expect(problemasPuesta({ ...CEROS, actas: 2, bitacora: 5 }, VACIA, true)).toEqual([
      'actas registradas: 2',
      'entradas en la bitácora: 5 (la puesta en ceros debe ser la primera; el personal se da de alta después)',
    ]);
  });

  it('refuses without a catalogue, and a second puesta en ceros whatever the counts', () => {
    expect(problemasPuesta(CEROS, VACIA, false)).toEqual(['no hay catálogo cargado (npm run catalogue -- import <carpeta>)']);
    expect(problemasPuesta({ ...CEROS, bitacora: 1 }, PUESTA, true)).toEqual(['la puesta en ceros ya se hizo (entrada 1 de la bitácora)']);
  });

  it('closes only after a puesta en ceros at entry 1, and once', () => {
    expect(problemasCierre(PUESTA)).toEqual([]);
    expect(problemasCierre(VACIA)).toHaveLength(1);
    expect(problemasCierre({ entradas: 3, primera: { id: 1, accion: 'OPERADOR_CREADO', at: 1 }, cierre: null })).toHaveLength(1);
    expect(problemasCierre({ ...PUESTA, cierre: { id: 9, at: 2 } })).toEqual(['el cierre ya se registró (entrada 9 de la bitácora)']);
  });
});
