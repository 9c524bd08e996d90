/**
 * The project's one seeded PRNG (mulberry32) and the helpers built on it: the synthetic catalogues, the
 * simulacro's night, the benchmarks' synthetic actas and the tests that need reproducible data all draw from
 * here. Same seed, same sequence, in Node and in workerd alike: only 32-bit integer arithmetic, never
 * Math.random and no transcendental Math functions (whose last bits the language leaves to each engine).
 */
export interface Azar {
  /** Uniform float in [0, 1). */
  siguiente(): number;
  /** Uniform integer in [min, max], both inclusive. */
  entero(min: number, max: number): number;
  /** Uniform float in [min, max). */
  rango(min: number, max: number): number;
  /** True with probability p. */
  conProbabilidad(p: number): boolean;
  elegir<T>(elementos: readonly T[]): T;
  /** Index drawn with probability proportional to its weight (weights ≥ 0, not all 0). */
  indicePonderado(pesos: readonly number[]): number;
  ponderado<T>(elementos: readonly T[], peso: (elemento: T) => number): T;
  /** A new array, Fisher–Yates shuffled. */
  barajar<T>(elementos: readonly T[]): T[];
  /** An independent stream for one phase, so changing one phase does not reshuffle the others. */
  derivar(etiqueta: string): Azar;
}

/** FNV-1a over the label's UTF-16 code units: a stable 32-bit number for a phase name. */
function huella32(etiqueta: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < etiqueta.length; i++) h = Math.imul(h ^ etiqueta.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** mulberry32: tiny, fast, passes the statistical tests that matter for synthetic data. Floats in [0, 1). */
function mulberry32(semilla: number): () => number {
  let estado = semilla >>> 0;
  return () => {
    estado = (estado + 0x6d2b79f5) >>> 0;
    let t = estado;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function crearAzar(semilla: number): Azar {
  const siguiente = mulberry32(semilla);
  const indicePonderado = (pesos: readonly number[]): number => {
    let total = 0;
    for (const w of pesos) total += w;
    if (!(total > 0)) throw new Error('indicePonderado: los pesos deben sumar más de 0');
    let r = siguiente() * total;
    for (let i = 0; i < pesos.length; i++) {
      r -= pesos[i]!;
      if (r < 0) return i;
    }
    // Float round-off can leave r ≥ 0 after the loop: the last positive weight takes it.
    for (let i = pesos.length - 1; i >= 0; i--) if (pesos[i]! > 0) return i;
    return pesos.length - 1;
  };
  return {
    siguiente,
    entero: (min, max) => min + Math.floor(siguiente() * (max - min + 1)),
    rango: (min, max) => min + siguiente() * (max - min),
    conProbabilidad: (p) => siguiente() < p,
    elegir: (elementos) => {
      if (elementos.length === 0) throw new Error('elegir: lista vacía');
      return elementos[Math.floor(siguiente() * elementos.length)]!;
    },
    indicePonderado,
    ponderado: (elementos, peso) => elementos[indicePonderado(elementos.map(peso))]!,
    barajar: (elementos) => {
      const out = [...elementos];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(siguiente() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
    derivar: (etiqueta) => crearAzar((Math.imul(semilla >>> 0, 0x9e3779b1) ^ huella32(etiqueta)) >>> 0),
  };
}
