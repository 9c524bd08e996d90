/**
 * Summaries of measurements for the reports (bench, simulacro): the domain's nearest-rank percentile
 * (worker/domain/estadistica/percentil.ts) and the median the benchmarks report.
 */

export { percentil } from '../../worker/domain/estadistica/percentil.ts';

/** The median of the repetitions of a benchmark: the upper middle element for an even count (of a sorted copy). */
export function mediana(xs: readonly number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}
