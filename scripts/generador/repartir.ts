/**
 * Integer apportionment: split an exact total over items in proportion to weights, within per-item bounds.
 * Every total of the synthetic catalogue (casillas per type, lista nominal) is reached exactly through this,
 * so no final "fix-up" can push an item out of its bounds. Ties break by index: deterministic.
 */

type Bound = number | readonly number[];
const at = (b: Bound, i: number): number => (typeof b === 'number' ? b : b[i]!);

/**
 * Integers x[i] with lo[i] ≤ x[i] ≤ hi[i], Σ x = total, x ≈ proportional to weights where bounds allow
 * ("water-filling": x[i] = clamp(λ·w[i], lo, hi) for the λ that meets the total, then rounded by largest
 * remainder). Throws when the bounds make the total impossible, so a bad plan fails loudly.
 */
export function apportion(total: number, weights: readonly number[], lo: Bound = 0, hi: Bound = Infinity): number[] {
  const n = weights.length;
  let minSum = 0;
  let maxSum = 0;
  for (let i = 0; i < n; i++) {
    if (at(lo, i) > at(hi, i)) throw new Error(`apportion: item ${i} has lo > hi`);
    minSum += at(lo, i);
    maxSum += at(hi, i);
  }
  if (total < minSum || total > maxSum) throw new Error(`apportion: ${total} outside [${minSum}, ${maxSum}]`);

  const w = weights.map((x) => (x > 0 ? x : 0));
  const clampAt = (i: number, v: number) => Math.min(at(hi, i), Math.max(at(lo, i), v));
  const sumAt = (lambda: number) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += clampAt(i, lambda * w[i]!);
    return s;
  };
  // Bisection on λ: Σ clamp(λ·w) grows monotonically with λ. Items of weight 0 stay at their lower bound.
  let a = 0;
  let b = 1;
  while (sumAt(b) < total && b < 1e300) b *= 2;
  for (let k = 0; k < 200 && b - a > b * 1e-15; k++) {
    const m = (a + b) / 2;
    if (sumAt(m) < total) a = m;
    else b = m;
  }
  const real = w.map((wi, i) => clampAt(i, b * wi));
  const x = real.map((v, i) => Math.min(at(hi, i), Math.max(at(lo, i), Math.floor(v))));
  return settle(x, real, total, lo, hi);
}

/** Adds or removes units, largest (or smallest) remainder first, until Σ x = total. */
function settle(x: number[], real: readonly number[], total: number, lo: Bound, hi: Bound): number[] {
  let diff = total - x.reduce((s, v) => s + v, 0);
  const byRemainder = x
    .map((v, i) => ({ i, r: real[i]! - v }))
    .sort((p, q) => (diff > 0 ? q.r - p.r : p.r - q.r) || p.i - q.i)
    .map((p) => p.i);
  while (diff !== 0) {
    let moved = false;
    for (const i of byRemainder) {
      if (diff === 0) break;
      if (diff > 0 && x[i]! < at(hi, i)) {
        x[i] = x[i]! + 1;
        diff--;
        moved = true;
      } else if (diff < 0 && x[i]! > at(lo, i)) {
        x[i] = x[i]! - 1;
        diff++;
        moved = true;
      }
    }
    if (!moved) throw new Error('apportion: cannot settle the total within bounds');
  }
  return x;
}
