import { describe, expect, it } from 'vitest';
import { HOLGURA_RELOJ_MS } from '../captura/fecha.ts';
import { instanteDelCorte } from './instante.ts';

const ahora = Date.UTC(2026, 11, 5, 3, 0);

describe('the instant a corte is stamped at (issue 14, defect 2)', () => {
  it('takes the instant asked for when it is not in the future nor before the previous corte', () => {
    expect(instanteDelCorte(ahora - 60_000, ahora, ahora - 120_000)).toEqual({ instante: ahora - 60_000, rechazado: null });
    expect(instanteDelCorte(ahora + HOLGURA_RELOJ_MS, ahora, null)).toEqual({ instante: ahora + HOLGURA_RELOJ_MS, rechazado: null });
  });

  it('refuses an instant in the future (2099): the server time is used', () => {
    const d2099 = Date.UTC(2099, 0, 1);
    expect(instanteDelCorte(d2099, ahora, null)).toEqual({ instante: ahora, rechazado: { pedido: d2099, motivo: 'POSTERIOR_AL_SERVIDOR' } });
  });

  it('never stamps a corte before the previous one, even when that one was stamped ahead of the clock', () => {
    expect(instanteDelCorte(ahora - 60_000, ahora, ahora)).toEqual({ instante: ahora, rechazado: { pedido: ahora - 60_000, motivo: 'ANTERIOR_AL_CORTE_PREVIO' } });
    const adelantado = Date.UTC(2099, 0, 1);
    expect(instanteDelCorte(ahora, ahora, adelantado)).toEqual({ instante: adelantado, rechazado: { pedido: ahora, motivo: 'ANTERIOR_AL_CORTE_PREVIO' } });
  });
});
