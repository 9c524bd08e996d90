import { describe, expect, it } from 'vitest';
import { combinar, type Tramo } from './carga.ts';

const tramo = (latencias: number[], segundos: number, estados: Record<string, number>, otros: Partial<Tramo> = {}): Tramo => ({
  latencias, segundos, estados, fallidas: 0, reintentos: 0, conflictos: 0, respuestasRepetidas: 0, ...otros,
});

describe('a load measured in rounds', () => {
  it('is one rate over the rounds’ own time, with the percentiles of all their requests and their counts summed', () => {
    const r = combinar([
      tramo([10, 20, 30], 1, { 200: 3 }, { reintentos: 1 }),
      tramo([40, 50, 60, 70, 80, 90, 100, 110], 3, { 200: 7, 500: 1 }, { fallidas: 1, reintentos: 2, conflictos: 1 }),
    ]);
    expect(r.solicitudes).toBe(11);
    expect(r.segundos).toBe(4);
    expect(r.porSegundo).toBe(11 / 4);
    expect(r.estados).toEqual({ 200: 10, 500: 1 });
    expect([r.fallidas, r.reintentos, r.conflictos, r.respuestasRepetidas]).toEqual([1, 3, 1, 0]);
    expect(r.p50).toBe(60);
    expect(r.p99).toBeGreaterThanOrEqual(100);
  });

  it('of one round is that round', () => {
    const r = combinar([tramo([5, 7], 2, { 200: 2 })]);
    expect([r.solicitudes, r.segundos, r.porSegundo]).toEqual([2, 2, 1]);
    expect(r.p50).toBeGreaterThanOrEqual(5);
    expect(r.p50).toBeLessThanOrEqual(7);
  });
});
