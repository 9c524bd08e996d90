/**
 * `fechaHora` sent by a client: ISO 8601 with an explicit offset ("2024-06-02T20:15:00-06:00" or "…Z"), read
 * as epoch ms. Simulacros replay a night at accelerated time, so the stated instant is recorded as the step's
 * time; the server's own time is always recorded beside it. Accepted range: 2000–2099.
 */
import { z } from 'zod';

const MIN = Date.UTC(2000, 0, 1);
const MAX = Date.UTC(2100, 0, 1);

export const FechaHoraSchema = z.iso
  .datetime({ offset: true })
  .transform((s) => Date.parse(s))
  .refine((ms) => Number.isFinite(ms) && ms >= MIN && ms < MAX, 'fechaHora fuera del intervalo 2000–2099');
