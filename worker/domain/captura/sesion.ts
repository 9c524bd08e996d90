/**
 * Operator sessions of the screens (issue 13). A person signs in with their operator id and access key (a bearer
 * token, token.ts); the browser then holds only an opaque random id in an HttpOnly cookie that no script can read,
 * and every write also carries the session's anti-CSRF value in a header (a cross-site page can make the browser
 * send the cookie, but cannot read the value). Pure: the decisions about a session, not where it is stored.
 */
import { sha256Hex } from '../bitacora/cadena.ts';
import { base64url, igualesTiempoConstante } from './token.ts';

export const COOKIE_SESION = '__Host-prep_sesion';
export const ENCABEZADO_CSRF = 'x-csrf-token';
/** Absolute lifetime: a session opened at the start of a shift ends with it, whatever the activity. */
export const DURACION_SESION_MS = 8 * 3_600_000;
/** Failed sign-ins allowed per operator id in one window before 429. */
export const MAX_INTENTOS_FALLIDOS = 10;
export const VENTANA_INTENTOS_MS = 15 * 60_000;

const ALEATORIO_RE = /^[A-Za-z0-9_-]{43}$/;

export interface SesionNueva {
  /** The cookie's value: shown once, to the browser. */
  id: string;
  /** What D1 stores instead of the id. */
  idHash: string;
  csrf: string;
}

/** The session made of 32 random bytes (its id) and 32 more (its anti-CSRF value), which the caller draws. */
export async function sesionDesdeBytes(id: Uint8Array, csrf: Uint8Array): Promise<SesionNueva> {
  if (id.length !== 32 || csrf.length !== 32) throw new Error('una sesión lleva 32 bytes de id y 32 de CSRF');
  const texto = base64url(id);
  return { id: texto, idHash: await sha256Hex(texto), csrf: base64url(csrf) };
}

/** A cookie value that could be a session id (anything else is not looked up). */
export const idSesionBienFormado = (v: string | undefined): v is string => v !== undefined && ALEATORIO_RE.test(v);

/** When a session opened at `ahora` with a token expiring at `tokenExpiraAt` ends: it never outlives its token. */
export const expiracionSesion = (ahora: number, tokenExpiraAt: number): number => Math.min(ahora + DURACION_SESION_MS, tokenExpiraAt);

/** The Set-Cookie of a session: whole seconds left, never negative. */
export function cookieSesion(id: string, expiraAt: number, ahora: number): string {
  const segundos = Math.max(0, Math.floor((expiraAt - ahora) / 1000));
  return `${COOKIE_SESION}=${id}; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=${segundos}`;
}

/** The Set-Cookie that makes the browser drop the session cookie. */
export const cookieBorrada = (): string => `${COOKIE_SESION}=; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=0`;

/** A session as read on a request, with what its token and operator are now. */
export interface SesionLeida {
  expiraAt: number;
  cerradaAt: number | null;
  tokenExpiraAt: number;
  tokenRevocadoAt: number | null;
  operadorActivo: boolean;
}

export type RechazoSesion = 'SESION_AUSENTE' | 'SESION_EXPIRADA' | 'SESION_REVOCADA';

/**
 * Why a session may not act now, or null if it may. Signed out, token revoked and operator dado de baja are all
 * "revoked" (someone ended it); the session's or its token's end is "expired" (time ended it).
 */
export function rechazoDeSesion(s: SesionLeida | null, ahora: number): RechazoSesion | null {
  if (s === null) return 'SESION_AUSENTE';
  if (s.cerradaAt !== null) return 'SESION_REVOCADA';
  if (s.expiraAt <= ahora || s.tokenExpiraAt <= ahora) return 'SESION_EXPIRADA';
  if (s.tokenRevocadoAt !== null || !s.operadorActivo) return 'SESION_REVOCADA';
  return null;
}

/** Only methods that change nothing may go without the anti-CSRF header. */
export const metodoSeguro = (metodo: string): boolean => metodo === 'GET' || metodo === 'HEAD';

/** A request with the session cookie passes the CSRF check: a safe method, or the session's value, compared in constant time. */
export function csrfAceptado(metodo: string, presentado: string | undefined, esperado: string): boolean {
  if (metodoSeguro(metodo)) return true;
  return presentado !== undefined && igualesTiempoConstante(presentado, esperado);
}

/** The window a sign-in attempt at `ahora` is counted in, and the seconds until the next one (Retry-After). */
export const ventanaDeIntentos = (ahora: number): number => Math.floor(ahora / VENTANA_INTENTOS_MS);
export const segundosHastaOtraVentana = (ahora: number): number =>
  Math.max(1, Math.ceil(((ventanaDeIntentos(ahora) + 1) * VENTANA_INTENTOS_MS - ahora) / 1000));

/** A sign-in attempt as read: this attempt's number in its window, and the token the key names (if any). */
export interface Ingreso {
  operador: string;
  /** SHA-256 of the presented key, or null when it is not even shaped like a token. */
  hashClave: string | null;
  intento: number;
  credencial: { hash: string; operador: string; expiraAt: number; revocadoAt: number | null; activo: boolean } | null;
}

export type RechazoIngreso = 'INTENTOS_EXCEDIDOS' | 'CREDENCIALES_INVALIDAS';

/**
 * Whether the key opens a session for that operator. Over the limit nothing else is looked at (a right key does
 * not get in either, so the limit cannot be used as an oracle); every other failure is the same answer, so a
 * caller cannot tell an unknown operator from a wrong, revoked or expired key or an operator dado de baja.
 */
export function decidirIngreso(i: Ingreso, ahora: number): RechazoIngreso | null {
  if (i.intento > MAX_INTENTOS_FALLIDOS) return 'INTENTOS_EXCEDIDOS';
  const c = i.credencial;
  if (c === null || i.hashClave === null) return 'CREDENCIALES_INVALIDAS';
  const clave = igualesTiempoConstante(i.hashClave, c.hash);
  const vigente = c.revocadoAt === null && c.expiraAt > ahora && c.activo;
  return clave && c.operador === i.operador && vigente ? null : 'CREDENCIALES_INVALIDAS';
}

/** A session that may act, as the routes see it (`idHash` names it in D1; the id itself is never kept). */
export interface SesionVigente {
  idHash: string;
  csrf: string;
  expiraAt: number;
}
