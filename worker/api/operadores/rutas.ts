/**
 * Operators and their secrets through the API (issue 17): what `npm run operators` does, for the console. Only an
 * operator with role admin; every change is one audit entry naming that admin (the `por` of administracion.ts).
 *   GET    /api/v1/operadores                       the list: roles, CATD, live tokens (never a secret), casillas, last use
 *   POST   /api/v1/operadores                       create (an existing id: 409 OPERADOR_EXISTE, nothing changes)
 *   POST   /api/v1/operadores/{id}/tokens           issue a secret: in the body this once, Cache-Control: no-store
 *   DELETE /api/v1/operadores/{id}/tokens/{token}   revoke one token (already revoked: 409 TOKEN_YA_REVOCADO)
 *   POST   /api/v1/operadores/{id}/revocar          revoke all of its tokens; its sessions end on their next request
 *   PUT    /api/v1/operadores/{id}/casillas         the casillas a PREP Casilla device is bound to
 *   POST   /api/v1/operadores/{id}/alcance          move a CATD operator to another CATD's scope (a CATD gone dark:
 *                                                   docs/CONTINGENCIA.md §3); its sessions act with it on their next request
 */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { OperadorNuevoSchema } from '../../domain/captura/operador-nuevo.ts';
import { decidirReasignacion, ReasignacionSchema } from '../../domain/captura/reasignacion.ts';
import { CambioRechazado, crearOperador, ejecutorD1, emitirSecreto, revocar, vincularCasillas } from '../../db/administracion.ts';
import { leerToken, listarOperadores, tokensNoRevocados, type OperadorListado } from '../../db/operadores.ts';
import { reasignarCatd } from '../../db/reasignacion.ts';
import { requiereAdministrador } from '../cortes/rutas.ts';
import type { EntornoApi } from '../entorno.ts';
import { ErrorApi } from '../errores.ts';
import { errorDeRechazo } from '../flujo/rechazos.ts';
import { respuestasError, SEGURIDAD } from '../flujo/openapi.ts';
import { autenticar } from '../middleware/autenticacion/index.ts';
import { jsonEstricto } from '../middleware/json-estricto/index.ts';
import { limitarTasa } from '../middleware/limite-tasa/index.ts';
import {
  CasillasSchema,
  ListaOperadoresSchema,
  OperadorListadoSchema,
  OperadorParamSchema,
  PedidoSecretoSchema,
  ReasignacionHechaSchema,
  RevocacionSchema,
  SecretoEmitidoSchema,
  TokenParamSchema,
} from './esquemas.ts';

const administrador = [autenticar, limitarTasa, requiereAdministrador];
const escritura = [...administrador, jsonEstricto()];
const LIMITE_POR_OMISION = 600;

/** How each refused change is answered (the guard reasons of worker/db/operadores.ts). */
const RECHAZOS: Record<string, [ContentfulStatusCode, string]> = {
  OPERADOR_EXISTE: [409, 'Ya existe un operador con ese id; no se cambió nada.'],
  UNICIDAD: [409, 'El registro ya existe; no se cambió nada.'],
  CATD_DESCONOCIDO: [422, 'El CATD no está en el catálogo cargado.'],
  CASILLA_DESCONOCIDA: [422, 'Alguna casilla no está en el catálogo cargado.'],
  OPERADOR_DESCONOCIDO: [404, 'No existe ese operador o está dado de baja.'],
  NO_ES_DISPOSITIVO: [422, 'Solo un dispositivo PREP Casilla (ámbito CASILLA) se vincula a casillas.'],
  TOKEN_DESCONOCIDO: [409, 'El token ya estaba revocado.'],
  VIGENCIA_EXCEDIDA: [422, 'La vigencia excede el máximo del ámbito del operador.'],
  VIGENCIA_INVALIDA: [422, 'La vigencia debe ser un número de horas mayor que cero.'],
  NO_ES_OPERADOR_CATD: [422, 'Solo un operador de ámbito CATD cambia de CATD.'],
  ALCANCE_CAMBIADO: [409, 'Otro administrador cambió el CATD de este operador al mismo tiempo; vuelva a consultarlo.'],
};

