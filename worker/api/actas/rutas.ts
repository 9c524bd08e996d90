/**
 * Reads of one acta, within the reader's scope: GET /api/v1/actas/{clave} (status, with ETag = version),
 * GET …/historial (every step: who, when — server time and the client's stated time — and what) and
 * GET …/imagen (the current image, from R2) and GET …/boleta (the ballot a capture screen builds its form from).
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { alcanzaActa, type Operador } from '../../domain/captura/permisos.ts';
import { leerHistorial, EventoSchema, type Evento } from '../../db/captura-consulta.ts';
import { leerInstantanea, type Instantanea } from '../../db/captura-lectura.ts';
import type { EntornoApi } from '../entorno.ts';
import { BoletaActaSchema, leerBoleta } from './boleta.ts';
import { ErrorApi } from '../errores.ts';
import { operadorDe } from '../flujo/aplicar.ts';
import { alcanceDeActa } from '../flujo/alcance.ts';
import { ClaveParamSchema, RESPUESTA_ACTA, SEGURIDAD, respuestasError } from '../flujo/openapi.ts';
import { errorDeRechazo } from '../flujo/rechazos.ts';
import { etag, vistaActa, vistaParaOperador, vistaPendiente } from '../flujo/vista.ts';
import { protegida } from '../middleware/index.ts';

const ERRORES_LECTURA = respuestasError(400, 401, 403, 404, 429);

/** The acta's snapshot, after checking it exists and is within the operator's scope. */
async function actaEnAlcance(c: Context<EntornoApi>, clave: string): Promise<Instantanea> {
  const inst = await leerInstantanea(c.env.DB, { clave, fcIdentificacion: null, seccion: null }, operadorDe(c).id, []);
  const alcance = alcanceDeActa(inst);
  if (alcance === null) throw new ErrorApi(404, 'ACTA_NO_ENCONTRADA', `No existe el acta ${clave}.`);
  const r = alcanzaActa(operadorDe(c), alcance);
  if (!r.ok) throw errorDeRechazo(r.error);
  return inst;
}

const estadoRuta = createRoute({
  method: 'get',
  path: '/api/v1/actas/{clave}',
  tags: ['consulta'],
  summary: 'Estado de un acta',
  security: SEGURIDAD,
  middleware: protegida('CONSULTA'),
  request: { params: ClaveParamSchema },
  responses: { 200: { description: 'Estado del acta', ...RESPUESTA_ACTA }, ...ERRORES_LECTURA },
});

const HistorialSchema = z.object({ clave: z.string(), eventos: z.array(EventoSchema) }).openapi('Historial');

const historialRuta = createRoute({
  method: 'get',
  path: '/api/v1/actas/{clave}/historial',
  tags: ['consulta'],
  summary: 'Historial de un acta: cada paso con su operador y su hora',
  security: SEGURIDAD,
  middleware: protegida('CONSULTA'),
  request: { params: ClaveParamSchema },
  responses: { 200: { description: 'Historial', content: { 'application/json': { schema: HistorialSchema } } }, ...ERRORES_LECTURA },
});

const imagenRuta = createRoute({
  method: 'get',
  path: '/api/v1/actas/{clave}/imagen',
  tags: ['consulta'],
  summary: 'Imagen vigente del acta',
  security: SEGURIDAD,
  middleware: protegida('CONSULTA'),
  request: { params: ClaveParamSchema },
  responses: {
    200: {
      description: 'La imagen',
      content: { 'image/jpeg': { schema: z.string().openapi({ format: 'binary' }) }, 'image/png': { schema: z.string().openapi({ format: 'binary' }) }, 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...ERRORES_LECTURA,
  },
});

const boletaRuta = createRoute({
  method: 'get',
  path: '/api/v1/actas/{clave}/boleta',
  tags: ['consulta'],
  summary: 'Boleta del acta: sus campos de votos, totales y límite de votos (nunca las cifras de una captura)',
  security: SEGURIDAD,
  middleware: protegida('CONSULTA'),
  request: { params: ClaveParamSchema },
  responses: { 200: { description: 'La boleta del acta', content: { 'application/json': { schema: BoletaActaSchema } } }, ...ERRORES_LECTURA },
});

/**
 * While an acta is being captured, the figures of each capture — and those a verification settled in an earlier
 * round, when a cotejo sent it back — are shown only to verifiers, supervisors and administrators: a capturist must
 * not see any figures before typing their own.
 */
function visible(ev: Evento, op: Operador, enCaptura: boolean): Evento {
  const puedeVer = op.roles.some((r) => r === 'verificacion' || r === 'supervisor' || r === 'admin');
  if (!enCaptura || puedeVer || (ev.accion !== 'CAPTURA' && ev.accion !== 'VERIFICACION')) return ev;
  const { captura: _oculta, ...detalle } = ev.detalle;
  return { ...ev, detalle };
}

export const rutasActas = new OpenAPIHono<EntornoApi>()
  .openapi(estadoRuta, async (c) => {
    const { clave } = c.req.valid('param');
    const inst = await actaEnAlcance(c, clave);
    if (inst.acta === null) return c.json(vistaPendiente(clave), 200, { etag: etag(0) });
    const { estado, version } = inst.acta;
    return c.json(vistaParaOperador(vistaActa(estado, version, inst.seqActa, inst.capturas), operadorDe(c).roles), 200, { etag: etag(version) });
  })
  .openapi(historialRuta, async (c) => {
    const { clave } = c.req.valid('param');
    const inst = await actaEnAlcance(c, clave);
    const etapa = inst.acta?.estado.etapa;
    const enCaptura = etapa === 'CAPTURA' || etapa === 'VERIFICACION';
    const eventos = (await leerHistorial(c.env.DB, inst.acta?.estado.clave ?? clave)).map((e) => visible(e, operadorDe(c), enCaptura));
    return c.json({ clave, eventos }, 200);
  })
  .openapi(imagenRuta, async (c) => {
    const { clave } = c.req.valid('param');
    const imagen = (await actaEnAlcance(c, clave)).acta?.estado.imagen;
    if (!imagen) throw new ErrorApi(404, 'SIN_IMAGEN', `El acta ${clave} no tiene imagen.`);
    const objeto = await c.env.BUCKET.get(`imagenes/${imagen.sha256}`);
    if (objeto === null) throw new ErrorApi(404, 'IMAGEN_NO_DISPONIBLE', `La imagen ${imagen.sha256} no está en el almacén.`);
    return new Response(objeto.body, {
      headers: { 'content-type': imagen.mime, etag: `"${imagen.sha256}"`, 'cache-control': 'private, max-age=31536000, immutable' },
    }) as never;
  })
  .openapi(boletaRuta, async (c) => {
    const { clave } = c.req.valid('param');
    const inst = await actaEnAlcance(c, clave);
    return c.json(await leerBoleta(c.env.DB, clave, inst, operadorDe(c).id), 200);
  });
