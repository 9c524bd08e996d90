/**
 * The Hono application: every route group is mounted here, errors are mapped to one JSON shape,
 * and the OpenAPI document is generated from the same route definitions the handlers use.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import type { EntornoApi } from './entorno.ts';
import { rutasAcopio } from './acopio/rutas.ts';
import { rutasActas } from './actas/rutas.ts';
import { rutasAviso } from './aviso/rutas.ts';
import { rutasCaptura } from './captura/rutas.ts';
import { rutasCola } from './cola/rutas.ts';
import { rutasConsola } from './consola/rutas.ts';
import { rutasCortes } from './cortes/rutas.ts';
import { rutasOperadores } from './operadores/rutas.ts';
import { rutasCotejo } from './cotejo/rutas.ts';
import { rutasDigitalizacion } from './digitalizacion/rutas.ts';
import { montarReferencia } from './docs/rutas.ts';
import { ErrorApi, cuerpoError, respuestaError } from './errores.ts';
import { rutasSalud } from './health/rutas.ts';
import { auditarRechazos } from './middleware/bitacora-rechazos/index.ts';
import { limitarLongitudes } from './middleware/longitudes/index.ts';
import { encabezadosSeguridad } from './middleware/seguridad/index.ts';
import { rutasPing } from './ping/rutas.ts';
import { servirPortal } from './portal.ts';
import { servirSinScript } from './portal-sin-script.ts';
import { rutasPublico } from './publico/rutas.ts';
import { rutasSesion } from './sesion/rutas.ts';
import { rutasVerificacion } from './verificacion/rutas.ts';

const DOCUMENTO = {
  openapi: '3.1.0',
  info: { title: 'PREP API', version: '1', description: 'Captura de actas y publicación del PREP.' },
};

export function crearApp(): OpenAPIHono<EntornoApi> {
  const app = new OpenAPIHono<EntornoApi>({
    // zod validation failures become 400 with the issues as details.
    defaultHook: (result, c) => {
      if (!result.success) {
        return c.json(cuerpoError('SOLICITUD_INVALIDA', 'La solicitud no cumple el esquema.', result.error.issues), 400);
      }
    },
  });

  // Security headers on every answer of the Worker, errors and 404s included (mounted first: it sees them all).
  app.use('*', encabezadosSeguridad);
  // Over-long paths and headers are refused (414/431) before anything reads, logs or stores them.
  app.use('*', limitarLongitudes);
  // Every 401/403 of the API goes to the audit log (401s limited per client address).
  app.use('/api/v1/*', auditarRechazos);
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'Token de operador prep_<id>_<secreto> (npm run operators -- token …).',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'sesion', {
    type: 'apiKey',
    in: 'cookie',
    name: '__Host-prep_sesion',
    description: 'Sesión de las pantallas (POST /api/v1/sesion). Toda solicitud que no sea GET/HEAD lleva además X-CSRF-Token.',
  });

  app.route('/', rutasSalud);
  app.route('/', rutasPing);
  // Published cortes: public, token-free, CORS (worker/api/publico).
  app.route('/', rutasPublico);
  app.route('/', rutasCortes);
  // Operators and their secrets, for the console (issue 17; the CLI does the same: scripts/operators.ts).
  app.route('/', rutasOperadores);
  app.route('/', rutasAviso);
  // The screens' sign-in: opens the cookie session every capture route also accepts (worker/api/sesion).
  app.route('/', rutasSesion);
  for (const grupo of [rutasAcopio, rutasDigitalizacion, rutasCaptura, rutasVerificacion, rutasCotejo, rutasActas, rutasCola]) {
    app.route('/', grupo);
  }
  // The institute's operations console (read-only: admin and observador).
  app.route('/', rutasConsola);

  // The OpenAPI document and its reference page: in pruebas only (worker/api/docs/rutas.ts).
  montarReferencia(app, DOCUMENTO);

  // Inicio and datos abiertos carry the newest corte for readers without JavaScript (portal-sin-script.ts).
  app.get('/', servirSinScript);
  app.get('/datos-abiertos/', servirSinScript);

  // Unknown API paths get the JSON error; anything else is the portal's (static assets, with its 404 page).
  app.notFound((c) =>
    c.req.path.startsWith('/api/') ? c.json(cuerpoError('NO_ENCONTRADO', `No existe la ruta ${c.req.method} ${c.req.path}.`), 404) : servirPortal(c),
  );
  app.onError((err, c) => {
    if (err instanceof ErrorApi) return respuestaError(c, err);
    if (err instanceof HTTPException) {
      return c.json(cuerpoError(`HTTP_${err.status}`, err.message || 'Error HTTP.'), err.status);
    }
    console.error('unhandled error', err);
    return c.json(cuerpoError('ERROR_INTERNO', 'Error interno del servidor.'), 500);
  });
  return app;
}
