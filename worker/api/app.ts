/**
 * The Hono application: every route group is mounted here, errors are mapped to one JSON shape,
 * and the OpenAPI document is generated from the same route definitions the handlers use.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import type { Operador } from '../domain/captura/permisos.ts';
import type { CatalogoBasico } from '../db/captura-lectura.ts';
import { acopioRoutes } from './acopio/route.ts';
import { actasRoutes } from './actas/route.ts';
import { capturaRoutes } from './captura/route.ts';
import { colaRoutes } from './cola/route.ts';
import { cortesRoutes } from './cortes/route.ts';
import { cotejoRoutes } from './cotejo/route.ts';
import { digitalizacionRoutes } from './digitalizacion/route.ts';
import { paginaReferencia } from './docs/pagina.ts';
import { ApiError, errorBody, errorResponse } from './errors.ts';
import { healthRoutes } from './health/route.ts';
import { auditarRechazos } from './middleware/bitacora-rechazos/index.ts';
import { pingRoutes } from './ping/route.ts';
import { publicoRoutes } from './publico/route.ts';
import { verificacionRoutes } from './verificacion/route.ts';

export interface AppEnv {
  Bindings: Env;
  Variables: {
    /** The authenticated operator (set by the auth middleware). */
    operador: Operador | undefined;
    /** The token id presented, even when the token is then refused (for the audit log). */
    tokenPresentado: string | undefined;
    limitePorMinuto: number | undefined;
    /** This request's number in its token's rate-limit minute (counted with the credential lookup). */
    cuentaTasa: number | undefined;
    /** The catalogue's entidad and elections, read with the credential (acopio reads a CLAVE_ACTA with them). */
    catalogoBasico: CatalogoBasico | undefined;
  };
}

const DOCUMENTO = {
  openapi: '3.1.0',
  info: { title: 'PREP API', version: '1', description: 'Captura de actas y publicación del PREP.' },
};

export function createApp(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    // zod validation failures become 400 with the issues as details.
    defaultHook: (result, c) => {
      if (!result.success) {
        return c.json(errorBody('SOLICITUD_INVALIDA', 'La solicitud no cumple el esquema.', result.error.issues), 400);
      }
    },
  });

  // Every 401/403 of the API goes to the audit log.
  app.use('/api/v1/*', auditarRechazos);
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'Token de operador prep_<id>_<secreto> (npm run operators -- token …).',
  });

  app.route('/', healthRoutes);
  app.route('/', pingRoutes);
  // Published cortes: public, token-free, CORS (worker/api/publico).
  app.route('/', publicoRoutes);
  app.route('/', cortesRoutes);
  for (const grupo of [acopioRoutes, digitalizacionRoutes, capturaRoutes, verificacionRoutes, cotejoRoutes, actasRoutes, colaRoutes]) {
    app.route('/', grupo);
  }

  app.doc31('/api/v1/openapi.json', DOCUMENTO);
  app.get('/api/v1/docs', (c) => c.html(paginaReferencia(app.getOpenAPI31Document(DOCUMENTO) as unknown as Record<string, unknown>)));

  // Unknown API paths get the JSON error; anything else is the portal's (static assets, with their 404 page).
  app.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? c.json(errorBody('NO_ENCONTRADO', `No existe la ruta ${c.req.method} ${c.req.path}.`), 404)
      : c.env.ASSETS.fetch(c.req.raw),
  );
  app.onError((err, c) => {
    if (err instanceof ApiError) return errorResponse(c, err);
    if (err instanceof HTTPException) {
      return c.json(errorBody('HTTP_' + err.status, err.message || 'Error HTTP.'), err.status);
    }
    console.error('unhandled error', err);
    return c.json(errorBody('ERROR_INTERNO', 'Error interno del servidor.'), 500);
  });
  return app;
}
