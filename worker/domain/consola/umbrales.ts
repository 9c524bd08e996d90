/**
 * The console's alert thresholds, with the defaults an election night starts with. The estado route takes any of
 * them from its query string (a drill, a test or a cautious coordinator can lower them) — never from a faked clock.
 */
import { z } from 'zod';

// Fractions allowed: a drill or a test may ask for seconds (0.05 min = 3 s) instead of waiting minutes.
const Minutos = z.coerce.number().min(0).max(24 * 60);
const Proporcion = z.coerce.number().min(0).max(1);

export const UmbralesSchema = z.strictObject({
  /** A CATD with actas waiting and no write from any of its operators for this long is silent. */
  silencioMin: Minutos.default(10),
  /** An acta waiting at one step for longer than this is stuck (COTEJO does not hold publication: longer). */
  detenidaMin: Minutos.default(20),
  detenidaCotejoMin: Minutos.default(60),
  /** Rates: the recent window, and how many events it needs before its rate means anything. */
  ventanaTasaMin: Minutos.default(15),
  minimoVentana: z.coerce.number().int().min(1).default(20),
  /** The night's rate (before the window) is "usual" once it rests on this many events… */
  minimoNoche: z.coerce.number().int().min(1).default(50),
  /** …and the recent rate is out of the usual above max(usual × factor, usual + margen). */
  factorTasa: z.coerce.number().min(1).default(2),
  margenTasa: Proporcion.default(0.1),
  /** Without a usual rate yet, the recent one is out of the usual above this. */
  tasaSinReferencia: Proporcion.default(0.5),
  /** A corte is late when its turn started this long ago (beyond the cron's minute) without one. */
  retrasoCorteMin: Minutos.default(3),
  /** The audit chain should have been verified within this long. */
  bitacoraMin: Minutos.default(30),
});
export type Umbrales = z.infer<typeof UmbralesSchema>;

export const UMBRALES_PREDETERMINADOS: Umbrales = UmbralesSchema.parse({});
