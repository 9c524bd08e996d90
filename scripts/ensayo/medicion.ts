/**
 * What the rehearsal records about each request (latency, answer, edge cache status) and its summary: latency
 * percentiles, errors by kind and the cache hit ratio as the responses tell it (`cf-cache-status`, else the
 * Worker's own RFC 9211 `Cache-Status`: a local `wrangler dev` has no cf-cache-status); when no response says,
 * the ratio is unknown, never guessed.
 */
import { percentil } from '../lib/percentil.ts';

export interface Muestra {
  ms: number;
  /** HTTP status; 0: no answer (network error or timeout). */
  status: number;
  /** The response's cf-cache-status, upper case, or its Cache-Status said the same way; null when neither. */
  cache: string | null;
}

export interface Resumen {
  solicitudes: number;
  porSegundo: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Answers ≥ 500, 429 and no answer at all. */
  errores: number;
  estados: Record<string, number>;
  /** Hits over the responses that carried a cache status; null when none did. */
  aciertosCache: number | null;
  conEstadoCache: number;
}

/** cf-cache-status values that mean the response came from the edge cache. */
const ACIERTOS = new Set(['HIT', 'STALE', 'UPDATING', 'REVALIDATED']);

/** The Worker's edge cache in Cache-Status (worker/api/publico/cache-borde.ts). */
const CACHE_PROPIA = 'prep-borde';

/** The cache status of a response: cf-cache-status, else our Cache-Status entry as HIT, STALE or MISS. */
export function estadoDeCache(headers: Headers): string | null {
  const cf = headers.get('cf-cache-status');
  if (cf !== null) return cf.toUpperCase();
  // RFC 9211: a list of caches, each `name; param; param=value`.
  for (const entrada of (headers.get('cache-status') ?? '').split(',')) {
    const [nombre, ...parametros] = entrada.split(';').map((p) => p.trim().toLowerCase());
    if (nombre !== CACHE_PROPIA) continue;
    if (!parametros.includes('hit')) return 'MISS';
    return parametros.includes('fwd=stale') ? 'STALE' : 'HIT';
  }
  return null;
}

export function esError(status: number): boolean {
  return status === 0 || status === 429 || status >= 500;
}

export function resumir(muestras: readonly Muestra[], segundos: number): Resumen {
  const ms = muestras.map((m) => m.ms);
  const estados: Record<string, number> = {};
  for (const m of muestras) estados[m.status === 0 ? 'sin respuesta' : String(m.status)] = (estados[m.status === 0 ? 'sin respuesta' : String(m.status)] ?? 0) + 1;
  const conCache = muestras.filter((m) => m.cache !== null);
  return {
    solicitudes: muestras.length,
    porSegundo: segundos > 0 ? muestras.length / segundos : 0,
    p50: muestras.length ? percentil(ms, 0.5) : 0,
    p90: muestras.length ? percentil(ms, 0.9) : 0,
    p99: muestras.length ? percentil(ms, 0.99) : 0,
    max: ms.reduce((a, b) => Math.max(a, b), 0),
    errores: muestras.filter((m) => esError(m.status)).length,
    estados,
    aciertosCache: conCache.length ? conCache.filter((m) => ACIERTOS.has(m.cache!)).length / conCache.length : null,
    conEstadoCache: conCache.length,
  };
}

/** One GET, measured; never throws. */
export async function medirGet(url: string, encabezados: Record<string, string>, limiteMs: number): Promise<{ muestra: Muestra; respuesta: Response | null; cuerpo: string }> {
  const t0 = performance.now();
  try {
    const r = await fetch(url, { headers: encabezados, signal: AbortSignal.timeout(limiteMs) });
    const cuerpo = await r.text();
    return { muestra: { ms: performance.now() - t0, status: r.status, cache: estadoDeCache(r.headers) }, respuesta: r, cuerpo };
  } catch {
    return { muestra: { ms: performance.now() - t0, status: 0, cache: null }, respuesta: null, cuerpo: '' };
  }
}
