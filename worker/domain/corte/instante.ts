/**
 * The instant a corte is stamped at. The cron asks at its scheduled time; an administrator may declare one (a
 * replay of a past night, the simulacro's compressed clock). A declared instant after the server's now (plus the
 * clock skew) is refused and the server's time is used; and corte instants only move forward: a corte is never
 * stamped before the one it follows (`npm run verify` checks the chain for it).
 */
import { fechaPublicable } from '../captura/fecha.ts';

export type RechazoInstante = 'POSTERIOR_AL_SERVIDOR' | 'ANTERIOR_AL_CORTE_PREVIO';

export interface InstanteDecidido {
  instante: number;
  /** The instant asked for, when it was not the one used. */
  rechazado: { pedido: number; motivo: RechazoInstante } | null;
}

export function instanteDelCorte(pedido: number, ahora: number, anterior: number | null): InstanteDecidido {
  const f = fechaPublicable(pedido, ahora, null);
  const instante = anterior === null ? f.at : Math.max(f.at, anterior);
  if (f.rechazada !== null) return { instante, rechazado: { pedido, motivo: 'POSTERIOR_AL_SERVIDOR' } };
  if (instante !== pedido) return { instante, rechazado: { pedido, motivo: 'ANTERIOR_AL_CORTE_PREVIO' } };
  return { instante, rechazado: null };
}
