import { describe, expect, it } from 'vitest';
import { AmbitoSchema } from './permisos.ts';
import { HORA_MS, VIGENCIA_MAXIMA_HORAS, VIGENCIA_POR_AMBITO, resolverVigencia, vigenciaMaximaMs } from './vigencia.ts';

describe('the validity of a secret by ámbito', () => {
  it('an INSTITUTO secret lives within a night: 8 h by default, 12 h at most, 12 h + 1 ms refused with its ceiling', () => {
    expect(resolverVigencia('INSTITUTO')).toEqual({ ok: true, value: 8 * HORA_MS });
    expect(resolverVigencia('INSTITUTO', 12)).toEqual({ ok: true, value: 12 * HORA_MS });
    const r = resolverVigencia('INSTITUTO', 12 + 1 / HORA_MS);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatchObject({ tipo: 'INVALIDO', code: 'VIGENCIA_EXCEDIDA', details: { ambito: 'INSTITUTO', maximaHoras: 12 } });
      expect(r.error.message).toMatch(/a lo más 12 h/);
    }
    expect(resolverVigencia('INSTITUTO', 720).ok).toBe(false);
  });

  it('the staff and devices keep 720 h at most and 16 h by default', () => {
    for (const a of ['CATD', 'CCV', 'CASILLA'] as const) {
      expect(resolverVigencia(a)).toEqual({ ok: true, value: 16 * HORA_MS });
      expect(resolverVigencia(a, 720)).toEqual({ ok: true, value: 720 * HORA_MS });
      expect(resolverVigencia(a, 721).ok).toBe(false);
    }
  });

  it('refuses a validity that is not a positive number of hours', () => {
    for (const h of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      const r = resolverVigencia('CATD', h);
      expect(r.ok ? null : r.error.code).toBe('VIGENCIA_INVALIDA');
    }
  });

  it('every ámbito has a default within its ceiling, and the overall ceiling is the largest', () => {
    for (const a of AmbitoSchema.options) {
      const v = VIGENCIA_POR_AMBITO[a];
      expect(v.omisionHoras).toBeGreaterThan(0);
      expect(v.omisionHoras).toBeLessThanOrEqual(v.maximaHoras);
      expect(vigenciaMaximaMs(a)).toBe(v.maximaHoras * HORA_MS);
      expect(v.maximaHoras).toBeLessThanOrEqual(VIGENCIA_MAXIMA_HORAS);
    }
    expect(VIGENCIA_MAXIMA_HORAS).toBe(720);
  });
});
