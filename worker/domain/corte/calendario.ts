/**
 * When a corte is due (docs/REGLAS.md §6). The cron fires every minute; this decides. Publication opens on election
 * day at a local hour (default 20:00) in the entidad's own offset (catalogue data) and lasts a configurable
 * time (default and maximum 24 h). Inside the window the time is cut into turns of `cadenciaMinutos` (default
 * 5, never more than 20: at least 3 cortes per hour) counted from the opening; each turn gets at most one
 * scheduled corte. At the close, one final corte (participation switches to TOTAL_VOTOS_C_CS), then nothing.
 */
import { z } from 'zod';

export const CADENCIA_MAXIMA_MINUTOS = 20;

/**
 * A final corte's run holds the corte lease under a holder id with this prefix, from before it reads the change
 * sequence it cuts at: the capture API refuses writes while such a holder is there (they could not be in the
 * final corte, and nothing is published after it).
 */
export const PREFIJO_FINAL = 'final:';

export const ConfigCortesSchema = z.strictObject({
  /** Election day as a local date (YYYY-MM-DD); null: no window, only cortes asked for by an administrator. */
  jornada: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  /** Opening, minutes after local midnight of election day (docs/REGLAS.md §6: between 18:00 and 20:00). */
  inicioMinutos: z.number().int().min(0).max(1439),
  /** Length of the window in minutes (at most 24 h). */
  duracionMinutos: z.number().int().min(1).max(1440),
  cadenciaMinutos: z.number().int().min(1).max(CADENCIA_MAXIMA_MINUTOS),
});
export type ConfigCortes = z.infer<typeof ConfigCortesSchema>;

export const CONFIG_PREDETERMINADA: ConfigCortes = { jornada: null, inicioMinutos: 20 * 60, duracionMinutos: 24 * 60, cadenciaMinutos: 5 };

const MINUTO = 60_000;

export interface Ventana {
  /** Epoch ms. */
  apertura: number;
  cierre: number;
}

/** The publication window in epoch ms, from the local date and the entidad's fixed UTC offset. */
export function ventana(config: ConfigCortes, offsetMinutes: number): Ventana | null {
  if (config.jornada === null) return null;
  const [anio, mes, dia] = config.jornada.split('-').map(Number) as [number, number, number];
  const apertura = Date.UTC(anio, mes - 1, dia) + (config.inicioMinutos - offsetMinutes) * MINUTO;
  return { apertura, cierre: apertura + config.duracionMinutos * MINUTO };
}

export interface EstadoProgramacion {
  /** Start of the last turn that got its corte (or was found without changes); null: none yet. */
  ultimoTurno: number | null;
  /** The final corte is published: publication is closed. */
  finalPublicado: boolean;
}

export type Decision =
  | { tipo: 'esperar'; motivo: 'SIN_JORNADA' | 'ANTES_DE_APERTURA' | 'TURNO_CUBIERTO' | 'PUBLICACION_CERRADA' }
  /** `turno`: start of the turn (the close, for the final corte). */
  | { tipo: 'corte'; final: boolean; turno: number };

export function decidir(config: ConfigCortes, offsetMinutes: number, ahora: number, estado: EstadoProgramacion): Decision {
  if (estado.finalPublicado) return { tipo: 'esperar', motivo: 'PUBLICACION_CERRADA' };
  const v = ventana(config, offsetMinutes);
  if (v === null) return { tipo: 'esperar', motivo: 'SIN_JORNADA' };
  if (ahora < v.apertura) return { tipo: 'esperar', motivo: 'ANTES_DE_APERTURA' };
  if (ahora >= v.cierre) return { tipo: 'corte', final: true, turno: v.cierre };
  const paso = config.cadenciaMinutos * MINUTO;
  const turno = v.apertura + Math.floor((ahora - v.apertura) / paso) * paso;
  if (estado.ultimoTurno !== null && estado.ultimoTurno >= turno) return { tipo: 'esperar', motivo: 'TURNO_CUBIERTO' };
  return { tipo: 'corte', final: false, turno };
}

/**
 * When the corte after one published at `instante` is due, for the edge cache to keep `latest.json` fresh until
 * then (worker/api/publico/cache-borde.ts): the next turn's start, the close (the final corte), 'final' after the
 * final corte (nothing is published any more), null without a window (only an administrator publishes).
 */
export function proximoCorte(config: ConfigCortes, offsetMinutes: number, instante: number, final: boolean): number | 'final' | null {
  if (final) return 'final';
  const v = ventana(config, offsetMinutes);
  if (v === null) return null;
  if (instante < v.apertura) return v.apertura;
  if (instante >= v.cierre) return v.cierre;
  const paso = config.cadenciaMinutos * MINUTO;
  return Math.min(v.apertura + (Math.floor((instante - v.apertura) / paso) + 1) * paso, v.cierre);
}