/** Runs an administrative change; a refused one becomes its API error (code = the guard's reason). */
async function cambio<T>(hacer: () => Promise<T>): Promise<T> {
  try {
    return await hacer();
  } catch (e) {
    if (!(e instanceof CambioRechazado)) throw e;
    const [status, mensaje] = RECHAZOS[e.motivo] ?? [409, `Cambio rechazado: ${e.motivo}.`];
    const code = e.motivo === 'TOKEN_DESCONOCIDO' ? 'TOKEN_YA_REVOCADO' : e.motivo;
    throw new ErrorApi(status, code, mensaje, e.detalles);
  }
}

async function operadorExistente(c: Context<EntornoApi>, id: string): Promise<OperadorListado> {
  const [op] = await listarOperadores(c.env.DB, Date.now(), id);
  if (op === undefined) throw new ErrorApi(404, 'OPERADOR_DESCONOCIDO', `No existe el operador ${id}.`);
  return op;
}

/** The acting admin: the audit entry of every change names them. */
const quien = (c: Context<EntornoApi>) => c.get('operador')!.id;

const TAGS = ['operadores'];
const SIN_CACHE = { 'Cache-Control': { description: 'no-store: el secreto no se guarda en ninguna caché', schema: { type: 'string' as const } } };

const listar = createRoute({
  method: 'get',
  path: '/api/v1/operadores',
  tags: TAGS,
  summary: 'Operadores, sus roles, tokens vigentes, casillas y último uso',
  security: SEGURIDAD,
  middleware: administrador,
  responses: { 200: { description: 'La lista', content: { 'application/json': { schema: ListaOperadoresSchema } } }, ...respuestasError(401, 403, 429) },
});

const crear = createRoute({
  method: 'post',
  path: '/api/v1/operadores',
  tags: TAGS,
  summary: 'Crear un operador (queda en la bitácora con el administrador que lo crea)',
  security: SEGURIDAD,
  middleware: escritura,
  request: { body: { required: true, content: { 'application/json': { schema: OperadorNuevoSchema } } } },
  responses: {
    201: { description: 'Creado', content: { 'application/json': { schema: OperadorListadoSchema } } },
    ...respuestasError(400, 401, 403, 409, 415, 422, 429),
  },
});

const emitir = createRoute({
  method: 'post',
  path: '/api/v1/operadores/{id}/tokens',
  tags: TAGS,
  summary: 'Emitir un secreto (clave de acceso): se entrega solo en esta respuesta',
  security: SEGURIDAD,
  middleware: escritura,
  request: { params: OperadorParamSchema, body: { required: true, content: { 'application/json': { schema: PedidoSecretoSchema } } } },
  responses: {
    201: { description: 'El secreto, esta única vez', headers: SIN_CACHE, content: { 'application/json': { schema: SecretoEmitidoSchema } } },
    ...respuestasError(400, 401, 403, 404, 415, 422, 429),
  },
});

const revocarUno = createRoute({
  method: 'delete',
  path: '/api/v1/operadores/{id}/tokens/{token}',
  tags: TAGS,
  summary: 'Revocar un token del operador',
  security: SEGURIDAD,
  middleware: administrador,
  request: { params: TokenParamSchema },
  responses: { 200: { description: 'Revocado', content: { 'application/json': { schema: RevocacionSchema } } }, ...respuestasError(401, 403, 404, 409, 429) },
});

const revocarTodos = createRoute({
  method: 'post',
  path: '/api/v1/operadores/{id}/revocar',
  tags: TAGS,
  summary: 'Revocar todos los tokens del operador (sus sesiones terminan en su siguiente solicitud)',
  security: SEGURIDAD,
  middleware: administrador,
  request: { params: OperadorParamSchema },
  responses: { 200: { description: 'Los tokens revocados (ninguno si no tenía)', content: { 'application/json': { schema: RevocacionSchema } } }, ...respuestasError(401, 403, 404, 429) },
});

const casillas = createRoute({
  method: 'put',
  path: '/api/v1/operadores/{id}/casillas',
  tags: TAGS,
  summary: 'Vincular un dispositivo PREP Casilla a sus casillas (reemplaza las anteriores)',
  security: SEGURIDAD,
  middleware: escritura,
  request: { params: OperadorParamSchema, body: { required: true, content: { 'application/json': { schema: CasillasSchema } } } },
  responses: { 200: { description: 'El dispositivo', content: { 'application/json': { schema: OperadorListadoSchema } } }, ...respuestasError(400, 401, 403, 404, 415, 422, 429) },
});

