import { describe, expect, it } from 'vitest';
import { FechaHoraSchema, fechaPublicable, HOLGURA_RELOJ_MS } from './fecha.ts';

describe('fechaHora', () => {
  it('reads ISO 8601 with an offset or Z as epoch ms', () => {
    expect(FechaHoraSchema.parse('2024-06-02T20:15:00-06:00')).toBe(Date.UTC(2024, 5, 3, 2, 15));
    expect(FechaHoraSchema.parse('2024-06-03T02:15:00.250Z')).toBe(Date.UTC(2024, 5, 3, 2, 15, 0, 250));
  });

  it('refuses times without an offset, other formats and out-of-range years', () => {
    for (const x of ['2024-06-02T20:15:00', '02/06/2024 20:15:00', '2024-06-02', '1999-12-31T23:59:59Z', '2100-01-01T00:00:00Z', 'mañana']) {
      expect(FechaHoraSchema.safeParse(x).success, x).toBe(false);
    }
  });
});

describe('the time a step publishes (issue 14, defect 2)', () => {
  const ahora = Date.UTC(2026, 11, 5, 3, 0);
  const apertura = Date.UTC(2026, 11, 5, 2, 0);

  it('publishes a declared time between the window opening and the server clock plus its skew', () => {
    expect(fechaPublicable(apertura, ahora, apertura)).toEqual({ at: apertura, rechazada: null });
    expect(fechaPublicable(ahora + HOLGURA_RELOJ_MS, ahora, apertura)).toEqual({ at: ahora + HOLGURA_RELOJ_MS, rechazada: null });
    expect(fechaPublicable(null, ahora, apertura)).toEqual({ at: ahora, rechazada: null });
  });

  it('refuses a time in the future (2099) or before the opening: the server time is published, the refusal said', () => {
    const d2099 = Date.UTC(2099, 5, 2);
    expect(fechaPublicable(d2099, ahora, apertura)).toEqual({ at: ahora, rechazada: { declarada: d2099, motivo: 'POSTERIOR_AL_SERVIDOR' } });
    expect(fechaPublicable(ahora + HOLGURA_RELOJ_MS + 1, ahora, null).rechazada?.motivo).toBe('POSTERIOR_AL_SERVIDOR');
    expect(fechaPublicable(apertura - 1, ahora, apertura)).toEqual({ at: ahora, rechazada: { declarada: apertura - 1, motivo: 'ANTERIOR_A_LA_VENTANA' } });
    expect(fechaPublicable(Date.UTC(2000, 0, 1), ahora, apertura).rechazada?.motivo).toBe('ANTERIOR_A_LA_VENTANA');
  });

  it('without a configured window (a replay of a past night) only the upper bound applies', () => {
    const pasado = Date.UTC(2024, 5, 3, 2, 15);
    expect(fechaPublicable(pasado, ahora, null)).toEqual({ at: pasado, rechazada: null });
  });
});
