/**
 * Instants in published files (docs/REGLAS.md §6, §7): the entidad's own fixed UTC offset (catalogue data: Jalisco
 * -360 = UTC-6, Sonora -420), no daylight saving, so no time-zone database is needed.
 *   FECHA_HORA_* cells:   DD/MM/YYYY HH:MM:SS
 *   corte line:           DD/MM/YYYY HH:MM (UTC-6)
 *   zip name stamp:       YYYYMMDD_HHMM
 * Instants are epoch milliseconds. Seconds (and minutes, for the corte line) are truncated, never rounded.
 */
import { z } from 'zod';
import { assert } from '../assert.ts';
import { err, ok, type Result } from '../resultado.ts';

const MS_POR_MINUTO = 60_000;
/** Real-world offsets lie within UTC-12 … UTC+14. */
const OFFSET_MIN = -12 * 60;
const OFFSET_MAX = 14 * 60;

const p2 = (n: number) => String(n).padStart(2, '0');
const p4 = (n: number) => String(n).padStart(4, '0');

function partes(ms: number, offsetMinutes: number) {
  assert(Number.isFinite(ms), `instante inválido: ${ms}`);
  assert(Number.isInteger(offsetMinutes), `offset inválido: ${offsetMinutes}`);
  const d = new Date(ms + offsetMinutes * MS_POR_MINUTO);
  return {
    anio: d.getUTCFullYear(),
    mes: d.getUTCMonth() + 1,
    dia: d.getUTCDate(),
    hora: d.getUTCHours(),
    minuto: d.getUTCMinutes(),
    segundo: d.getUTCSeconds(),
  };
}

/** "UTC-6", "UTC-7", "UTC+5:30", "UTC+0". */
export function offsetLabel(offsetMinutes: number): string {
  const signo = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `UTC${signo}${h}${m === 0 ? '' : `:${p2(m)}`}`;
}

/** DD/MM/YYYY HH:MM:SS in the given offset. */
export function formatFechaHora(ms: number, offsetMinutes: number): string {
  const t = partes(ms, offsetMinutes);
  return `${p2(t.dia)}/${p2(t.mes)}/${p4(t.anio)} ${p2(t.hora)}:${p2(t.minuto)}:${p2(t.segundo)}`;
}

/** The corte line: DD/MM/YYYY HH:MM (UTC-6). */
export function formatCorte(ms: number, offsetMinutes: number): string {
  const t = partes(ms, offsetMinutes);
  return `${p2(t.dia)}/${p2(t.mes)}/${p4(t.anio)} ${p2(t.hora)}:${p2(t.minuto)} (${offsetLabel(offsetMinutes)})`;
}

/** YYYYMMDD_HHMM, the stamp of a corte's zip name (`YYYYMMDD_HHMM_PREP_<ELECCION>`). */
export function formatZipStamp(ms: number, offsetMinutes: number): string {
  const t = partes(ms, offsetMinutes);
  return `${p4(t.anio)}${p2(t.mes)}${p2(t.dia)}_${p2(t.hora)}${p2(t.minuto)}`;
}

export const CorteInstanteSchema = z.strictObject({
  /** Epoch milliseconds of the stated local time. */
  ms: z.number().int(),
  offsetMinutes: z.number().int().min(OFFSET_MIN).max(OFFSET_MAX),
});
export type CorteInstante = z.infer<typeof CorteInstanteSchema>;

export const CorteLineErrorSchema = z.strictObject({
  motivo: z.enum(['FORMATO', 'FECHA_INVALIDA', 'OFFSET_INVALIDO']),
  texto: z.string(),
});
export type CorteLineError = z.infer<typeof CorteLineErrorSchema>;

const CORTE_RE =
  /^\uFEFF?\s*(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? \(UTC(?:([+-])(\d{1,2})(?::(\d{2}))?)?\)\s*$/;

/**
 * Reads a corte line (`DD/MM/YYYY HH:MM (UTC-6)`, any offset; seconds and a BOM tolerated; `UTC` alone is
 * UTC+0) back into the instant and its offset.
 */
export function parseCorteLine(texto: string): Result<CorteInstante, CorteLineError> {
  const m = CORTE_RE.exec(texto);
  if (!m) return err({ motivo: 'FORMATO', texto });
  const [dia, mes, anio, hora, minuto, segundo] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [
    number, number, number, number, number, number,
  ];
  const offsetAbs = Number(m[8] ?? 0) * 60 + Number(m[9] ?? 0);
  const offsetMinutes = m[7] === '-' ? -offsetAbs : offsetAbs;
  if (Number(m[9] ?? 0) >= 60 || offsetMinutes < OFFSET_MIN || offsetMinutes > OFFSET_MAX) {
    return err({ motivo: 'OFFSET_INVALIDO', texto });
  }
  const d = new Date(0);
  d.setUTCFullYear(anio, mes - 1, dia);
  d.setUTCHours(hora, minuto, segundo, 0);
  const valida =
    d.getUTCFullYear() === anio && d.getUTCMonth() === mes - 1 && d.getUTCDate() === dia &&
    d.getUTCHours() === hora && d.getUTCMinutes() === minuto && d.getUTCSeconds() === segundo;
  if (!valida) return err({ motivo: 'FECHA_INVALIDA', texto });
  return ok({ ms: d.getTime() - offsetMinutes * MS_POR_MINUTO, offsetMinutes: offsetMinutes === 0 ? 0 : offsetMinutes });
}
