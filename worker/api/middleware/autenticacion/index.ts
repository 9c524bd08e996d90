/**
 * Bearer authentication and the role check of each step.
 * `Authorization: Bearer prep_<id>_<secreto>`: ONE D1 round trip counts the request against the token's rate limit
 * and returns, in the same statement, the token's credential as it is now (only for the right secret: the count is
 * keyed on SHA-256(token)); the same batch reads what the route asked for (lectura-previa.ts: the acta's snapshot,
 * the catalogue's basics) — a statement costs little, a round trip a lot. SHA-256(token) is compared with the
 * stored hash in constant time, then revocation, expiry and the operator's state are checked (in that order, so
 * that nobody learns a token's state without holding the token). What the isolate remembers of a credential
 * (recordadas.ts) saves parsing and statements, never a check; a write that opts in (OpcionesAutenticacion.sinLectura)
 * may act on it and have D1 check it inside its own batch instead (por-confirmar.ts), still before it answers.
 * Every refusal is a 401/403 in the error shape; bitacora-rechazos records it (and limits refusals per client
 * address). Wrong secrets for one token id are also counted in D1, in the same round trip: past
 * MAX_FALLOS_POR_TOKEN a minute they get 429.
 * Without an Authorization header, the screens' session cookie is accepted instead (sesion.ts: same single round
 * trip, plus the anti-CSRF header on writes). A request that carries both is judged by its bearer token alone.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { puedeEjercer, type Paso } from '../../../domain/captura/permisos.ts';
import { idDeToken, igualesTiempoConstante } from '../../../domain/captura/token.ts';
import { sha256Sincrono } from '../../../db/cabeza.ts';
import type { ObjetivoLectura } from '../../../db/captura-lectura.ts';
import { consultaCredencial } from '../../../db/operadores.ts';
import { ventanaDeTasa } from '../limite-tasa/index.ts';
import type { EntornoApi } from '../../entorno.ts';
import { ErrorApi } from '../../errores.ts';
import { autenticarConSesion, cookieDeSesion } from './sesion.ts';
import { catalogoRecordado, lecturasExtra, type OpcionesAutenticacion } from './lectura-previa.ts';
import { conCredencialRecordada } from './por-confirmar.ts';
import { credencialVigente, recordadaParaEscribir, secretoConocido } from './recordadas.ts';
import { errorDeRechazo } from '../../flujo/rechazos.ts';

const no = (code: string, message: string) => new ErrorApi(401, code, message);

/**
 * Wrong secrets allowed per existing token id and clock minute before 429 (counted in D1, fallo_token: the
 * address limiters are per location and approximate). Only wrong secrets are refused: the right one still works,
 * so knowing a token's public id is not enough to lock its desk out.
 */
export const MAX_FALLOS_POR_TOKEN = 10;

function demasiadosFallos(c: Context<EntornoApi>): ErrorApi {
  const ahora = Date.now();
  c.header('retry-after', String(Math.max(1, Math.ceil(((ventanaDeTasa(ahora) + 1) * 60_000 - ahora) / 1000))));
  return new ErrorApi(429, 'INTENTOS_EXCEDIDOS', 'Demasiados intentos con una clave equivocada para este token; espere antes de reintentar.', {
    maxPorMinuto: MAX_FALLOS_POR_TOKEN,
  });
}

/**
 * Authentication, with what a route wants read in the same round trip: the catalogue's basics (acopio) and/or the
 * snapshot of the acta its path names (the write routes, lectura-previa.ts). Nothing of the body is read here, so
 * a missing or wrong credential is answered 401 before the body is looked at.
 */
export function autenticacion(opciones: OpcionesAutenticacion = {}): MiddlewareHandler<EntornoApi> {
  return async (c, next) => {
    const encabezado = c.req.header('authorization');
    if (encabezado === undefined) {
      const cookie = cookieDeSesion(c);
      if (cookie !== undefined) return autenticarConSesion(c, cookie, next, opciones);
      throw no('TOKEN_AUSENTE', 'Falta el encabezado Authorization: Bearer <token> (o la sesión iniciada).');
    }
    const token = /^Bearer ([!-~]+)$/.exec(encabezado)?.[1];
    const id = token === undefined ? null : idDeToken(token);
    if (token === undefined || id === null) throw no('TOKEN_MALFORMADO', 'El token no tiene la forma prep_<id>_<secreto>.');
    c.set('tokenPresentado', id);
    const hash = sha256Sincrono(token);
    const recordada = opciones.sinLectura === undefined ? null : recordadaParaEscribir(id, hash, opciones.sinLectura, Date.now());
    const catalogo = opciones.catalogo ? catalogoRecordado() : undefined;
    if (recordada !== null && (catalogo !== undefined || !opciones.catalogo)) {
      c.set('catalogoBasico', catalogo);
      return conCredencialRecordada(c, next, id, recordada, (acta) => autenticarPortador(c, id, hash, opciones, acta));
    }
    await autenticarPortador(c, id, hash, opciones);
    await next();
  };
}

/**
 * The bearer token's round trip: its credential as it is now, the request counted, what the route reads with it;
 * then the checks, each a 401 (or the wrong-secret 429). Sets the operator and the count on success.
 */
async function autenticarPortador(c: Context<EntornoApi>, id: string, hash: string, opciones: OpcionesAutenticacion, acta?: ObjetivoLectura): Promise<void> {
  const db = c.env.DB;
  const credencial = consultaCredencial(db, id, hash, ventanaDeTasa(Date.now()), MAX_FALLOS_POR_TOKEN, secretoConocido(id, hash));
  const extras = lecturasExtra(c, opciones, 'token', id, acta);
  const resultados = await db.batch<Record<string, unknown>>([...credencial.sentencias, ...extras.sentencias]);
  const { texto, cuenta, fallos } = credencial.leer(resultados.slice(0, credencial.sentencias.length));
  const cred = texto === null ? null : credencialVigente(id, hash, texto);
  if (cred === null || !igualesTiempoConstante(hash, cred.hash)) {
    if (fallos > MAX_FALLOS_POR_TOKEN) throw demasiadosFallos(c);
    throw no('TOKEN_INVALIDO', 'El token no es válido.');
  }
  if (cred.revocadoAt !== null) throw no('TOKEN_REVOCADO', 'El token fue revocado.');
  if (cred.expiraAt <= Date.now()) throw no('TOKEN_EXPIRADO', 'El token expiró.');
  if (!cred.activo) throw no('OPERADOR_INACTIVO', 'El operador está dado de baja.');
  extras.leer(resultados.slice(credencial.sentencias.length));
  c.set('operador', cred.operador);
  c.set('limitePorMinuto', cred.limitePorMinuto);
  c.set('cuentaTasa', cuenta);
}

/** Bearer token or session, nothing else read: the routes that read what they need themselves. */
export const autenticar = autenticacion();

/** The session routes themselves (GET/DELETE /api/v1/sesion): the cookie only, whatever else comes with it. */
export const autenticarSesion: MiddlewareHandler<EntornoApi> = (c, next) => autenticarConSesion(c, cookieDeSesion(c), next, {});

/** The authenticated operator's role and ámbito must allow this step. */
export function requierePaso(paso: Paso): MiddlewareHandler<EntornoApi> {
  return async (c, next) => {
    const op = c.get('operador');
    if (op === undefined) throw new Error('requierePaso sin autenticar');
    const r = puedeEjercer(op, paso);
    if (!r.ok) throw errorDeRechazo(r.error);
    await next();
  };
}
