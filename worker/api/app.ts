/**
 * The Hono application: every route group is mounted here, errors are mapped to one JSON shape,
 * and the OpenAPI document is generated from the same route definitions the handlers use.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { ApiError, errorBody, errorResponse } from './errors.ts';
import { healthRoutes } from './health/route.ts';

export interface AppEnv {
  Bindings: Env;
  Variables: Record<string, unknown>;
}

export function createApp(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    // zod validation failures become 400 with the issues as details.
    defaultHook: (result, c) => {
      if (!result.success) {
        return c.json(errorBody('SOLICITUD_INVALIDA', 'La solicitud no cumple el esquema.', result.error.issues), 400);
      }
    },
  });

  app.route('/', healthRoutes);

  app.doc31('/api/v1/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'PREP API', version: '1', description: 'Captura de actas y publicación del PREP.' },
  });

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
