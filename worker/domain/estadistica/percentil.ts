/**
 * Nearest-rank percentiles, the one rule every figure of the project uses (the console's publication latency, the
 * COTAPREP report, the benchmarks and the simulacro's summary).
 */

/**
 * The p-quantile (0 ≤ p ≤ 1) by the nearest-rank rule: the smallest measurement with at least p·n of them at or
 * below it, i.e. sorted[⌈p·n⌉ − 1] (the minimum for p = 0); 0 for an empty list. p99 of 100 values is the 99th.
 */
export function percentil(xs: readonly number[], p: number): number {
  if (xs.length === 0) return 0;
  const o = [...xs].sort((a, b) => a - b);
  // p·n in floating point can land just above an integer (0.07 × 100 = 7.000000000000001): round that away.
  const pn = Number((p * o.length).toPrecision(12));
  const rango = Math.min(o.length, Math.max(1, Math.ceil(pn)));
  return o[rango - 1]!;
}
