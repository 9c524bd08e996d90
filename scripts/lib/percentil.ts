/** The p-quantile (0 ≤ p ≤ 1) of a list of measurements, by the nearest-rank rule; 0 for an empty list. */
export function percentil(xs: readonly number[], p: number): number {
  if (xs.length === 0) return 0;
  const o = [...xs].sort((a, b) => a - b);
  return o[Math.min(o.length - 1, Math.floor(p * o.length))]!;
}
