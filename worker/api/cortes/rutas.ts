/**
 * Administration of the cortes (operators of ámbito INSTITUTO; bearer token or the screens' session cookie):
 *   GET  /api/v1/cortes                 every corte (instant, sequence, actas, duration, shards, bytes, problems),
 *                                       the publication latency p50/p95 and the configuration (admin, observador)
 *   POST /api/v1/cortes                 a corte now, by hand (when the cron stalls): one step, audited (who
 *                                       asked, and the corte it published or that there was nothing new)
 *                                       `{"final": true}`: the final corte is REQUESTED (202) and published when a
 *                                       second administrator confirms it (solicitudes.ts).
 *                                       `{"instante": "2024-06-02T23:00:00-07:00"}`: stamped at that instant instead
 *                                       of the clock's, for replays of a past night — never before the last corte's
 *   GET  /api/v1/cortes/configuracion   the publication window and cadence
 *   PUT  /api/v1/cortes/configuracion   REQUESTS a change (202; cadence 1–20 min, window ≤ 24 h), applied when a
 *                                       second administrator confirms it
 */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { actasHasta, latenciasDePublicacion } from '../../domain/corte/latencia.ts';
import { leerCortes } from '../../cortes/consulta-d1.ts';
import { leerConfig } from '../../cortes/registro-d1.ts';
import type { EntornoApi } from '../entorno.ts';
import { auditarCorteAMano } from './auditoria.ts';
import { operadorDe } from '../flujo/aplicar.ts';
import { respuestasError, SEGURIDAD } from '../flujo/openapi.ts';
import { jsonEstricto } from '../middleware/json-estricto/index.ts';
import { ConfiguracionSchema, CortePublicadoSchema, ListaCortesSchema, PedidoCorteSchema, SinCambiosSchema, SolicitudSchema } from './esquemas.ts';
import { administrador, lectores } from './permisos.ts';
import { publicarCorte } from './publicar-corte.ts';
import { rutasSolicitudes, solicitar } from './solicitudes.ts';

export { requiereAdministrador } from './permisos.ts';

const listar = createRoute({
  method: 'get',
  path: '/api/v1/cortes',
  tags: ['cortes'],
  summary: 'Los cortes publicados, lo que costó cada uno y la latencia de publicación',
  description: 'Latencia: de la primera verificación de cada acta al registro del primer corte que la incluye (docs/CONSOLA.md); percentiles por rango más cercano.',
  security: SEGURIDAD,
  middleware: lectores,
  responses: { 200: { description: 'Cortes', content: { 'application/json': { schema: ListaCortesSchema } } }, ...respuestasError(401, 403, 429) },
});

const corteAhora = createRoute({
  method: 'post',
  path: '/api/v1/cortes',
  tags: ['cortes'],
  summary: 'Publicar un corte ahora, o solicitar el corte final',
  security: SEGURIDAD,
  middleware: [...administrador, jsonEstricto()],
  request: { body: { required: false, content: { 'application/json': { schema: PedidoCorteSchema } } } },
  responses: {
    201: { description: 'Corte publicado', content: { 'application/json': { schema: CortePublicadoSchema } } },
    202: { description: 'Corte final solicitado: lo publica otro administrador al confirmar', content: { 'application/json': { schema: SolicitudSchema } } },
    200: { description: 'Nada cambió desde el último corte: no se publica otro', content: { 'application/json': { schema: SinCambiosSchema } } },
    ...respuestasError(400, 401, 403, 409, 429),
  },
});

const verConfig = createRoute({
  method: 'get',
  path: '/api/v1/cortes/configuracion',
  tags: ['cortes'],
  summary: 'Ventana de publicación y cadencia de los cortes',
  security: SEGURIDAD,
  middleware: lectores,
  responses: { 200: { description: 'Configuración', content: { 'application/json': { schema: ConfiguracionSchema } } }, ...respuestasError(401, 403, 429) },
});

const cambiarConfig = createRoute({
  method: 'put',
  path: '/api/v1/cortes/configuracion',
  tags: ['cortes'],
  summary: 'Solicitar un cambio de la ventana de publicación y la cadencia (lo aplica un segundo administrador)',
  security: SEGURIDAD,
  middleware: [...administrador, jsonEstricto()],
  request: { body: { required: true, content: { 'application/json': { schema: ConfiguracionSchema } } } },
  responses: { 202: { description: 'Cambio solicitado', content: { 'application/json': { schema: SolicitudSchema } } }, ...respuestasError(400, 401, 403, 429) },
});

async function configActual(db: D1Database) {
  const { ultimoTurno: _turno, ...config } = await leerConfig(db);
  return config;
}

export const rutasCortes = new OpenAPIHono<EntornoApi>()
  .openapi(listar, async (c) => {
    const [lectura, configuracion] = await Promise.all([leerCortes(c.env.DB), configActual(c.env.DB)]);
    const l = latenciasDePublicacion(lectura.verificadas, lectura.cortes);
    const cortes = lectura.cortes.map((x) => ({ ...x, actas: actasHasta(lectura.primeras, x.secuencia) }));
    c.header('cache-control', 'no-store');
    return c.json({ ahora: Date.now(), configuracion, latencia: { actas: l.actas, pendientes: l.pendientes, p50Ms: l.p50, p95Ms: l.p95 }, cortes }, 200);
  })
  .openapi(corteAhora, async (c) => {
    const pedido = c.req.valid('json') ?? {};
    const instante = pedido.instante ?? null;
    if (pedido.final === true) return c.json(await solicitar(c, { tipo: 'CORTE_FINAL', instante }), 202);
    const r = await publicarCorte(c, false, instante, { solicitadoPor: operadorDe(c).id });
    await auditarCorteAMano(c.env.DB, operadorDe(c).id, r, instante);
    return r.resultado === 'sin_cambios' ? c.json(r, 200) : c.json(r, 201);
  })
  .openapi(verConfig, async (c) => c.json(await configActual(c.env.DB), 200))
  .openapi(cambiarConfig, async (c) => c.json(await solicitar(c, { tipo: 'CONFIGURAR', config: c.req.valid('json') }), 202));

rutasCortes.route('/', rutasSolicitudes);
