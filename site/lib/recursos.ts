/**
 * Immutable, content-addressed objects (manifests, shards): fetched once and kept in a small in-memory cache,
 * so an unchanged shard is never downloaded again while the page stays open (the HTTP cache keeps them across
 * visits: they are served `immutable`). A failed fetch is not cached, so the next corte retries it.
 */

import { ErrorRecurso } from './fallas.ts';

const LIMITE = 96;
const cache = new Map<string, Promise<unknown>>();

/** GET a JSON object by path, parsed by `leer`; the same path is fetched once. */
export function obtenerJson<T>(url: string, leer: (json: unknown) => T): Promise<T> {
  const previo = cache.get(url);
  if (previo) {
    // Refresh its place in the LRU order.
    cache.delete(url);
    cache.set(url, previo);
    return previo as Promise<T>;
  }
  const p = fetch(url, { headers: { accept: 'application/json' } })
    .catch(() => {
      throw new ErrorRecurso(url, 0);
    })
    .then(async (r) => {
      if (!r.ok) throw new ErrorRecurso(url, r.status);
      return leer(await r.json());
    });
  p.catch(() => {
    if (cache.get(url) === p) cache.delete(url);
  });
  cache.set(url, p);
  while (cache.size > LIMITE) cache.delete(cache.keys().next().value!);
  return p;
}
