/**
 * Summaries of latencies for the report: nearest-rank percentiles (the rule of the benchmarks, scripts/lib/percentil.ts)
 * and a histogram over "round" bin widths, so that a reader of the printed report reads 2 min, 5 min, not 137 s.
 */
import { percentil } from '../../worker/domain/estadistica/percentil.ts';
import type { Histograma, Percentiles } from './tipos.ts';

export function percentiles(xs: readonly number[]): Percentiles {
  return {
    n: xs.length,
    p50: percentil(xs, 0.5),
    p90: percentil(xs, 0.9),
    p99: percentil(xs, 0.99),
    max: xs.length === 0 ? 0 : xs.reduce((m, x) => Math.max(m, x), Number.NEGATIVE_INFINITY),
  };
}

const SEGUNDO = 1000;
const MINUTO = 60 * SEGUNDO;
/** Bin widths a person reads at a glance. */
export const ANCHOS = [1, 2, 5, 10, 15, 30].map((s) => s * SEGUNDO).concat([1, 2, 5, 10, 15, 30, 60, 120, 240, 480].map((m) => m * MINUTO));

/** At most this many bins, the last of them open-ended ("or more"). */
export const MAX_CUBETAS = 12;

/**
 * Bins of the narrowest round width that spans the p99 in MAX_CUBETAS − 1 bins; the last bin takes the rest (the
 * outliers above the p99), and the first everything below its upper edge (a negative latency from a client's
 * clock included). Every value lands in exactly one bin.
 */
export function histograma(xs: readonly number[]): Histograma {
  if (xs.length === 0) return { limites: [], conteos: [] };
  const alto = Math.max(percentil(xs, 0.99), 1);
  const ancho = ANCHOS.find((a) => a * (MAX_CUBETAS - 1) >= alto) ?? Math.ceil(alto / (MAX_CUBETAS - 1));
  const cubetas = Math.min(MAX_CUBETAS, Math.floor(alto / ancho) + 2);
  const limites = Array.from({ length: cubetas }, (_, i) => i * ancho);
  const conteos = new Array<number>(cubetas).fill(0);
  for (const x of xs) {
    const i = Math.min(cubetas - 1, Math.max(0, Math.floor(x / ancho)));
    conteos[i]! += 1;
  }
  return { limites, conteos };
}