const alcance = createRoute({
  method: 'post',
  path: '/api/v1/operadores/{id}/alcance',
  tags: TAGS,
  summary: 'Cambiar el CATD de un operador de ámbito CATD (queda en la bitácora con el CATD anterior y el nuevo)',
  description:
    'Para la contingencia de un CATD sin conexión o sin sede (docs/CONTINGENCIA.md §3): operadores de otro CATD reciben, digitalizan o capturan ' +
    'sus actas con el ámbito del CATD caído, y regresan al suyo al terminar. Sus sesiones abiertas actúan con el nuevo CATD desde su siguiente ' +
    'solicitud. Pedir el CATD que ya tiene no cambia nada (cambio: false, sin entrada en la bitácora).',
  security: SEGURIDAD,
  middleware: escritura,
  request: { params: OperadorParamSchema, body: { required: true, content: { 'application/json': { schema: ReasignacionSchema } } } },
  responses: {
    200: { description: 'El CATD anterior y el actual', content: { 'application/json': { schema: ReasignacionHechaSchema } } },
    ...respuestasError(400, 401, 403, 404, 409, 415, 422, 429),
  },
});

export const rutasOperadores = new OpenAPIHono<EntornoApi>()
  .openapi(listar, async (c) => {
    const ahora = Date.now();
    return c.json({ ahora, operadores: await listarOperadores(c.env.DB, ahora) }, 200);
  })
  .openapi(crear, async (c) => {
    const nuevo = c.req.valid('json');
    await cambio(() => crearOperador(ejecutorD1(c.env.DB), nuevo, Date.now(), quien(c)));
    return c.json(await operadorExistente(c, nuevo.id), 201);
  })
  .openapi(emitir, async (c) => {
    const { id } = c.req.valid('param');
    const pedido = c.req.valid('json');
    const op = await operadorExistente(c, id);
    if (!op.activo) throw new ErrorApi(404, 'OPERADOR_DESCONOCIDO', `El operador ${id} está dado de baja.`);
    const solicitud = { operador: id, ambito: op.ambito, limitePorMinuto: pedido.limitePorMinuto ?? LIMITE_POR_OMISION };
    const t = await cambio(() => emitirSecreto(ejecutorD1(c.env.DB), pedido.horas === undefined ? solicitud : { ...solicitud, horas: pedido.horas }, Date.now(), quien(c)));
    c.header('Cache-Control', 'no-store');
    return c.json({ operador: id, id: t.id, token: t.token, expiraAt: t.expiraAt }, 201);
  })
  .openapi(revocarUno, async (c) => {
    const { id, token } = c.req.valid('param');
    const t = await leerToken(c.env.DB, token);
    if (t === null || t.operador !== id) throw new ErrorApi(404, 'TOKEN_DESCONOCIDO', `El operador ${id} no tiene el token ${token}.`);
    if (t.revocadoAt !== null) throw new ErrorApi(409, 'TOKEN_YA_REVOCADO', `El token ${token} ya estaba revocado.`, { revocadoAt: t.revocadoAt });
    await cambio(() => revocar(ejecutorD1(c.env.DB), { token }, Date.now(), quien(c)));
    return c.json({ operador: id, revocados: [token] }, 200);
  })
  .openapi(revocarTodos, async (c) => {
    const { id } = c.req.valid('param');
    await operadorExistente(c, id);
    const vivos = await tokensNoRevocados(c.env.DB, id);
    // Nothing to revoke is an answer, not a change: no audit entry for it.
    if (vivos.length > 0) await cambio(() => revocar(ejecutorD1(c.env.DB), { operador: id }, Date.now(), quien(c)));
    return c.json({ operador: id, revocados: vivos }, 200);
  })
  .openapi(casillas, async (c) => {
    const { id } = c.req.valid('param');
    const { casillas: lista } = c.req.valid('json');
    await cambio(() => vincularCasillas(ejecutorD1(c.env.DB), id, lista, Date.now(), quien(c)));
    return c.json(await operadorExistente(c, id), 200);
  })
  .openapi(alcance, async (c) => {
    const { id } = c.req.valid('param');
    const { catd } = c.req.valid('json');
    const d = decidirReasignacion(await operadorExistente(c, id), catd);
    if (!d.ok) throw errorDeRechazo(d.error);
    if (d.value.cambio) await cambio(() => reasignarCatd(ejecutorD1(c.env.DB), id, d.value.antes, catd, Date.now(), quien(c)));
    return c.json({ operador: id, ...d.value }, 200);
  });
