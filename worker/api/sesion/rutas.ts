/**
 * /api/v1/sesion — the screens' sign-in (issue 13). POST opens a session with the operator id and the access key
 * printed by `npm run operators -- token` (the key is checked as a bearer token would be, then forgotten: the
 * browser gets only an HttpOnly cookie with a random id and, in the body, the anti-CSRF value); GET reads it back
 * (after a reload); DELETE closes it. Opening and closing are audit entries; every refusal is one too (RECHAZO).
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Entrada } from '../../domain/bitacora/cadena.ts';
import { sha256Hex } from '../../domain/bitacora/cadena.ts';
import { AmbitoSchema, RolSchema, type Operador } from '../../domain/captura/permisos.ts';
import {
  cookieBorrada,
  cookieSesion,
  decidirIngreso,
  expiracionSesion,
  segundosHastaOtraVentana,
  sesionDesdeBytes,
} from '../../domain/captura/sesion.ts';
import { idDeToken } from '../../domain/captura/token.ts';
import { ConflictoConcurrente } from '../../db/guardia.ts';
import type { Credencial } from '../../db/operadores.ts';
import { consultaIngreso, escribirConBitacora, sentenciasAbrirSesion, sentenciasCerrarSesion } from '../../db/sesiones.ts';
import type { EntornoApi } from '../entorno.ts';
import { CuerpoErrorSchema, ErrorApi } from '../errores.ts';
import { operadorDe } from '../flujo/aplicar.ts';
import { autenticarSesion } from '../middleware/autenticacion/index.ts';
import { jsonEstricto } from '../middleware/json-estricto/index.ts';
import { dentroDelLimite, direccionCliente, excedido } from '../middleware/limite-direccion/index.ts';
import { limitarTasa } from '../middleware/limite-tasa/index.ts';

const IngresoSchema = z
  .strictObject({
    operador: z.string().min(1).max(40).openapi({ example: 'd01-cap1' }),
    clave: z.string().min(1).max(200).openapi({ description: 'La clave de acceso completa prep_<id>_<secreto> (npm run operators -- token).' }),
  })
  .openapi('Ingreso');

const SesionSchema = z
  .object({
    operador: z.object({
      id: z.string(),
      nombre: z.string(),
      ambito: AmbitoSchema,
      catd: z.string().nullable().openapi({ description: 'Su CATD (ámbito CATD), si no null' }),
      roles: z.array(RolSchema),
      casillas: z.array(z.string()).openapi({ description: 'Casillas de un dispositivo PREP Casilla' }),
    }),
    csrf: z.string().openapi({ description: 'Valor para el encabezado X-CSRF-Token de toda solicitud que no sea GET/HEAD' }),
    expiraAt: z.number().int().openapi({ description: 'Fin de la sesión (epoch ms): 8 h, nunca después de su token' }),
  })
  .openapi('Sesion');

const error = (description: string) => ({ description, content: { 'application/json': { schema: CuerpoErrorSchema } } });
const COOKIE = { 'Set-Cookie': { description: '__Host-prep_sesion=…; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=…', schema: { type: 'string' as const } } };
const SESION = { description: 'La sesión', content: { 'application/json': { schema: SesionSchema } } };
const SIN_SESION = error('SESION_AUSENTE, SESION_EXPIRADA o SESION_REVOCADA (y la cookie se borra)');

const iniciar = createRoute({
  method: 'post',
  path: '/api/v1/sesion',
  tags: ['sesion'],
  summary: 'Iniciar sesión en las pantallas (operador y clave de acceso)',
  middleware: [jsonEstricto()],
  request: { body: { content: { 'application/json': { schema: IngresoSchema } }, required: true } },
  responses: {
    200: { ...SESION, headers: COOKIE },
    400: error('Solicitud mal formada'),
    401: error('CREDENCIALES_INVALIDAS: operador, clave, token revocado o expirado u operador dado de baja, sin distinguir'),
    415: error('El cuerpo no es application/json'),
    429: error('INTENTOS_EXCEDIDOS: demasiados intentos fallidos para ese operador; DEMASIADOS_INGRESOS: demasiados intentos desde esta dirección (Retry-After)'),
  },
});

const consultar = createRoute({
  method: 'get',
  path: '/api/v1/sesion',
  tags: ['sesion'],
  summary: 'La sesión iniciada (tras recargar la página)',
  security: [{ sesion: [] }],
  middleware: [autenticarSesion, limitarTasa],
  responses: { 200: SESION, 401: SIN_SESION, 429: error('Límite de solicitudes por minuto excedido') },
});

const cerrar = createRoute({
  method: 'delete',
  path: '/api/v1/sesion',
  tags: ['sesion'],
  summary: 'Cerrar sesión (con X-CSRF-Token)',
  security: [{ sesion: [] }],
  middleware: [autenticarSesion, limitarTasa],
  responses: {
    204: { description: 'Sesión cerrada; la cookie se borra (Max-Age=0)', headers: COOKIE },
    401: SIN_SESION,
    403: error('CSRF_INVALIDO'),
    429: error('Límite de solicitudes por minuto excedido'),
  },
});

function cuerpoSesion(op: Operador, csrf: string, expiraAt: number) {
  const { id, nombre, ambito, roles, casillas } = op;
  return { operador: { id, nombre, ambito, catd: op.catd?.id ?? null, roles, casillas }, csrf, expiraAt };
}

function entrada(c: Context<EntornoApi>, op: Operador, accion: string, status: number, detalle: Record<string, unknown>): Omit<Entrada, 'id'> {
  const ip = direccionCliente(c).registrada;
  return { at: Date.now(), operador: op.id, token: op.tokenId, catd: op.catd?.id ?? null, accion, acta: null, seq: null, status, detalle: { ...detalle, ip } };
}

/** The key's token, if it opens a session for `operador` now; else the refusal (429 or an indistinct 401). */
async function credencialDeIngreso(c: Context<EntornoApi>, operador: string, clave: string, ahora: number): Promise<Credencial> {
  // Before the attempt costs a D1 write: sign-ins from one address, whatever their outcome (a CATD's whole shift
  // signs in within minutes, far under the limit; a stranger cycling operator ids does not get further).
  if (!(await dentroDelLimite(c.env.LIMITE_INGRESOS, c))) {
    throw excedido(c, 'DEMASIADOS_INGRESOS', 'Demasiados intentos de inicio de sesión desde esta dirección; espere antes de reintentar.');
  }
  const tokenId = idDeToken(clave);
  if (tokenId !== null) c.set('tokenPresentado', tokenId);
  const hashClave = tokenId === null ? null : await sha256Hex(clave);
  const q = consultaIngreso(c.env.DB, operador, tokenId, ahora);
  const { intento, credencial: cred } = q.leer(await c.env.DB.batch<Record<string, unknown>>(q.sentencias));
  const vista = cred && { hash: cred.hash, operador: cred.operador.id, expiraAt: cred.expiraAt, revocadoAt: cred.revocadoAt, activo: cred.activo };
  const rechazo = decidirIngreso({ operador, hashClave, intento, credencial: vista }, ahora);
  if (rechazo === 'INTENTOS_EXCEDIDOS') {
    c.header('retry-after', String(segundosHastaOtraVentana(ahora)));
    throw new ErrorApi(429, rechazo, 'Demasiados intentos fallidos para este operador; espere antes de reintentar.');
  }
  if (rechazo !== null || cred === null) throw new ErrorApi(401, 'CREDENCIALES_INVALIDAS', 'El operador o la clave de acceso no son válidos.');
  return cred;
}

