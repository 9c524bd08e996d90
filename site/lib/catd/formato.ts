/**
 * es-MX dates and durations for the CATD screens, in the time zone of the device (the CATD's own clock, which is
 * the entidad's local time), with the zone named so nobody has to guess.
 */
const LOCALE = 'es-MX';

const fechaHoraFmt = new Intl.DateTimeFormat(LOCALE, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});
const horaFmt = new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const enteroFmt = new Intl.NumberFormat(LOCALE);

/** "viernes, 4 de diciembre, 20:15 GMT-6" */
export function fechaHoraLocal(ms: number): string {
  return fechaHoraFmt.format(ms);
}

/** "20:15" */
export function horaLocal(ms: number): string {
  return horaFmt.format(ms);
}

export function entero(n: number): string {
  return enteroFmt.format(n);
}

/** A span of time, to the minute: "menos de 1 min", "12 min", "7 h 5 min", "2 d 3 h". */
export function duracion(ms: number): string {
  const min = Math.floor(Math.max(0, ms) / 60_000);
  if (min < 1) return 'menos de 1 min';
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return min % 60 === 0 ? `${h} h` : `${h} h ${min % 60} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}
