/**
 * Separation of duties (issue 17): the final corte and a change of the publication window are requested by one
 * administrator and applied when a different one confirms (worker/domain/corte/solicitud.ts).
 *   GET  /api/v1/cortes/solicitudes                 the open requests (admin, observador)
 *   POST /api/v1/cortes/solicitudes/{id}/confirmar  another administrator applies it (again: the same answer)
 *   POST /api/v1/cortes/solicitudes/{id}/cancelar   either administrator withdraws it
 * The requests themselves come from PUT /api/v1/cortes/configuracion and POST /api/v1/cortes {"final": true}.
 */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { decidirCancelacion, decidirConfirmacion, descripcion, nuevaSolicitud, vencida, type AccionSolicitud, type RechazoSolicitud, type Solicitud } from '../../domain/corte/solicitud.ts';
import {
  aplicarConfiguracion,
  cancelarSolicitud,
  cerrarSolicitudFinal,
  leerSolicitud,
  registrarSolicitud,
  soltarSolicitud,
  solicitudesAbiertas,
  tomarSolicitud,
} from '../../cortes/solicitudes-d1.ts';
import type { EntornoApi } from '../entorno.ts';
import { ErrorApi } from '../errores.ts';
import { operadorDe } from '../flujo/aplicar.ts';
import { respuestasError, SEGURIDAD } from '../flujo/openapi.ts';
import { ConfirmacionSchema, ListaSolicitudesSchema, SolicitudParamSchema, SolicitudSchema } from './esquemas.ts';
import { administrador, lectores } from './permisos.ts';
import { publicarCorte, type CorteHecho } from './publicar-corte.ts';

const MENSAJES: Record<RechazoSolicitud['code'], string> = {
  MISMO_ADMINISTRADOR: 'Quien solicitó el cambio no puede confirmarlo: lo confirma otro administrador.',
  SOLICITUD_VENCIDA: 'La solicitud venció sin confirmarse; solicítela de nuevo.',
  SOLICITUD_CANCELADA: 'La solicitud fue cancelada.',
  SOLICITUD_APLICADA: 'La solicitud ya se aplicó; no puede cancelarse.',
  SOLICITUD_EN_CURSO: 'Otro administrador está aplicando esta solicitud; intente en un momento.',
};

const errorDe = (r: RechazoSolicitud) => new ErrorApi(r.status, r.code, MENSAJES[r.code], r.code === 'SOLICITUD_VENCIDA' ? { venceAt: r.venceAt } : undefined);

export function comoRespuesta(s: Solicitud, ahora: number) {
  const { resultado: _r, ...resto } = s;
  return { ...resto, descripcion: descripcion(s.accion), vencida: vencida(s, ahora) };
}

/** Records a request by the acting administrator; the caller answers 202 with it. */
export async function solicitar(c: Context<EntornoApi>, accion: AccionSolicitud) {
  const ahora = Date.now();
  const s = nuevaSolicitud(crypto.randomUUID(), accion, operadorDe(c).id, ahora);
  await registrarSolicitud(c.env.DB, s);
  return comoRespuesta(s, ahora);
}

async function existente(db: D1Database, id: string): Promise<Solicitud> {
  const s = await leerSolicitud(db, id);
  if (s === null) throw new ErrorApi(404, 'SOLICITUD_DESCONOCIDA', 'No existe esa solicitud.');
  return s;
}