export const rutasSesion = new OpenAPIHono<EntornoApi>()
  .openapi(iniciar, async (c) => {
    const { operador, clave } = c.req.valid('json');
    const ahora = Date.now();
    const cred = await credencialDeIngreso(c, operador, clave, ahora);
    const op = cred.operador;
    const nueva = await sesionDesdeBytes(crypto.getRandomValues(new Uint8Array(32)), crypto.getRandomValues(new Uint8Array(32)));
    const expiraAt = expiracionSesion(ahora, cred.expiraAt);
    await escribirConBitacora(
      c.env.DB,
      sentenciasAbrirSesion({ idHash: nueva.idHash, operador: op.id, token: op.tokenId, csrf: nueva.csrf, creadaAt: ahora, expiraAt }),
      // A prefix of the stored hash ties the sign-out entry to this one; it cannot be turned back into a cookie.
      entrada(c, op, 'SESION_INICIADA', 200, { sesion: nueva.idHash.slice(0, 16), expiraAt }),
    );
    c.header('set-cookie', cookieSesion(nueva.id, expiraAt, ahora));
    c.header('cache-control', 'no-store');
    return c.json(cuerpoSesion(op, nueva.csrf, expiraAt), 200);
  })
  .openapi(consultar, (c) => {
    const s = c.get('sesion');
    if (s === undefined) throw new Error('GET /sesion sin sesión');
    c.header('cache-control', 'no-store');
    return c.json(cuerpoSesion(operadorDe(c), s.csrf, s.expiraAt), 200);
  })
  .openapi(cerrar, async (c) => {
    const s = c.get('sesion');
    if (s === undefined) throw new Error('DELETE /sesion sin sesión');
    const op = operadorDe(c);
    try {
      await escribirConBitacora(c.env.DB, sentenciasCerrarSesion(s.idHash, Date.now()), entrada(c, op, 'SESION_CERRADA', 204, { sesion: s.idHash.slice(0, 16) }));
    } catch (e) {
      // Closed meanwhile by a concurrent sign-out of the same session: it is closed, which is what was asked.
      if (!(e instanceof ConflictoConcurrente && e.motivo === 'SESION_CERRADA')) throw e;
    }
    c.header('set-cookie', cookieBorrada());
    return c.body(null, 204);
  });
