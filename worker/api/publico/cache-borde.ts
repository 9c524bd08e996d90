/**
 * The edge cache of the public routes, over the platform's Cache API (one cache per location; docs/ESCALA.md says
 * why this and not the Workers `cache` setting). The isolate keeps no data: it only remembers which reads are in
 * flight, so that simultaneous misses of one object share one origin read.
 *
 *   - content-addressed objects: stored once per location until evicted, never read from R2 again there;
 *   - mutable objects (`latest.json`, `historial.json`, `aviso.json`): fresh for a while (`vigencia`); then, for
 *     USABLE_MS - FRESCO_MS more, served stale while one background read (ctx.waitUntil) refreshes them —
 *     `cache.put`/`match` do no stale-while-revalidate themselves, so the time of storage travels in a header.
 *     Later a request waits for the read. Their absence is cached for FRESCO_MS (every portal page asks for the
 *     notice), but never served stale.
 *   - how long a mutable object stays fresh follows the corte calendar: the corte writes, in the object's R2
 *     metadata, when the next one is due (worker/cortes/almacen.ts). Until then nothing new can appear but a corte
 *     asked for by hand, so the copy is fresh up to TOPE_MS; from the due instant it is read every FRESCO_MS until
 *     the new pointer arrives (for VENTANA_MS at most: a turn without changes publishes nothing); after the final
 *     corte, FINAL_MS. An object without that metadata (an older corte) is fresh for FRESCO_MS, the notice for
 *     what its route says (rutas.ts).
 *
 * A read fetches a group of representations (a mutable object's plain, Brotli and gzip bytes come from one R2 read)
 * and stores each under its own key. Stored responses carry no Content-Encoding (the cache would be free to
 * transcode it): the encoding travels in a header of ours.
 */
import type { Codificacion } from '../../cortes/variantes.ts';

export const FRESCO_MS = 5_000;
export const USABLE_MS = 30_000;
/** At most this fresh before its due instant: a corte published by hand reaches every location within it. */
export const TOPE_MS = 120_000;
/** From the due instant, read every FRESCO_MS this long (a cron corte starts within a minute and runs seconds). */
export const VENTANA_MS = 120_000;
/** After the final corte nothing is published any more (but a test environment may be reset for a rehearsal). */
export const FINAL_MS = 600_000;

/** When the next corte is due (epoch ms), 'final' (none ever), 'ninguno' (no schedule); undefined: unknown. */
export type ProximoCorte = number | 'final' | 'ninguno' | undefined;

/** Until when a mutable copy stored at `guardado` is fresh; `fresco`: without a due instant. */
export function vigencia(guardado: number, proximo: ProximoCorte, fresco = FRESCO_MS): number {
  if (proximo === undefined) return guardado + fresco;
  if (proximo === 'final') return guardado + FINAL_MS;
  if (proximo === 'ninguno') return guardado + TOPE_MS;
  if (guardado < proximo) return Math.min(proximo, guardado + TOPE_MS);
  return guardado + (guardado < proximo + VENTANA_MS ? FRESCO_MS : TOPE_MS);
}

export function leerProximo(valor: string | null | undefined): ProximoCorte {
  if (valor === 'final' || valor === 'ninguno') return valor;
  const n = Number(valor ?? Number.NaN);
  return valor && Number.isFinite(n) ? n : undefined;
}

export interface Representacion {
  cuerpo: ArrayBuffer;
  tipo: string;
  /** Quoted strong ETag, one per encoding. */
  etag: string;
  /** Last modification, epoch ms. */
  modificado: number;
  codificacion: Codificacion | null;
  /** Mutable objects: when the next corte is due (their R2 metadata). */
  proximo?: ProximoCorte;
}

/** What a read of a group found: each key's representation, or null for a missing object. */
export type Grupo = ReadonlyMap<string, Representacion | null>;

export interface Lectura {
  /** Cache key (a URL) of the representation asked for. */
  clave: string;
  /** Coalescing key: one read per group in flight per isolate. */
  grupo: string;
  mutable: boolean;
  /** A mutable object's freshness when it says nothing of the next corte (FRESCO_MS by default). */
  fresco?: number;
  /** The origin read; for mutable objects its map must include `clave`. */
  leer: () => Promise<Grupo>;
}

/** Where an answer came from: this location's copy, a stale copy being refreshed, or the origin (R2). */
export type Procedencia = 'hit' | 'stale' | 'miss';

/** An RFC 9211 Cache-Status value naming this cache, so that a rehearsal can count hits without cf-cache-status. */
export function estadoDeCache(p: Procedencia): string {
  return p === 'hit' ? 'prep-borde; hit' : p === 'stale' ? 'prep-borde; hit; fwd=stale' : 'prep-borde; fwd=miss';
}

export interface Obtenida {
  r: Representacion | null;
  procedencia: Procedencia;
}

export interface OpcionesBorde {
  /** The cache (caches.default in production); null where there is none. */
  cache: () => Promise<Cache | null>;
  ahora: () => number;
}

const GUARDADO = 'x-prep-guardado';
const CODIFICACION = 'x-prep-codificacion';
const AUSENTE = 'x-prep-ausente';
const PROXIMO = 'x-prep-proximo';
const CACHE_INMUTABLE = 'public, max-age=31536000, immutable';

/**
 * A read in flight, as plain data. A request that finds one waits by polling it on its own timers and never follows
 * the reading request's promise: whatever it then builds (its Response and the body stream) belongs to its own
 * request. Following another request's promise made a viewer's response body belong to the reader's request in
 * workerd ("Cannot perform I/O on behalf of a different request", an uncaught 500 under load).
 */
