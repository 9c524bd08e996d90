import { describe, expect, it } from 'vitest';
import { CAJA, coordenadas, lineasDe, muestrear, puntoDe, type PuntoNoche } from './historia.ts';
import type { Resultados } from './modelo.ts';

/** Results with only what the chart reads: the candidaturas' votes, their total and % contabilizadas. */
function resultados(candidaturas: Record<string, number>, total: number, contabilizadas: number): Resultados {
  return { figuras: { TOTAL_VOTOS_C_CS: total, PORCENTAJE_ACTAS_CONTABILIZADAS: contabilizadas } as Resultados['figuras'], votos: {}, candidaturas };
}

const punto = (numero: number, porcentajes: Record<string, number>, lider: string | null): PuntoNoche => ({
  numero,
  instante: numero * 60_000,
  final: false,
  contabilizadas: numero * 10,
  porcentajes,
  lider,
});

describe('muestrear', () => {
  it('keeps a short night whole', () => {
    expect(muestrear([1, 2, 3])).toEqual([1, 2, 3]);
  });

  it('spreads 12 cortes evenly over a long night, first and last included', () => {
    const noche = Array.from({ length: 100 }, (_, i) => i + 1);
    const m = muestrear(noche);
    expect(m).toHaveLength(12);
    expect(m[0]).toBe(1);
    expect(m.at(-1)).toBe(100);
    const pasos = m.slice(1).map((v, i) => v - m[i]!);
    expect(Math.max(...pasos) - Math.min(...pasos)).toBeLessThanOrEqual(1);
  });

  it('never repeats a corte', () => {
    const m = muestrear([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13], 12);
    expect(new Set(m).size).toBe(12);
  });
});

describe('puntoDe', () => {
  it('takes % contabilizadas and each truncated share of TOTAL_VOTOS_C_CS, and the leader', () => {
    const p = puntoDe({ numero: 3, instante: 5, final: true }, resultados({ A: 2, B: 1, C: 0 }, 3, 42.5));
    expect(p).toEqual({ numero: 3, instante: 5, final: true, contabilizadas: 42.5, porcentajes: { A: 66.6666, B: 33.3333 }, lider: 'A' });
  });

  it('has no leader in a tie or without votes', () => {
    expect(puntoDe({ numero: 1, instante: 0, final: false }, resultados({ A: 1, B: 1 }, 2, 1)).lider).toBeNull();
    expect(puntoDe({ numero: 1, instante: 0, final: false }, resultados({}, 0, 0))).toMatchObject({ lider: null, porcentajes: {} });
  });
});

describe('lineasDe', () => {
  it('draws every candidatura that led at some corte and the newest second, highest share first', () => {
    const puntos = [punto(1, { A: 50, B: 40, C: 10 }, 'A'), punto(2, { A: 40, B: 35, C: 45 }, 'C'), punto(3, { A: 45, B: 38, C: 17 }, 'A')];
    expect(lineasDe(puntos)).toEqual(['A', 'B', 'C']);
  });

  it('with a single leader all night, still shows the race with the second', () => {
    expect(lineasDe([punto(1, { A: 60, B: 30, C: 10 }, 'A')])).toEqual(['A', 'B']);
  });

  it('draws nothing before any votes', () => {
    expect(lineasDe([punto(1, {}, null)])).toEqual([]);
    expect(lineasDe([])).toEqual([]);
  });
});

describe('coordenadas', () => {
  it('puts 0 % on the baseline, 100 % at the top and the cortes at equal steps across the plot', () => {
    const c = coordenadas([0, 50, 100]);
    expect(c.map((q) => q.y)).toEqual([CAJA.alto - CAJA.abajo, (CAJA.arriba + CAJA.alto - CAJA.abajo) / 2, CAJA.arriba]);
    expect(c.map((q) => q.x)).toEqual([CAJA.izquierda, (CAJA.izquierda + CAJA.ancho - CAJA.derecha) / 2, CAJA.ancho - CAJA.derecha]);
  });

  it('centres a single corte', () => {
    expect(coordenadas([10])[0]!.x).toBe((CAJA.izquierda + CAJA.ancho - CAJA.derecha) / 2);
  });
});
