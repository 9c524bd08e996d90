/**
 * es-MX formatting for the portal, all through Intl. Percentages of the corte figures arrive already truncated to
 * 4 decimals (docs/REGLAS.md §5) and are shown with exactly those 4 decimals; vote shares are computed here with the
 * domain's integer truncation, never rounded up.
 */
import { porcentajeTruncado, unidadesPorcentaje, valorPorcentaje } from '../../worker/domain/contrato/index.ts';

const LOCALE = 'es-MX';
const enteros = new Intl.NumberFormat(LOCALE);
const porcentajes = new Intl.NumberFormat(LOCALE, { style: 'percent', minimumFractionDigits: 4, maximumFractionDigits: 4 });
const porcentajesCortos = new Intl.NumberFormat(LOCALE, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const bytesFmt = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });
const relativo = new Intl.RelativeTimeFormat(LOCALE, { numeric: 'auto' });
const fechaHoraFmt = new Intl.DateTimeFormat(LOCALE, {
  timeZone: 'UTC',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const fechaHoraSegFmt = new Intl.DateTimeFormat(LOCALE, {
  timeZone: 'UTC',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** 6,619,342 */
export function entero(n: number): string {
  return enteros.format(n);
}

/** A published percentage (12.3456, already truncated) as "12.3456 %" with its 4 decimals. */
export function porcentaje(valor: number): string {
  return porcentajes.format(valor / 100);
}

const puntosFmt = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 4, maximumFractionDigits: 4 });

/** A difference of two published percentages, in percentage points with their 4 decimals: "7.9000". */
export function puntos(valor: number): string {
  return puntosFmt.format(valor);
}

/** The same with 2 decimals, truncated (for compact labels such as bar ends). */
export function porcentajeCorto(valor: number): string {
  // Integer units first, so a double such as 0.29 (28.999… × 100) never truncates one step too low.
  return porcentajesCortos.format(Math.floor(unidadesPorcentaje(valor) / 100) / 10_000);
}

/** Share of `parte` in `total` as a percentage truncated to 4 decimals (0 when the total is 0). */
export function participacionDe(parte: number, total: number): number {
  return valorPorcentaje(porcentajeTruncado(parte, total));
}

/** "UTC-6", "UTC+5:30": the entidad's fixed offset, which is data, not a constant. */
export function etiquetaOffset(offsetMinutes: number): string {
  const abs = Math.abs(offsetMinutes);
  const m = abs % 60;
  return `UTC${offsetMinutes < 0 ? '-' : '+'}${Math.floor(abs / 60)}${m === 0 ? '' : `:${String(m).padStart(2, '0')}`}`;
}

/** An instant in the entidad's local time: "02/06/2024, 20:05 (UTC-6)". */
export function fechaHora(ms: number, offsetMinutes: number, conSegundos = false): string {
  const local = new Date(ms + offsetMinutes * 60_000);
  return `${(conSegundos ? fechaHoraSegFmt : fechaHoraFmt).format(local)} (${etiquetaOffset(offsetMinutes)})`;
}

/** "hace 3 minutos", "hace 20 segundos", "ahora". */
export function hace(ms: number, ahora: number): string {
  const s = Math.max(0, Math.round((ahora - ms) / 1000));
  if (s < 45) return s < 5 ? relativo.format(0, 'second') : relativo.format(-s, 'second');
  const min = Math.round(s / 60);
  if (min < 60) return relativo.format(-min, 'minute');
  const h = Math.round(min / 60);
  return h < 48 ? relativo.format(-h, 'hour') : relativo.format(-Math.round(h / 24), 'day');
}

/** 1.2 MB, 740 kB, 512 B (decimal units, as download sizes are usually read). */
export function bytes(n: number): string {
  if (n < 1000) return `${entero(n)} B`;
  if (n < 1_000_000) return `${bytesFmt.format(n / 1000)} kB`;
  return `${bytesFmt.format(n / 1_000_000)} MB`;
}
