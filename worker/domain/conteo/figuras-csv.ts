/** The 13 figures as the summary row of a results CSV (docs/REGLAS.md §7). */
import { esFiguraPorcentaje, FIGURAS, textoPorcentaje, unidadesPorcentaje, type Figuras } from '../contrato/index.ts';

/** The summary row of the results CSV: the 13 figures as text, percentages with exactly 4 decimals. */
export function figurasFila(f: Figuras): string[] {
  return FIGURAS.map((k) => (esFiguraPorcentaje(k) ? textoPorcentaje(unidadesPorcentaje(f[k])) : String(f[k])));
}
