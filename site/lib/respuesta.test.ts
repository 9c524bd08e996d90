import { describe, expect, it } from 'vitest';
import { puntos } from './formato.ts';
import { respuestaDe } from './respuesta.ts';

describe('respuestaDe', () => {
  it('names the leader and its margin in votes and in points of the truncated shares', () => {
    // 1000 votes in all (nulos included): 41.2 % vs 33.3 % → 7.9 points.
    const r = respuestaDe({ B: 333, A: 412, C: 200 }, 1000);
    expect(r).toEqual({
      tipo: 'lider',
      primero: { id: 'A', votos: 412, porcentaje: 41.2 },
      segundo: { id: 'B', votos: 333, porcentaje: 33.3 },
      ventajaVotos: 79,
      ventajaPuntos: 7.9,
    });
  });

  it('subtracts the truncated shares exactly, as a reader of the table would', () => {
    // 2/3 → 66.6666, 1/3 → 33.3333: 33.3333 points, never 33.3334 nor a float residue.
    const r = respuestaDe({ A: 2, B: 1 }, 3);
    expect(r.tipo === 'lider' && r.ventajaPuntos).toBe(33.3333);
  });

  it('says when there is a tie for first place, and when nothing is counted yet', () => {
    expect(respuestaDe({ A: 5, B: 5, C: 1 }, 11)).toEqual({
      tipo: 'empate',
      empatados: [
        { id: 'A', votos: 5, porcentaje: 45.4545 },
        { id: 'B', votos: 5, porcentaje: 45.4545 },
      ],
    });
    expect(respuestaDe({ A: 0, B: 0 }, 0)).toEqual({ tipo: 'sin-votos' });
    expect(respuestaDe({}, 0)).toEqual({ tipo: 'sin-votos' });
  });

  it('has no second place when only one candidatura has votes', () => {
    const r = respuestaDe({ A: 7, B: 0 }, 10);
    expect(r).toMatchObject({ tipo: 'lider', segundo: null, ventajaVotos: 7, ventajaPuntos: 70 });
  });
});

describe('puntos', () => {
  it('writes a margin in points es-MX with the 4 decimals of the published shares', () => {
    expect(puntos(7.9)).toBe('7.9000');
    expect(puntos(33.3333)).toBe('33.3333');
    expect(puntos(1234.5)).toBe('1,234.5000');
  });
});
