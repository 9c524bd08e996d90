/**
 * Public, token-free GET routes for everything a corte publishes (worker/domain/corte/rutas.ts): the path is
 * the R2 key. Content-addressed objects are immutable and cached for a year; `latest.json` and
 * `historial.json` get a short max-age. Every object carries its ETag and answers If-None-Match with 304.
 * CORS allows any origin (difusores and newsrooms republish), and text is gzip-compressed when accepted.
 * Acta images (`datos/<e>/imagenes/<sha256>.<ext>`) come from the capture API's store (`imagenes/<sha256>`).
 */
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { avisoRetirado } from '../../domain/aviso/aviso.ts';
import { RUTA_AVISO, esMutable, esRutaPublica } from '../../domain/contrato/index.ts';
import { CACHE_INMUTABLE, CACHE_MUTABLE, tipoDeContenido } from '../../cortes/almacen.ts';
import type { EntornoApi } from '../entorno.ts';
import { cuerpoError } from '../errores.ts';

const COMPRIMIBLE = /^(application\/json|text\/)/;
const IMAGEN = /^datos\/\d+\/imagenes\/([0-9a-f]{64})\.(jpg|png|pdf)$/;

function aceptaGzip(c: Context<EntornoApi>): boolean {
  return /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
}

function noEncontrado(c: Context<EntornoApi>, ruta: string): Response {
  return c.json(cuerpoError('NO_ENCONTRADO', `No existe /${ruta}.`), 404, { 'cache-control': 'public, max-age=10' });
}

/**
 * No notice was ever published: every portal page asks, so the answer is "none" rather than a 404 that each
 * browser would log as an error.
 */
function sinAviso(c: Context<EntornoApi>): Response {
  return c.json(avisoRetirado(0), 200, { 'cache-control': CACHE_MUTABLE });
}

/** The object at `clave`, answering as `ruta` (its name decides type and caching). */
async function servir(c: Context<EntornoApi>, ruta: string, clave: string): Promise<Response> {
  const objeto = await c.env.BUCKET.get(clave, { onlyIf: c.req.raw.headers });
  if (objeto === null) return ruta === RUTA_AVISO ? sinAviso(c) : noEncontrado(c, ruta);
  const tipo = objeto.httpMetadata?.contentType ?? tipoDeContenido(ruta);
  const headers = new Headers({
    'content-type': tipo,
    'cache-control': esMutable(ruta) ? CACHE_MUTABLE : CACHE_INMUTABLE,
    etag: objeto.httpEtag,
    vary: 'Accept-Encoding',
  });
  if (!('body' in objeto)) return new Response(null, { status: 304, headers });
  if (c.req.method === 'HEAD') {
    headers.set('content-length', String(objeto.size));
    return new Response(null, { status: 200, headers });
  }
  if (COMPRIMIBLE.test(tipo) && aceptaGzip(c)) {
    headers.set('content-encoding', 'gzip');
    return new Response(objeto.body.pipeThrough(new CompressionStream('gzip')), { status: 200, headers, encodeBody: 'manual' });
  }
  headers.set('content-length', String(objeto.size));
  return new Response(objeto.body, { status: 200, headers });
}

export const rutasPublico = new Hono<EntornoApi>()
  .use(
    '/datos/*',
    cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'], allowHeaders: ['If-None-Match'], exposeHeaders: ['ETag', 'Content-Length', 'Content-Encoding'], maxAge: 86_400 }),
  )
  .on(['GET', 'HEAD'], '/datos/*', async (c) => {
    const ruta = decodeURIComponent(c.req.path.slice(1));
    if (!esRutaPublica(ruta)) return noEncontrado(c, ruta);
    const imagen = IMAGEN.exec(ruta);
    return servir(c, ruta, imagen ? `imagenes/${imagen[1]}` : ruta);
  });
