/**
 * GET /api/v1/consola/estado — the institute's operations console (issue 17): per CATD and election the actas
 * received, digitized, captured, verified and waiting at each step with the age of the oldest; the entidad's
 * totals; PREP Casilla devices seen and silent; the alerts. For operators of ámbito INSTITUTO with role admin or
 * observador, by bearer token or session cookie. Every threshold of the alerts may be given in the query string.
 *
 * Cost: one D1 batch of small indexed queries over the counters the capture batches keep (worker/db/consola.ts) —
 * never a scan of the actas. The audit chain's check is the cron's (worker/index.ts): a refresh only reads its
 * result, so ten consoles open cost the captures nothing measurable (docs/CONSOLA.md, docs/BENCHMARKS.md).
 */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { puedeVerConsola } from '../../domain/captura/permisos.ts';
import { EstadoConsolaSchema, construirEstado, silencioDesde } from '../../domain/consola/tablero.ts';
import { UmbralesSchema } from '../../domain/consola/umbrales.ts';
import { leerConsola } from '../../db/consola.ts';
import type { EntornoApi } from '../entorno.ts';
import { operadorDe } from '../flujo/aplicar.ts';
import { SEGURIDAD, respuestasError } from '../flujo/openapi.ts';
import { errorDeRechazo } from '../flujo/rechazos.ts';
import { autenticar } from '../middleware/autenticacion/index.ts';
import { limitarTasa } from '../middleware/limite-tasa/index.ts';

const requiereConsola: MiddlewareHandler<EntornoApi> = async (c, next) => {
  const permitido = puedeVerConsola(operadorDe(c));
  if (!permitido.ok) throw errorDeRechazo(permitido.error);
  await next();
};

const estado = createRoute({
  method: 'get',
  path: '/api/v1/consola/estado',
  tags: ['consola'],
  summary: 'Estado de la noche: cifras por CATD y elección, dispositivos PREP Casilla y alertas',
  description:
    'Para la coordinación del PREP (rol admin) y quienes observan (rol observador: COTAPREP, representaciones de partidos, ente auditor). ' +
    'Los umbrales de las alertas (minutos, proporciones) pueden indicarse en la consulta; los omitidos toman su valor predeterminado.',
  security: SEGURIDAD,
  middleware: [autenticar, limitarTasa, requiereConsola],
  request: { query: UmbralesSchema },
  responses: {
    200: { description: 'Estado de la consola', content: { 'application/json': { schema: EstadoConsolaSchema.openapi('EstadoConsola') } } },
    ...respuestasError(400, 401, 403, 429),
  },
});

export const rutasConsola = new OpenAPIHono<EntornoApi>().openapi(estado, async (c) => {
  const umbrales = c.req.valid('query');
  const ahora = Date.now();
  const lectura = await leerConsola(c.env.DB, { desdeMinuto: Math.floor(ahora / 60_000) - umbrales.ventanaTasaMin + 1, silencioDesde: silencioDesde(ahora, umbrales) });
  c.header('cache-control', 'no-store');
  return c.json(construirEstado(lectura, ahora, umbrales), 200);
});
