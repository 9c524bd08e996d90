/** How the cortes screen writes instants, sizes and durations (es-MX, through Intl). */
const FECHA_HORA = new Intl.DateTimeFormat('es-MX', { dateStyle: 'short', timeStyle: 'medium' });
const KB = new Intl.NumberFormat('es-MX', { style: 'unit', unit: 'kilobyte', unitDisplay: 'short', maximumFractionDigits: 1 });
const MB = new Intl.NumberFormat('es-MX', { style: 'unit', unit: 'megabyte', unitDisplay: 'short', maximumFractionDigits: 1 });
const SEG = new Intl.NumberFormat('es-MX', { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: 1 });

export const fechaHora = (ms: number): string => FECHA_HORA.format(ms);

export const bytes = (n: number): string => (n < 1_000_000 ? KB.format(n / 1000) : MB.format(n / 1_000_000));

export const segundos = (ms: number): string => SEG.format(ms / 1000);

/** "20:00" from minutes after midnight, and back (null when the text is not HH:MM). */
export const hhmm = (min: number): string => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
export function minutosDe(texto: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(texto);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

export const MOTIVO: Record<'programado' | 'final' | 'administrador', string> = { programado: 'programado', final: 'cierre', administrador: 'a mano' };