/** Applies the request once; a lost race re-reads it and decides again (at most a few times). */
async function confirmar(c: Context<EntornoApi>, id: string, operador: string) {
  for (let intento = 0; intento < 4; intento++) {
    const s = await existente(c.env.DB, id);
    const ahora = Date.now();
    const d = decidirConfirmacion(s, operador, ahora);
    if (!d.ok) throw errorDe(d.error);
    if (d.value.tipo === 'ya_aplicada') return { s, aplicada: d.value.resultado };
    if (s.accion.tipo === 'CONFIGURAR') {
      const aplicada = { resultado: 'configurada' as const, configuracion: s.accion.config };
      if (await aplicarConfiguracion(c.env.DB, s, s.accion.config, operador, ahora)) return { s: { ...s, estado: 'APLICADA' as const, resolvio: operador, resueltaAt: ahora }, aplicada };
      continue;
    }
    if (!(await tomarSolicitud(c.env.DB, id, operador, ahora))) continue;
    let hecho: CorteHecho;
    try {
      hecho = await publicarCorte(c, true, s.accion.instante, { solicitadoPor: s.solicitante, confirmadoPor: operador });
    } catch (e) {
      await soltarSolicitud(c.env.DB, id, operador);
      throw e;
    }
    await cerrarSolicitudFinal(c.env.DB, s, operador, hecho, Date.now());
    return { s: { ...s, estado: 'APLICADA' as const, resolvio: operador, resueltaAt: ahora }, aplicada: hecho };
  }
  throw errorDe({ code: 'SOLICITUD_EN_CURSO', status: 409 });
}

const TAGS = ['cortes'];

const listar = createRoute({
  method: 'get',
  path: '/api/v1/cortes/solicitudes',
  tags: TAGS,
  summary: 'Solicitudes abiertas (corte final, cambio de ventana) que esperan a un segundo administrador',
  security: SEGURIDAD,
  middleware: lectores,
  responses: { 200: { description: 'Solicitudes', content: { 'application/json': { schema: ListaSolicitudesSchema } } }, ...respuestasError(401, 403, 429) },
});

const confirmarRuta = createRoute({
  method: 'post',
  path: '/api/v1/cortes/solicitudes/{id}/confirmar',
  tags: TAGS,
  summary: 'Confirmar (y aplicar) la solicitud de otro administrador',
  description: 'Quien la solicitó no puede confirmarla (403). Vencida: 409. Confirmarla otra vez responde lo mismo sin aplicar nada de nuevo.',
  security: SEGURIDAD,
  middleware: administrador,
  request: { params: SolicitudParamSchema },
  responses: { 200: { description: 'Aplicada', content: { 'application/json': { schema: ConfirmacionSchema } } }, ...respuestasError(400, 401, 403, 404, 409, 429) },
});

const cancelarRuta = createRoute({
  method: 'post',
  path: '/api/v1/cortes/solicitudes/{id}/cancelar',
  tags: TAGS,
  summary: 'Cancelar una solicitud que no se ha aplicado (quien la pidió u otro administrador)',
  security: SEGURIDAD,
  middleware: administrador,
  request: { params: SolicitudParamSchema },
  responses: { 200: { description: 'Cancelada', content: { 'application/json': { schema: SolicitudSchema } } }, ...respuestasError(400, 401, 403, 404, 409, 429) },
});

export const rutasSolicitudes = new OpenAPIHono<EntornoApi>()
  .openapi(listar, async (c) => {
    const ahora = Date.now();
    c.header('cache-control', 'no-store');
    return c.json({ ahora, solicitudes: (await solicitudesAbiertas(c.env.DB)).map((s) => comoRespuesta(s, ahora)) }, 200);
  })
  .openapi(confirmarRuta, async (c) => {
    const { s, aplicada } = await confirmar(c, c.req.valid('param').id, operadorDe(c).id);
    return c.json({ solicitud: comoRespuesta(s, Date.now()), aplicada: ConfirmacionSchema.shape.aplicada.parse(aplicada) }, 200);
  })
  .openapi(cancelarRuta, async (c) => {
    const id = c.req.valid('param').id;
    const operador = operadorDe(c).id;
    for (let intento = 0; intento < 4; intento++) {
      const s = await existente(c.env.DB, id);
      const d = decidirCancelacion(s);
      if (!d.ok) throw errorDe(d.error);
      const ahora = Date.now();
      if (d.value.tipo === 'ya_cancelada') return c.json(comoRespuesta(s, ahora), 200);
      if (await cancelarSolicitud(c.env.DB, s, operador, ahora)) return c.json(comoRespuesta({ ...s, estado: 'CANCELADA', resolvio: operador, resueltaAt: ahora }, ahora), 200);
    }
    throw errorDe({ code: 'SOLICITUD_EN_CURSO', status: 409 });
  });
