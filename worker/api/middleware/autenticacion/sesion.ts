/**
 * The session path of authentication (issue 13): the cookie `__Host-prep_sesion` names a screen session. As on
 * the bearer path, ONE D1 round trip reads the session (by SHA-256 of the cookie), its token's credential as it is
 * now, counts the request against that token's rate limit, notes the last use and reads what the route asked for
 * (lectura-previa.ts: the catalogue's basics, the snapshot of the path's acta).
 * A closed or expired session, a revoked or expired token or an operator dado de baja is refused with 401 (and the
 * browser is told to drop the cookie); a request that may change something must echo the session's anti-CSRF value
 * in X-CSRF-Token, else 403. Then the request acts as the session's operator, with its token's id and limit.
 */
import type { Context, Next } from 'hono';
import { getCookie } from 'hono/cookie';
import { sha256Sincrono } from '../../../db/cabeza.ts';
import {
  COOKIE_SESION,
  ENCABEZADO_CSRF,
  cookieBorrada,
  csrfAceptado,
  idSesionBienFormado,
  rechazoDeSesion,
  type RechazoSesion,
  type SesionLeida,
} from '../../../domain/captura/sesion.ts';
import type { Credencial } from '../../../db/operadores.ts';
import { consultaSesion, type SesionGuardada } from '../../../db/sesiones.ts';
import { ventanaDeTasa } from '../limite-tasa/index.ts';
import type { EntornoApi } from '../../entorno.ts';
import { ErrorApi } from '../../errores.ts';
import { lecturasExtra, type OpcionesAutenticacion } from './lectura-previa.ts';

const MENSAJES: Record<RechazoSesion, string> = {
  SESION_AUSENTE: 'No hay una sesión iniciada.',
  SESION_EXPIRADA: 'La sesión expiró; inicie sesión de nuevo.',
  SESION_REVOCADA: 'La sesión fue cerrada o revocada; inicie sesión de nuevo.',
};

export const cookieDeSesion = (c: Context<EntornoApi>): string | undefined => getCookie(c, COOKIE_SESION);

function leida(s: SesionGuardada | null, cred: Credencial | null): SesionLeida | null {
  if (s === null || cred === null) return null;
  return { expiraAt: s.expiraAt, cerradaAt: s.cerradaAt, tokenExpiraAt: cred.expiraAt, tokenRevocadoAt: cred.revocadoAt, operadorActivo: cred.activo };
}

function rechazar(c: Context<EntornoApi>, cookie: string | undefined, motivo: RechazoSesion): ErrorApi {
  // A cookie that names no live session is useless: the browser may as well forget it.
  if (cookie !== undefined) c.header('set-cookie', cookieBorrada());
  return new ErrorApi(401, motivo, MENSAJES[motivo]);
}

export async function autenticarConSesion(c: Context<EntornoApi>, cookie: string | undefined, next: Next, opciones: OpcionesAutenticacion): Promise<void> {
  if (!idSesionBienFormado(cookie)) throw rechazar(c, cookie, 'SESION_AUSENTE');
  const ahora = Date.now();
  const idHash = sha256Sincrono(cookie);
  const db = c.env.DB;
  const sesion = consultaSesion(db, idHash, ahora, ventanaDeTasa(ahora));
  const extras = lecturasExtra(c, opciones, 'sesion', idHash);
  const resultados = await db.batch<Record<string, unknown>>([...sesion.sentencias, ...extras.sentencias]);
  const { sesion: s, credencial: cred, cuenta } = sesion.leer(resultados.slice(0, sesion.sentencias.length));
  if (cred !== null) c.set('tokenPresentado', cred.operador.tokenId);
  const motivo = rechazoDeSesion(leida(s, cred), ahora);
  if (motivo !== null || s === null || cred === null) throw rechazar(c, cookie, motivo ?? 'SESION_AUSENTE');
  // Set before the CSRF check, so that a forged write is logged under the operator it targeted.
  c.set('operador', cred.operador);
  extras.leer(resultados.slice(sesion.sentencias.length));
  if (!csrfAceptado(c.req.method, c.req.header(ENCABEZADO_CSRF), s.csrf)) {
    throw new ErrorApi(403, 'CSRF_INVALIDO', 'Falta el encabezado X-CSRF-Token de la sesión o no coincide.');
  }
  c.set('limitePorMinuto', cred.limitePorMinuto);
  c.set('cuentaTasa', cuenta);
  c.set('sesion', { idHash, csrf: s.csrf, expiraAt: s.expiraAt });
  await next();
}
