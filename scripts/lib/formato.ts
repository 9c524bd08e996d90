/**
 * Text formatting shared by the reports of the local scripts (the bench section of BENCHMARKS.md, the simulacro
 * summary) and by their progress lines (simulacro, replay).
 */

/**
 * A duration as `M min S s`. The whole seconds come from `redondear` (the bench report truncates, the simulacro
 * summary rounds) and are split after, so a rounded 119.7 s reads `2 min 0 s`, never `1 min 60 s`.
 */
export function minutosYSegundos(segundos: number, redondear: (x: number) => number = Math.floor): string {
  const total = redondear(segundos);
  return `${Math.floor(total / 60)} min ${total % 60} s`;
}

const nf = new Intl.NumberFormat('es-MX');

/** A count as people in Mexico read it: `1,234`. */
export const numero = (x: number): string => nf.format(x);

const nf1 = new Intl.NumberFormat('es-MX', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A rate or a duration with one decimal: `23.4`, `1,234.0`. */
export const unDecimal = (x: number): string => nf1.format(x);

/** Elapsed real time as `M:SS` (minutes not capped: `75:03`), for progress lines. */
export function reloj(ms: number): string {
  const s = Math.floor(Math.max(0, ms) / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** A progress bar `ancho` cells wide, `fraccion` (0–1) of them full. */
export function barra(fraccion: number, ancho = 28): string {
  const llenos = Math.max(0, Math.min(ancho, Math.round(fraccion * ancho)));
  return '█'.repeat(llenos) + '░'.repeat(ancho - llenos);
}
