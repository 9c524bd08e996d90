import { describe, expect, it } from 'vitest';
import type { CampoFormulario } from '../captura/campos.ts';
import type { CuerpoCaptura } from '../captura/tipos.ts';
import { capturasDeRonda } from './datos.ts';
import { comparar, cuerpoResolucion, pendientes, textoValor, type CapturaRonda } from './comparar.ts';

const CAMPOS: CampoFormulario[] = [
  { clave: 'PAN', nombre: 'PAN', grupo: 'voto', tipo: 'partido' },
  { clave: 'PRI', nombre: 'PRI', grupo: 'voto', tipo: 'partido' },
  { clave: 'TOTAL_VOTOS_ASENTADO', nombre: 'Total', grupo: 'total', tipo: 'total' },
];
const totales = (t: number): CuerpoCaptura['totales'] => ({
  TOTAL_VOTOS_ASENTADO: t,
  TOTAL_BOLETAS_SOBRANTES: 1,
  TOTAL_PERSONAS_VOTARON: 2,
  TOTAL_REP_PARTIDO_CI_VOTARON: 0,
  TOTAL_VOTOS_SACADOS: 3,
});
const C1: CapturaRonda = { n: 1, operador: 'a', captura: { votos: { PAN: 5, PRI: 7 }, totales: totales(12) } };
const C2: CapturaRonda = { n: 2, operador: 'b', captura: { votos: { PAN: 5, PRI: 'ILEGIBLE' }, totales: totales(13) } };

describe('comparación de capturas', () => {
  it('marks exactly the fields whose figures differ', () => {
    expect(comparar(CAMPOS, [C1, C2]).map((f) => [f.campo.clave, f.difiere])).toEqual([
      ['PAN', false],
      ['PRI', true],
      ['TOTAL_VOTOS_ASENTADO', true],
    ]);
  });

  it('builds the resolution only once every difference has a figure: a capture or a typed correction', () => {
    const filas = comparar(CAMPOS, [C1, C2]);
    expect(cuerpoResolucion(filas, [C1, C2], { PRI: { n: 2 } })).toBeNull();
    expect(pendientes(filas, [C1, C2], { PRI: { n: 2 }, TOTAL_VOTOS_ASENTADO: { correccion: '' } }).map((f) => f.campo.clave)).toEqual(['TOTAL_VOTOS_ASENTADO']);
    expect(cuerpoResolucion(filas, [C1, C2], { PRI: { n: 2 }, TOTAL_VOTOS_ASENTADO: { correccion: '14' } })).toEqual({
      resolucion: 'CAPTURA',
      captura: { votos: { PAN: 5, PRI: 'ILEGIBLE' }, totales: totales(14) },
    });
    expect(cuerpoResolucion(filas, [C1, C2], { PRI: { correccion: 'SIN_DATO' }, TOTAL_VOTOS_ASENTADO: { n: 1 } })?.captura.votos.PRI).toBe('SIN_DATO');
  });

  it('reads the captures of the current round from the timeline, in their order', () => {
    const ev = (n: number, ronda: number, captura: unknown) => ({ accion: 'CAPTURA', operador: `op${n}`, detalle: { ronda, n, captura } });
    const eventos = [ev(2, 1, C2.captura), { accion: 'ACOPIO', operador: 'x', detalle: {} }, ev(1, 1, C1.captura), ev(1, 2, C1.captura), ev(3, 1, undefined)];
    expect(capturasDeRonda(eventos, 1).map((k) => [k.n, k.operador])).toEqual([
      [1, 'op1'],
      [2, 'op2'],
    ]);
  });

  it('writes figures as a person reads them', () => {
    expect([textoValor(1234), textoValor('ILEGIBLE'), textoValor('SIN_DATO')]).toEqual(['1,234', 'Ilegible', 'Sin dato']);
  });
});
