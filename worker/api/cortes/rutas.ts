/**
 * Administration of the cortes (operators of ámbito INSTITUTO with role admin, bearer token):
 *   POST /api/v1/cortes                 a corte now (`{"final": true}`: the final corte, closing publication;
 *                                       `{"instante": "2024-06-02T23:00:00-07:00"}`: stamped at that instant instead
 *                                       of the clock's, for replays of a past night — never before the last corte's)
 *   GET  /api/v1/cortes/configuracion   the publication window and cadence
 *   PUT  /api/v1/cortes/configuracion   change them (cadence 1–20 min, window ≤ 24 h)
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { assertNever } from '../../domain/assert.ts';
import { ConfigCortesSchema } from '../../domain/corte/calendario.ts';
import { almacenR2 } from '../../cortes/almacen.ts';
import { ejecutarCorte } from '../../cortes/publicar.ts';
import { guardarConfig, leerConfig, ultimoCorte } from '../../cortes/registro-d1.ts';
import { FechaHoraSchema } from '../../domain/captura/fecha.ts';
import type { EntornoApi } from '../entorno.ts';
import { ErrorApi } from '../errores.ts';
import { respuestasError, SEGURIDAD } from '../flujo/openapi.ts';
import { autenticar } from '../middleware/autenticacion/index.ts';
import { jsonEstricto } from '../middleware/json-estricto/index.ts';
import { limitarTasa } from '../middleware/limite-tasa/index.ts';

/** Cortes are administered by the institute: the operator must hold the admin role. */
export const requiereAdministrador: MiddlewareHandler<EntornoApi> = async (c, next) => {
  const op = c.get('operador');
  if (op === undefined) throw new Error('requiereAdministrador sin autenticar');
  if (!op.roles.includes('admin')) throw new ErrorApi(403, 'ROL_NO_AUTORIZADO', 'Solo un operador con rol admin puede administrar los cortes.');
  await next();
};

const administrador = [autenticar, limitarTasa, requiereAdministrador];

const PedidoCorteSchema = z
  .strictObject({
    final: z.boolean().optional(),
    instante: FechaHoraSchema.optional().openapi({
      description:
        'Instante del corte (ISO 8601 con desfase) en lugar del reloj del servidor: para reproducir una noche pasada (npm run replay). ' +
        'El corte incluye igual toda acta verificada hasta ahora; no puede ser anterior al del último corte.',
      example: '2024-06-02T23:00:00-07:00',
    }),
  })
  .openapi('PedidoCorte');

const EstadisticasSchema = z.object({
  modo: z.enum(['completo', 'incremental']),
  actasProcesadas: z.number(),
  shardsEscritos: z.number(),
  shardsReusados: z.number(),
  bytesEscritos: z.number(),
  milisegundos: z.number(),
  problemas: z.number(),
});

const CortePublicadoSchema = z
  .object({
    resultado: z.literal('publicado'),
    numero: z.number(),
    secuencia: z.number(),
    final: z.boolean(),
    manifiesto: z.string(),
    estadisticas: EstadisticasSchema,
  })
  .openapi('CortePublicado');

const SinCambiosSchema = z.object({ resultado: z.literal('sin_cambios'), numero: z.number(), secuencia: z.number() }).openapi('CorteSinCambios');

const ConfiguracionSchema = ConfigCortesSchema.openapi('ConfiguracionCortes');

const corteAhora = createRoute({
  method: 'post',
  path: '/api/v1/cortes',
  tags: ['cortes'],
  summary: 'Publicar un corte ahora (o el corte final)',
  security: SEGURIDAD,
  middleware: [...administrador, jsonEstricto()],
  request: { body: { required: false, content: { 'application/json': { schema: PedidoCorteSchema } } } },
  responses: {
    201: { description: 'Corte publicado', content: { 'application/json': { schema: CortePublicadoSchema } } },
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
  middleware: administrador,
  responses: { 200: { description: 'Configuración', content: { 'application/json': { schema: ConfiguracionSchema } } }, ...respuestasError(401, 403, 429) },
});

const cambiarConfig = createRoute({
  method: 'put',
  path: '/api/v1/cortes/configuracion',
  tags: ['cortes'],
  summary: 'Cambiar la ventana de publicación y la cadencia',
  security: SEGURIDAD,
  middleware: [...administrador, jsonEstricto()],
  request: { body: { required: true, content: { 'application/json': { schema: ConfiguracionSchema } } } },
  responses: { 200: { description: 'Configuración guardada', content: { 'application/json': { schema: ConfiguracionSchema } } }, ...respuestasError(400, 401, 403, 429) },
});

export const rutasCortes = new OpenAPIHono<EntornoApi>()
  .openapi(corteAhora, async (c) => {
    const pedido = c.req.valid('json') ?? {};
    const final = pedido.final ?? false;
    if (pedido.instante !== undefined) {
      const ultimo = await ultimoCorte(c.env.DB);
      if (ultimo !== null && !ultimo.final && pedido.instante < ultimo.instante) {
        throw new ErrorApi(409, 'INSTANTE_ANTERIOR', `El instante pedido es anterior al del último corte (${ultimo.numero}).`, { numero: ultimo.numero, instante: ultimo.instante });
      }
    }
    const instante = pedido.instante ?? Date.now();
    const r = await ejecutarCorte({ db: c.env.DB, almacen: almacenR2(c.env.BUCKET) }, { instante, final, motivo: 'administrador', turno: null });
    switch (r.tipo) {
      case 'publicado':
        return c.json({ resultado: 'publicado' as const, numero: r.numero, secuencia: r.secuencia, final: r.final, manifiesto: r.manifiesto, estadisticas: r.estadisticas }, 201);
      case 'sin_cambios':
        return c.json({ resultado: 'sin_cambios' as const, numero: r.numero, secuencia: r.secuencia }, 200);
      case 'ocupado':
        throw new ErrorApi(409, 'CORTE_EN_CURSO', 'Otro corte se está publicando; intente en un momento.');
      case 'cerrado':
        throw new ErrorApi(409, 'PUBLICACION_CERRADA', `El corte final (${r.numero}) ya se publicó.`, { numero: r.numero });
      case 'sin_catalogo':
        throw new ErrorApi(409, 'SIN_CATALOGO', 'No hay catálogo cargado.');
      default:
        return assertNever(r, 'resultado de corte');
    }
  })
  .openapi(verConfig, async (c) => {
    const { ultimoTurno: _turno, ...config } = await leerConfig(c.env.DB);
    return c.json(config, 200);
  })
  .openapi(cambiarConfig, async (c) => {
    const config = c.req.valid('json');
    await guardarConfig(c.env.DB, config);
    return c.json(config, 200);
  });
