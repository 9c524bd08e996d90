import { describe, expect, it } from 'vitest';
import { LIMITE, pasosDe, resumir } from './colas.ts';
import type { ElementoCola } from './tipos.ts';

describe('pasosDe', () => {
  it("gives each role's step in the night's order, the supervisor's is cotejo and admin has none", () => {
    expect(pasosDe({ ambito: 'CATD', roles: ['captura', 'supervisor', 'acopio'] })).toEqual(['acopio', 'captura', 'cotejo']);
    expect(pasosDe({ ambito: 'INSTITUTO', roles: ['admin'] })).toEqual([]);
  });

  it('gives a PREP Casilla device no queue', () => {
    expect(pasosDe({ ambito: 'CASILLA', roles: ['digitalizacion'] })).toEqual([]);
  });
});

describe('resumir', () => {
  const acta = (desde: number | null): ElementoCola => ({ clave: 'x', etapa: 'CAPTURA', desde });

  it('counts the actas and finds the oldest waiting time, ignoring expected actas without one', () => {
    expect(resumir('captura', [acta(300), acta(100), acta(null), acta(200)])).toEqual({ paso: 'captura', cuantas: 4, almenos: false, masAntigua: 100 });
    expect(resumir('acopio', [acta(null)])).toMatchObject({ cuantas: 1, masAntigua: null });
    expect(resumir('cotejo', [])).toEqual({ paso: 'cotejo', cuantas: 0, almenos: false, masAntigua: null });
  });

  it('marks a queue that fills one read as possibly longer', () => {
    expect(resumir('acopio', Array.from({ length: LIMITE }, () => acta(null))).almenos).toBe(true);
  });
});
