/**
 * Declared times. `fechaHora` sent by a client: ISO 8601 with an explicit offset ("2024-06-02T20:15:00-06:00" or
 * "…Z"), read as epoch ms (2000–2099 parses; whether it is published is decided below).
 *
 * A client may declare when a step happened (a PREP Casilla photo taken offline, a simulacro's compressed clock, a
 * replay's file instants). The server's own time is always recorded; the declared one is kept beside it and is
 * the one published only when it is plausible: not before the publication window opened and not after the
 * server's now plus a small skew. Otherwise the server's time is published and the refusal is recorded, so no
 * client can date a step in 2099 or before the election.
 */
import { z } from 'zod';

const MIN = Date.UTC(2000, 0, 1);
const MAX = Date.UTC(2100, 0, 1);

export const FechaHoraSchema = z.iso
  .datetime({ offset: true })
  .transform((s) => Date.parse(s))
  .refine((ms) => Number.isFinite(ms) && ms >= MIN && ms < MAX, 'fechaHora fuera del intervalo 2000–2099');

/** How far ahead of the server's clock a declared time may be (a device's clock a little fast). */
export const HOLGURA_RELOJ_MS = 2 * 60_000;

/** Why a declared time was not published. */
export type RechazoFecha = 'ANTERIOR_A_LA_VENTANA' | 'POSTERIOR_AL_SERVIDOR';

export interface FechaDecidida {
  /** The time to publish as the step's (epoch ms). */
  at: number;
  /** The declared time when it was refused (kept beside the server's), else null. */
  rechazada: { declarada: number; motivo: RechazoFecha } | null;
}

/**
 * The time a step publishes. `apertura`: the opening of the publication window (epoch ms), null when no window
 * is configured (a replay of a past night, an administrator's test): then only the upper bound applies.
 */
export function fechaPublicable(declarada: number | null, ahora: number, apertura: number | null): FechaDecidida {
  if (declarada === null) return { at: ahora, rechazada: null };
  if (declarada > ahora + HOLGURA_RELOJ_MS) return { at: ahora, rechazada: { declarada, motivo: 'POSTERIOR_AL_SERVIDOR' } };
  if (apertura !== null && declarada < apertura) return { at: ahora, rechazada: { declarada, motivo: 'ANTERIOR_A_LA_VENTANA' } };
  return { at: declarada, rechazada: null };
}
