/**
 * Caps on what a request may carry before anything reads it: a path (with its query) over MAX_RUTA characters is a
 * 414, headers over MAX_ENCABEZADO bytes each or MAX_ENCABEZADOS in all are a 431, both in the API's error shape and
 * before any other middleware, so nothing of such a request is logged or stored. Every route of the API and every
 * published file has a path far shorter (a shard's is under 100 characters), and the screens send a few short
 * headers and one cookie.
 */
import type { MiddlewareHandler } from 'hono';
import type { EntornoApi } from '../../entorno.ts';
import { cuerpoError } from '../../errores.ts';

export const MAX_RUTA = 2048;
export const MAX_ENCABEZADO = 8 * 1024;
export const MAX_ENCABEZADOS = 32 * 1024;

/** Path and query as received (percent-encoded), without scheme and host. */
function largoDeRuta(url: string): number {
  const inicio = url.indexOf('/', url.indexOf('//') + 2);
  const fin = url.indexOf('#');
  return inicio < 0 ? 0 : (fin < 0 ? url.length : fin) - inicio;
}

function encabezadosExcedidos(h: Headers): boolean {
  let total = 0;
  for (const [nombre, valor] of h) {
    const largo = nombre.length + valor.length;
    if (largo > MAX_ENCABEZADO) return true;
    total += largo;
  }
  return total > MAX_ENCABEZADOS;
}

export const limitarLongitudes: MiddlewareHandler<EntornoApi> = async (c, next) => {
  if (largoDeRuta(c.req.url) > MAX_RUTA) {
    return c.json(cuerpoError('RUTA_DEMASIADO_LARGA', `La ruta excede ${MAX_RUTA} caracteres.`, { max: MAX_RUTA }), 414);
  }
  if (encabezadosExcedidos(c.req.raw.headers)) {
    const details = { maxPorEncabezado: MAX_ENCABEZADO, maxTotal: MAX_ENCABEZADOS };
    return c.json(cuerpoError('ENCABEZADOS_DEMASIADO_GRANDES', 'Los encabezados de la solicitud son demasiado grandes.', details), 431);
  }
  await next();
};
