/**
 * How the report writes numbers, percentages, instants and durations: es-MX through Intl, instants in the
 * entidad's own offset (the corte line's convention, e.g. "UTC-6"), and text escaped for HTML and SVG.
 */
const nf = new Intl.NumberFormat('es-MX');
const nfPct = new Intl.NumberFormat('es-MX', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const nf1 = new Intl.NumberFormat('es-MX', { maximumFractionDigits: 1 });
const fh = new Intl.DateTimeFormat('es-MX', { timeZone: 'UTC', day: '2-digit', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const hm = new Intl.DateTimeFormat('es-MX', { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

export const entero = (x: number): string => nf.format(x);
/** A percentage already in 0–100. */
export const porcentaje = (x: number): string => `${nfPct.format(x)} %`;

/** "UTC-6" for −360. */
export function huso(utcOffsetMinutes: number): string {
  const h = utcOffsetMinutes / 60;
  return `UTC${h < 0 ? '-' : '+'}${nf1.format(Math.abs(h))}`;
}

/** An instant in the entidad's offset: `02 jun 2024, 18:00`. */
export const fechaHora = (t: number, utcOffsetMinutes: number): string => fh.format(new Date(t + utcOffsetMinutes * 60_000));
/** Only the local hour and minute: `18:00`. */
export const horaMinuto = (t: number, utcOffsetMinutes: number): string => hm.format(new Date(t + utcOffsetMinutes * 60_000));

/** A duration as a person reads it: `850 ms`, `42 s`, `3 min 20 s`, `2 h 05 min`. */
export function duracion(ms: number): string {
  const signo = ms < 0 ? '−' : '';
  const a = Math.abs(ms);
  if (a < 1000) return `${signo}${nf.format(Math.round(a))} ms`;
  const s = Math.round(a / 1000);
  if (s < 60) return `${signo}${nf.format(s)} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${signo}${nf.format(min)} min${s % 60 ? ` ${nf.format(s % 60)} s` : ''}`;
  const h = Math.floor(min / 60);
  return `${signo}${nf.format(h)} h ${String(min % 60).padStart(2, '0')} min`;
}

/** A byte count: `12.3 MB`. */
export function bytes(n: number): string {
  if (n < 1024) return `${nf.format(n)} B`;
  if (n < 1024 ** 2) return `${nf1.format(n / 1024)} KB`;
  return `${nf1.format(n / 1024 ** 2)} MB`;
}

const ENTIDADES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapar = (s: string): string => s.replace(/[&<>"']/g, (c) => ENTIDADES[c]!);
