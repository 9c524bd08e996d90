/**
 * Percentages of docs/REGLAS.md §5: truncated (never rounded) to 4 decimals, with integer arithmetic.
 * A percentage is carried as an integer count of ten-thousandths of a percent ("units"):
 * 12.34567 % → 123456 units → "12.3456".
 */

/** Units in 100 %. */
const UNIDADES_EN_CIEN = 1_000_000;

/** A broken precondition (a programming error, as the domain's `assert`; the contract imports nothing). */
function exigir(condicion: boolean, mensaje: string): void {
  if (!condicion) throw new Error(`assertion failed: ${mensaje}`);
}

/**
 * ⌊100 × 10⁴ × num / den⌋ for non-negative integers, 0 when den is 0 (the result must be a safe integer, i.e.
 * num / den below about 9 × 10⁹: always so for counts of actas, votes and lista nominal). Exact: the quotient estimated in floating
 * point is corrected with the integer remainder; numbers too large for that fall back to BigInt.
 */
export function porcentajeTruncado(num: number, den: number): number {
  exigir(Number.isSafeInteger(num) && num >= 0, `percent numerator must be a non-negative integer: ${num}`);
  exigir(Number.isSafeInteger(den) && den >= 0, `percent denominator must be a non-negative integer: ${den}`);
  if (den === 0) return 0;
  const escalado = num * UNIDADES_EN_CIEN;
  // The estimate q is within 1 of the true quotient, so q·den ≤ escalado + den: exact while that is a safe integer.
  if (!Number.isSafeInteger(escalado + den)) {
    const unidades = (BigInt(num) * BigInt(UNIDADES_EN_CIEN)) / BigInt(den);
    exigir(unidades <= BigInt(Number.MAX_SAFE_INTEGER), `percent out of range: ${num} / ${den}`);
    return Number(unidades);
  }
  let q = Math.floor(escalado / den);
  let r = escalado - q * den;
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
export function textoPorcentaje(unidades: number): string {
  exigir(Number.isSafeInteger(unidades) && unidades >= 0, `percent units must be a non-negative integer: ${unidades}`);
  const entero = Math.floor(unidades / 10_000);
  const decimales = unidades - entero * 10_000;
  return `${entero}.${String(decimales).padStart(4, '0')}`;
}

/** The units as a JSON number (12.3456): the double nearest to the 4-decimal value, printed exactly so. */
export function valorPorcentaje(unidades: number): number {
  return unidades / 10_000;
}

/** Inverse of `valorPorcentaje` for a value it produced. */
export function unidadesPorcentaje(valor: number): number {
  return Math.round(valor * 10_000);
}
