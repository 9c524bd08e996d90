/** Numbers, durations and instants of the console, in Spanish (es-MX) through Intl. */
const NUMERO = new Intl.NumberFormat('es-MX');
const MINUTOS = new Intl.NumberFormat('es-MX', { style: 'unit', unit: 'minute', unitDisplay: 'short', maximumFractionDigits: 0 });
const HORAS = new Intl.NumberFormat('es-MX', { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 0 });
const SEGUNDOS = new Intl.NumberFormat('es-MX', { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: 0 });
const RELATIVO = new Intl.RelativeTimeFormat('es-MX', { numeric: 'auto' });
const HORA = new Intl.DateTimeFormat('es-MX', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export const numero = (n: number): string => NUMERO.format(n);

/** How long something has waited: "45 s", "12 min", "2 h 5 min". */
export function duracion(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return SEGUNDOS.format(s);
  const min = Math.floor(s / 60);
  if (min < 60) return MINUTOS.format(min);
  const resto = min % 60;
  return resto === 0 ? HORAS.format(Math.floor(min / 60)) : `${HORAS.format(Math.floor(min / 60))} ${MINUTOS.format(resto)}`;
}

/** When something happened, relative to `ahora`: "hace 3 minutos", "ahora". */
export function haceCuanto(instante: number, ahora: number): string {
  const s = Math.round((instante - ahora) / 1000);
  if (Math.abs(s) < 60) return RELATIVO.format(s, 'second');
  const min = Math.round(s / 60);
  if (Math.abs(min) < 60) return RELATIVO.format(min, 'minute');
  return RELATIVO.format(Math.round(min / 60), 'hour');
}

export const horaDe = (instante: number): string => HORA.format(instante);

/** Percentage of `parte` in `todo`, or a dash without a base. */
export function porcentaje(parte: number, todo: number): string {
  if (todo === 0) return '—';
  return new Intl.NumberFormat('es-MX', { style: 'percent', maximumFractionDigits: 1 }).format(parte / todo);
}