interface EnVuelo {
  grupo?: Grupo;
  /** Set when the read failed: each waiter then reads for itself. */
  fallida?: true;
}

/** How often a waiting request looks at the read it waits for, and for how long at most before reading itself. */
export const PASO_ESPERA_MS = 5;
export const ESPERA_MAXIMA_MS = 10_000;

const pausa = (ms: number) => new Promise<void>((listo) => setTimeout(listo, ms));

/** The group another request of this isolate is reading, once read; undefined if that read failed or hangs. */
async function esperarLectura(enVuelo: EnVuelo): Promise<Grupo | undefined> {
  for (let esperado = 0; !enVuelo.grupo && !enVuelo.fallida && esperado < ESPERA_MAXIMA_MS; esperado += PASO_ESPERA_MS) {
    await pausa(PASO_ESPERA_MS);
  }
  return enVuelo.grupo;
}

export class CacheBorde {
  private readonly enVuelo = new Map<string, EnVuelo>();

  constructor(private readonly opciones: OpcionesBorde) {}

  /** The representation at `l.clave` (null: the object does not exist); `esperar` keeps background work alive. */
  async obtener(l: Lectura, esperar: (p: Promise<unknown>) => void): Promise<Obtenida> {
    const cache = await this.opciones.cache();
    const guardada = cache ? await cache.match(l.clave) : undefined;
    if (guardada !== undefined) {
      const ahora = this.opciones.ahora();
      const fresca = vigencia(Number(guardada.headers.get(GUARDADO)), leerProximo(guardada.headers.get(PROXIMO)), l.fresco);
      if (!l.mutable || ahora < fresca) return { r: await desdeGuardada(guardada), procedencia: 'hit' };
      // A stale "does not exist" is not served: the first corte should show as soon as it is read.
      if (ahora < fresca + USABLE_MS - FRESCO_MS && !guardada.headers.has(AUSENTE)) {
        if (!this.enVuelo.has(l.grupo)) {
          esperar(this.leerYGuardar(l, cache, esperar).catch((e: unknown) => console.error('no se pudo refrescar', l.grupo, e)));
        }
        return { r: await desdeGuardada(guardada), procedencia: 'stale' };
      }
    }
    // Looked up and, if absent, announced with no await in between: one read however many requests miss at once.
    const enVuelo = this.enVuelo.get(l.grupo);
    const grupo = (enVuelo && (await esperarLectura(enVuelo))) ?? (await this.leerYGuardar(l, cache, esperar));
    return { r: grupo.get(l.clave) ?? null, procedencia: 'miss' };
  }

  /** The origin read, announced to the isolate's other requests; stored before it leaves the in-flight map. */
  private async leerYGuardar(l: Lectura, cache: Cache | null, esperar: (p: Promise<unknown>) => void): Promise<Grupo> {
    const propia: EnVuelo = {};
    const anunciar = !this.enVuelo.has(l.grupo);
    if (anunciar) this.enVuelo.set(l.grupo, propia);
    try {
      propia.grupo = await l.leer();
    } catch (e) {
      propia.fallida = true;
      if (anunciar) this.enVuelo.delete(l.grupo);
      throw e;
    }
    const grupo = propia.grupo;
    const guardar = (cache ? this.guardar(cache, grupo, l) : Promise.resolve())
      .catch((e: unknown) => console.error('no se pudo guardar en la caché del borde', l.grupo, e))
      .finally(() => anunciar && this.enVuelo.delete(l.grupo));
    esperar(guardar);
    return grupo;
  }

  private async guardar(cache: Cache, grupo: Grupo, { mutable, fresco }: Lectura): Promise<void> {
    const ahora = this.opciones.ahora();
    const puestas: Promise<void>[] = [];
    for (const [clave, r] of grupo) {
      // A missing content-addressed object is not remembered: it may be written a moment later.
      if (r === null && !mutable) continue;
      // The platform may drop the copy once it is too old to serve, not before.
      const usable = Math.ceil((vigencia(ahora, r?.proximo, fresco) - ahora + USABLE_MS - FRESCO_MS) / 1000);
      const headers = new Headers({ [GUARDADO]: String(ahora), 'cache-control': mutable ? `public, max-age=${usable}` : CACHE_INMUTABLE });
      if (r === null) headers.set(AUSENTE, '1');
      else {
        if (r.proximo !== undefined) headers.set(PROXIMO, String(r.proximo));
        headers.set('content-type', r.tipo);
        headers.set('etag', r.etag);
        headers.set('last-modified', new Date(r.modificado).toUTCString());
        headers.set(CODIFICACION, r.codificacion ?? 'identity');
      }
      puestas.push(cache.put(clave, new Response(r?.cuerpo ?? null, { status: 200, headers })));
    }
    await Promise.all(puestas);
  }
}

async function desdeGuardada(r: Response): Promise<Representacion | null> {
  if (r.headers.has(AUSENTE)) return null;
  const codificacion = r.headers.get(CODIFICACION);
  return {
    cuerpo: await r.arrayBuffer(),
    tipo: r.headers.get('content-type') ?? 'application/octet-stream',
    etag: r.headers.get('etag') ?? '""',
    modificado: Date.parse(r.headers.get('last-modified') ?? '') || 0,
    codificacion: codificacion === 'br' || codificacion === 'gzip' ? codificacion : null,
    proximo: leerProximo(r.headers.get(PROXIMO)),
  };
}
