/**
 * Percentages of RULES.md §5: truncated (never rounded) to 4 decimals, with integer arithmetic.
 * A percentage is carried as an integer count of ten-thousandths of a percent ("units"):
 * 12.34567 % → 123456 units → "12.3456".
 */
import { assert } from '../assert.ts';

/** Units in 100 %. */
export const PERCENT_UNITS = 1_000_000;

/**
 * ⌊100 × 10⁴ × num / den⌋ for non-negative integers, 0 when den is 0 (the result must be a safe integer, i.e.
 * num / den below about 9 × 10⁹: always so for counts of actas, votes and lista nominal). Exact: the quotient estimated in floating
 * point is corrected with the integer remainder; numbers too large for that fall back to BigInt.
 */
export function truncatedPercent(num: number, den: number): number {
  assert(Number.isSafeInteger(num) && num >= 0, `percent numerator must be a non-negative integer: ${num}`);
  assert(Number.isSafeInteger(den) && den >= 0, `percent denominator must be a non-negative integer: ${den}`);
  if (den === 0) return 0;
  const scaled = num * PERCENT_UNITS;
  // The estimate q is within 1 of the true quotient, so q·den ≤ scaled + den: exact while that is a safe integer.
  if (!Number.isSafeInteger(scaled + den)) {
    const units = (BigInt(num) * BigInt(PERCENT_UNITS)) / BigInt(den);
    assert(units <= BigInt(Number.MAX_SAFE_INTEGER), `percent out of range: ${num} / ${den}`);
    return Number(units);
  }
  let q = Math.floor(scaled / den);
  let r = scaled - q * den;
  while (r < 0) {
    q -= 1;
    r += den;
  }
  while (r >= den) {
    q += 1;
    r -= den;
  }
  return q;
}

/** "12.3456": the units as a percentage with exactly 4 decimals, as published in the CSV. */
export function formatPercent(units: number): string {
  assert(Number.isSafeInteger(units) && units >= 0, `percent units must be a non-negative integer: ${units}`);
  const entero = Math.floor(units / 10_000);
  const decimales = units - entero * 10_000;
  return `${entero}.${String(decimales).padStart(4, '0')}`;
}

/** The units as a JSON number (12.3456): the double nearest to the 4-decimal value, printed exactly so. */
export function percentValue(units: number): number {
  return units / 10_000;
}

/** Inverse of `percentValue` for a value it produced. */
export function percentUnits(value: number): number {
  return Math.round(value * 10_000);
}
