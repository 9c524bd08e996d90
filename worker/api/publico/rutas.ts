/**
 * Public, token-free GET routes for everything a corte publishes (worker/domain/corte/rutas.ts): the path is
 * the R2 key. Content-addressed objects are immutable and cached for a year; `latest.json`, `historial.json` and
 * `aviso.json` get a short max-age. Everything goes through the edge cache (cache-borde.ts), so R2 is read once
 * per location per object (per interval for the mutable ones), not once per viewer.
 * Text is served in the encoding the client accepts (Brotli, gzip, or plain bytes), never compressed per
 * request: a content-addressed object's Brotli was written at publication (worker/cortes/variantes.ts), its plain
 * bytes and gzip are made from it on an edge-cache miss (once per location), a mutable one's encodings when the
 * edge cache refreshes it. Every representation has its own ETag and
 * Last-Modified, and preconditions answer 304 or 412 as HTTP says (condicionales.ts).
 * CORS allows any origin (difusores and newsrooms republish).
 * Acta images (`datos/<e>/imagenes/<sha256>.<ext>`) come from the capture API's store (`imagenes/<sha256>`),
 * only once their acta is in a published corte, and only under their entidad and their stored type's extension.
 * The catalogue's sección maps (`datos/<e>/mapas/…`) come from D1, where the catalogue load wrote them.
 */
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { avisoRetirado } from '../../domain/aviso/aviso.ts';
import { RUTA_AVISO, esMutable, esRutaPublica, rutaImagen } from '../../domain/contrato/index.ts';
import { CACHE_INMUTABLE, CACHE_MUTABLE, METADATO_PROXIMO_CORTE, tipoDeContenido, type Almacen } from '../../cortes/almacen.ts';
import { comprimir, copiasPosibles, descomprimir, esComprimible, rutaVariante, CODIFICACIONES, type Codificacion } from '../../cortes/variantes.ts';
import type { EntornoApi } from '../entorno.ts';
import { cuerpoError } from '../errores.ts';
import { CacheBorde, estadoDeCache, leerProximo, type Grupo, type Lectura, type OpcionesBorde, type Procedencia, type Representacion } from './cache-borde.ts';
import { aceptaDelCliente, elegirCodificacion } from './codificacion.ts';
import { evaluarCondiciones } from './condicionales.ts';
import { tipoDeImagenPublicada } from './imagenes-publicadas.ts';
import { RUTA_MAPA, textoDeMapaPublicado } from './mapas-publicados.ts';

/** No published key is longer than ~120 characters; R2 refuses keys over 1,024 bytes with an error. */
export const LARGO_MAXIMO_RUTA = 300;

/**
 * The notice's freshness at a location: the portal asks for it once a minute per viewer (site/lib/aviso.ts), so a
 * minute more keeps a new notice within ~2 minutes everywhere (as a corte published by hand, TOPE_MS) for 5 R2 reads
 * per 5 minutes instead of 60; the administrator's own location sees it at once (olvidarEnEstaUbicacion).
 */
export const FRESCO_AVISO_MS = 60_000;

const IMAGEN = /^datos\/(\d{1,3})\/imagenes\/([0-9a-f]{64})\.(jpg|png|pdf)$/;

function noEncontrado(c: Context<EntornoApi>, ruta: string | null): Response {
  const mensaje = ruta === null ? 'La ruta no es válida.' : `No existe /${ruta}.`;
  return c.json(cuerpoError('NO_ENCONTRADO', mensaje), 404, { 'cache-control': 'public, max-age=10', 'x-content-type-options': 'nosniff' });
}

/**
 * No notice was ever published: every portal page asks, so the answer is "none" rather than a 404 that each
 * browser would log as an error.
 */
function sinAviso(c: Context<EntornoApi>): Response {
  return c.json(avisoRetirado(0), 200, { 'cache-control': CACHE_MUTABLE, 'x-content-type-options': 'nosniff' });
}

const etagConSufijo = (etag: string, codificacion: Codificacion | 'identity') => `${etag.replace(/"$/, '')}-${codificacion}"`;

/** The plain representation compressed here (node:zlib hands back views into shared pools: copy to own bytes). */
function comprimida(plano: Representacion, codificacion: Codificacion): Representacion {
  const bytes = new Uint8Array(comprimir(new Uint8Array(plano.cuerpo), codificacion));
  return { ...plano, cuerpo: bytes.buffer, etag: etagConSufijo(plano.etag, codificacion), codificacion };
}

async function representar(o: R2ObjectBody, tipo: string, codificacion: Codificacion | null, etag = o.httpEtag): Promise<Representacion> {
  return { cuerpo: await o.arrayBuffer(), tipo, etag, modificado: o.uploaded.getTime(), codificacion };
}

