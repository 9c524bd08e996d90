/**
 * The acopio time stamp as the operator writes it on the paper acta: date and time to the second, es-MX, in the
 * entidad's local time when its UTC offset is known (the published pointer gives it), else in the device's zone;
 * the zone is always named so nobody has to guess.
 */
export interface Sello {
  /** "viernes, 4 de diciembre de 2026" */
  fecha: string;
  /** "20:15:32" */
  hora: string;
  /** "UTC−6" (or the device zone's short name) */
  zona: string;
  /** ISO 8601 with the offset, for <time datetime>. */
  iso: string;
}

const LOCALE = 'es-MX';
const fechaUtc = new Intl.DateTimeFormat(LOCALE, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const horaUtc = new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });
const fechaLocal = new Intl.DateTimeFormat(LOCALE, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const horaLocal = new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
const zonaLocal = new Intl.DateTimeFormat(LOCALE, { timeZoneName: 'short' });

const dos = (n: number) => String(n).padStart(2, '0');

/** "−6", "+5:30": the offset as written after UTC (with a true minus sign). */
function desfase(min: number): string {
  const a = Math.abs(min);
  return `${min < 0 ? '−' : '+'}${Math.floor(a / 60)}${a % 60 === 0 ? '' : `:${dos(a % 60)}`}`;
}

function isoCon(ms: number, offsetMin: number): string {
  const d = new Date(ms + offsetMin * 60_000);
  const a = Math.abs(offsetMin);
  const tz = `${offsetMin < 0 ? '-' : '+'}${dos(Math.floor(a / 60))}:${dos(a % 60)}`;
  return `${d.toISOString().slice(0, 19)}${tz}`;
}

export function selloAcopio(ms: number, offsetMin: number | null): Sello {
  if (offsetMin !== null) {
    // Shift the instant and read it as UTC: the entidad's fixed offset, whatever the device's zone says.
    const d = ms + offsetMin * 60_000;
    return { fecha: fechaUtc.format(d), hora: horaUtc.format(d), zona: `UTC${desfase(offsetMin)}`, iso: isoCon(ms, offsetMin) };
  }
  const zona = zonaLocal.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? '';
  return { fecha: fechaLocal.format(ms), hora: horaLocal.format(ms), zona, iso: isoCon(ms, -new Date(ms).getTimezoneOffset()) };
}
