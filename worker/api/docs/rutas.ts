/**
 * The API's description: GET /api/v1/openapi.json and its reference page GET /api/v1/docs, served in `pruebas`
 * only. In `produccion` both answer 404 like any unknown path (docs/ARQUITECTURA.md, "La referencia de la API"):
 * the pruebas deployment runs the same build, so it describes production exactly, and election night exposes no
 * map of the administrative routes.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { entornoDe } from '../../cortes/identidad.ts';
import type { EntornoApi } from '../entorno.ts';
import { cuerpoError } from '../errores.ts';
import { cspReferencia } from '../middleware/seguridad/politica.ts';
import { ESTILO, paginaReferencia } from './pagina.ts';

export const RUTA_OPENAPI = '/api/v1/openapi.json';
export const RUTA_REFERENCIA = '/api/v1/docs';

type Documento = Parameters<OpenAPIHono<EntornoApi>['getOpenAPI31Document']>[0];

const soloEnPruebas: MiddlewareHandler<EntornoApi> = async (c, next) => {
  if (entornoDe(c.env) === 'produccion') return c.json(cuerpoError('NO_ENCONTRADO', `No existe la ruta ${c.req.method} ${c.req.path}.`), 404);
  await next();
};

/** The SHA-256 of the page's inline style, base64, as CSP wants it (computed once per isolate). */
let hashEstilo: Promise<string> | null = null;
function hashDelEstilo(): Promise<string> {
  hashEstilo ??= crypto.subtle
    .digest('SHA-256', new TextEncoder().encode(ESTILO))
    .then((d) => btoa(String.fromCharCode(...new Uint8Array(d))));
  return hashEstilo;
}

/** Mounts both routes on `app`, after every other route (the document describes what is mounted). */
export function montarReferencia(app: OpenAPIHono<EntornoApi>, documento: Documento): void {
  app.use(RUTA_OPENAPI, soloEnPruebas);
  app.use(RUTA_REFERENCIA, soloEnPruebas);
  app.doc31(RUTA_OPENAPI, documento);
  app.get(RUTA_REFERENCIA, async (c) => {
    c.header('Content-Security-Policy', cspReferencia(await hashDelEstilo()));
    return c.html(paginaReferencia(app.getOpenAPI31Document(documento) as unknown as Record<string, unknown>));
  });
}