/** A mutable object read once, with its encodings made from those bytes (one R2 read for all of them). */
async function leerMutable(bucket: R2Bucket, ruta: string, claves: (c: Codificacion | null) => string): Promise<Grupo> {
  const o = await bucket.get(ruta);
  const tipo = o?.httpMetadata?.contentType ?? tipoDeContenido(ruta);
  const plano = o && { ...(await representar(o, tipo, null)), proximo: leerProximo(o.customMetadata?.[METADATO_PROXIMO_CORTE]) };
  const grupo = new Map<string, Representacion | null>([[claves(null), plano]]);
  for (const c of CODIFICACIONES) {
    grupo.set(claves(c), plano && comprimida(plano, c));
  }
  return grupo;
}

/**
 * A content-addressed object in one encoding, from its stored copy (Brotli, or gzip for the per-election CSVs:
 * worker/cortes/variantes.ts): as stored, or decompressed (plain bytes) and compressed again here, each encoding
 * with its own ETag. One R2 read; an object published plain (before the compressed-only layout, or not text) is
 * read at its key and compressed here if asked for.
 */
async function leerInmutable(bucket: R2Bucket, ruta: string, codificacion: Codificacion | null): Promise<Representacion | null> {
  const tipoRuta = tipoDeContenido(ruta);
  for (const guardada of copiasPosibles(ruta, tipoRuta)) {
    const variante = await bucket.get(rutaVariante(ruta, guardada));
    if (variante === null) continue;
    const copia = await representar(variante, variante.httpMetadata?.contentType ?? tipoRuta, guardada);
    if (codificacion === guardada) return copia;
    const plano = { ...copia, cuerpo: descomprimir(new Uint8Array(copia.cuerpo), guardada).buffer as ArrayBuffer, etag: etagConSufijo(copia.etag, 'identity'), codificacion: null };
    return codificacion === null ? plano : { ...comprimida(plano, codificacion), etag: etagConSufijo(copia.etag, codificacion) };
  }
  const o = await bucket.get(ruta);
  if (o === null) return null;
  const plano = await representar(o, o.httpMetadata?.contentType ?? tipoRuta, null);
  if (codificacion === null) return plano;
  return comprimida(plano, codificacion);
}

/** An acta image, only if its acta is in a published corte of that entidad and the URL has its type's extension. */
async function leerImagen(env: Env, ruta: string, entidad: number, sha256: string): Promise<Representacion | null> {
  const mime = await tipoDeImagenPublicada(env.DB, entidad, sha256);
  if (mime === null || rutaImagen(entidad, { sha256, mime }) !== ruta) return null;
  const o = await env.BUCKET.get(`imagenes/${sha256}`);
  return o && representar(o, mime, null);
}

/**
 * A catalogue's sección map (mapas-publicados.ts) in the encoding asked for. Its ETag names the boundaries'
 * fingerprint and the territory; it has no stored date, so Last-Modified is when this location first read it.
 */
async function leerMapa(db: D1Database, ruta: string, codificacion: Codificacion | null): Promise<Representacion | null> {
  const texto = await textoDeMapaPublicado(db, ruta);
  if (texto === null) return null;
  const [, , huella, territorio] = RUTA_MAPA.exec(ruta)!;
  const cuerpo = new TextEncoder().encode(texto).buffer as ArrayBuffer;
  const plano: Representacion = { cuerpo, tipo: tipoDeContenido(ruta), etag: `"${huella}-${territorio}"`, modificado: Date.now(), codificacion: null };
  return codificacion === null ? plano : comprimida(plano, codificacion);
}

/** The platform's cache of this location (the DOM lib's CacheStorage type, also in scope, has no `default`). */
const cacheDeLaUbicacion = async (): Promise<Cache> => (caches as unknown as { default: Cache }).default;

/** The cache key of one representation: under the site's own origin, on a path no request reaches. */
function claveDeBorde(url: string, ruta: string, codificacion: Codificacion | null): string {
  return `${new URL(url).origin}/__borde/${codificacion ?? 'identity'}/${ruta}`;
}

/**
 * Drops this location's copy of a mutable object (every encoding), so that whoever just rewrote it (an
 * administrator publishing the notice) sees it at once here; other locations refresh within FRESCO_MS.
 */
export async function olvidarEnEstaUbicacion(url: string, ruta: string): Promise<void> {
  const cache = await cacheDeLaUbicacion();
  await Promise.all([null, ...CODIFICACIONES].map((c) => cache.delete(claveDeBorde(url, ruta, c))));
}

