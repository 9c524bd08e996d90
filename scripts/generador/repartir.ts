/**
 * Integer apportionment: split an exact total over items in proportion to weights, within per-item bounds.
 * Every total of the synthetic catalogue (casillas per type, lista nominal) is reached exactly through this,
 * so no final "fix-up" can push an item out of its bounds. Ties break by index: deterministic.
 */

type Cota = number | readonly number[];
const cotaEn = (b: Cota, i: number): number => (typeof b === 'number' ? b : b[i]!);

/**
 * Integers x[i] with minimos[i] ≤ x[i] ≤ maximos[i], Σ x = total, x ≈ proportional to weights where bounds allow
 * ("water-filling": x[i] = clamp(λ·w[i], minimos, maximos) for the λ that meets the total, then rounded by largest
 * remainder). Throws when the bounds make the total impossible, so a bad plan fails loudly.
 */
export function repartir(total: number, pesos: readonly number[], minimos: Cota = 0, maximos: Cota = Infinity): number[] {
  const n = pesos.length;
  let sumaMinima = 0;
  let sumaMaxima = 0;
  for (let i = 0; i < n; i++) {
    if (cotaEn(minimos, i) > cotaEn(maximos, i)) throw new Error(`repartir: el elemento ${i} tiene mínimo > máximo`);
    sumaMinima += cotaEn(minimos, i);
    sumaMaxima += cotaEn(maximos, i);
  }
  if (total < sumaMinima || total > sumaMaxima) throw new Error(`repartir: ${total} fuera de [${sumaMinima}, ${sumaMaxima}]`);

  // biome-ignore lint/complexity/useMathMinMax: a NaN weight must become 0, which Math.max(x, 0) would not do.
  const w = pesos.map((x) => (x > 0 ? x : 0));
  const acotar = (i: number, v: number) => Math.min(cotaEn(maximos, i), Math.max(cotaEn(minimos, i), v));
  const sumaCon = (factor: number) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += acotar(i, factor * w[i]!);
    return s;
  };
  // Bisection on λ: Σ clamp(λ·w) grows monotonically with λ. Items of weight 0 stay at their lower bound.
  let a = 0;
  let b = 1;
  while (sumaCon(b) < total && b < 1e300) b *= 2;
  for (let k = 0; k < 200 && b - a > b * 1e-15; k++) {
    const m = (a + b) / 2;
    if (sumaCon(m) < total) a = m;
    else b = m;
  }
  const reales = w.map((wi, i) => acotar(i, b * wi));
  const x = reales.map((v, i) => Math.min(cotaEn(maximos, i), Math.max(cotaEn(minimos, i), Math.floor(v))));
  return ajustar(x, reales, total, minimos, maximos);
}

/** Adds or removes units, largest (or smallest) remainder first, until Σ x = total. */
function ajustar(x: number[], reales: readonly number[], total: number, minimos: Cota, maximos: Cota): number[] {
  let falta = total - x.reduce((s, v) => s + v, 0);
  const porResto = x
    .map((v, i) => ({ i, r: reales[i]! - v }))
    .sort((p, q) => (falta > 0 ? q.r - p.r : p.r - q.r) || p.i - q.i)
    .map((p) => p.i);
  while (falta !== 0) {
    let movido = false;
    for (const i of porResto) {
      if (falta === 0) break;
      if (falta > 0 && x[i]! < cotaEn(maximos, i)) {
        x[i] = x[i]! + 1;
        falta--;
        movido = true;
      } else if (falta < 0 && x[i]! > cotaEn(minimos, i)) {
        x[i] = x[i]! - 1;
        falta++;
        movido = true;
      }
    }
    if (!movido) throw new Error('repartir: el total no cabe entre los mínimos y máximos');
  }
  return x;
}