/**
 * The store a corte asked for through the API writes with: once it rewrites a mutable object, this location's
 * copy goes, so the administrator who asked (and this location's viewers) see the new corte at once.
 */
export function almacenQueOlvida(almacen: Almacen, url: string): Almacen {
  return {
    async put(ruta, bytes, opciones) {
      const escrito = await almacen.put(ruta, bytes, opciones);
      if (escrito && esMutable(ruta)) await olvidarEnEstaUbicacion(url, ruta);
      return escrito;
    },
    get: (ruta) => almacen.get(ruta),
  };
}

function lectura(c: Context<EntornoApi>, ruta: string, codificacion: Codificacion | null): Lectura {
  const clave = (cod: Codificacion | null) => claveDeBorde(c.req.url, ruta, cod);
  if (esMutable(ruta)) {
    const fresco = ruta === RUTA_AVISO ? FRESCO_AVISO_MS : undefined;
    return { clave: clave(codificacion), grupo: clave(null), mutable: true, ...(fresco ? { fresco } : {}), leer: () => leerMutable(c.env.BUCKET, ruta, clave) };
  }
  const imagen = IMAGEN.exec(ruta);
  const leer = imagen
    ? () => leerImagen(c.env, ruta, Number(imagen[1]), imagen[2]!)
    : RUTA_MAPA.test(ruta)
      ? () => leerMapa(c.env.DB, ruta, codificacion)
      : () => leerInmutable(c.env.BUCKET, ruta, codificacion);
  return { clave: clave(codificacion), grupo: clave(codificacion), mutable: false, leer: async () => new Map([[clave(codificacion), await leer()]]) };
}

function responder(c: Context<EntornoApi>, ruta: string, r: Representacion, procedencia: Procedencia): Response {
  const headers = new Headers({
    'cache-status': estadoDeCache(procedencia),
    'content-type': r.tipo,
    'cache-control': esMutable(ruta) ? CACHE_MUTABLE : CACHE_INMUTABLE,
    etag: r.etag,
    'last-modified': new Date(r.modificado).toUTCString(),
    vary: 'Accept-Encoding',
    'x-content-type-options': 'nosniff',
  });
  const condicion = evaluarCondiciones(c.req.raw.headers, r);
  if (condicion === 412) return new Response(null, { status: 412, headers });
  if (condicion === 304) return new Response(null, { status: 304, headers });
  headers.set('content-length', String(r.cuerpo.byteLength));
  if (r.codificacion !== null) headers.set('content-encoding', r.codificacion);
  // Coalesced viewers share one buffer: a Response reads it without taking it (cache-borde.test.ts checks every body).
  const cuerpo = c.req.method === 'HEAD' ? null : r.cuerpo;
  // 'manual': the bytes are already encoded; the runtime must not encode them again.
  return new Response(cuerpo, { status: 200, headers, encodeBody: 'manual' });
}

/** The public routes; `opciones` replaces the platform's cache and clock (tests). */
export function crearRutasPublico(opciones: Partial<OpcionesBorde> = {}) {
  const borde = new CacheBorde({ cache: opciones.cache ?? cacheDeLaUbicacion, ahora: opciones.ahora ?? Date.now });
  return new Hono<EntornoApi>()
    .use(
      '/datos/*',
      cors({
        origin: '*',
        allowMethods: ['GET', 'HEAD', 'OPTIONS'],
        allowHeaders: ['If-None-Match', 'If-Modified-Since'],
        exposeHeaders: ['ETag', 'Last-Modified', 'Content-Length', 'Content-Encoding', 'Cache-Status'],
        maxAge: 86_400,
      }),
    )
    .on(['GET', 'HEAD'], '/datos/*', async (c) => {
      // The router hands the path percent-decoded where it can be; a key has none of %, so what is left is not one.
      const ruta = c.req.path.slice(1);
      if (ruta.length > LARGO_MAXIMO_RUTA || !esRutaPublica(ruta)) return noEncontrado(c, null);
      const codificacion = esComprimible(tipoDeContenido(ruta)) ? elegirCodificacion(aceptaDelCliente(c.req.raw)) : null;
      const { r, procedencia } = await borde.obtener(lectura(c, ruta, codificacion), (p) => c.executionCtx.waitUntil(p));
      if (r === null) return ruta === RUTA_AVISO ? sinAviso(c) : noEncontrado(c, ruta);
      return responder(c, ruta, r, procedencia);
    });
}

/** The isolate's routes: their in-flight reads are shared by every request the isolate serves. */
export const rutasPublico = crearRutasPublico();
