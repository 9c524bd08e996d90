/**
 * The session calls: sign in (the key travels only in this POST's body), read the current session (after a reload
 * it gives back the CSRF value, which is kept in memory only) and sign out. Answers are checked before use.
 */
import { ErrorCatd, pedir, recordarCsrf } from './api.ts';
import { enOrden } from './roles.ts';
import type { OperadorSesion, Rol, Sesion } from './tipos.ts';

const RUTA = '/api/v1/sesion';

function invalida(): ErrorCatd {
  return new ErrorCatd(502, 'RESPUESTA_INVALIDA', 'El servidor respondió con una sesión que esta pantalla no entiende.');
}

/** The API's session body, checked, roles in the night's order; the CATD may come as its id or as {id, …}. */
export function leerCuerpoSesion(x: unknown): Sesion {
  const s = x as { operador?: Record<string, unknown>; csrf?: unknown; expiraAt?: unknown } | null;
  const o = s?.operador;
  if (!o || typeof s.csrf !== 'string' || typeof s.expiraAt !== 'number' || typeof o.id !== 'string' || !Array.isArray(o.roles)) throw invalida();
  const catd = o.catd as string | { id?: unknown } | null | undefined;
  const operador: OperadorSesion = {
    id: o.id,
    nombre: typeof o.nombre === 'string' ? o.nombre : o.id,
    ambito: o.ambito as OperadorSesion['ambito'],
    catd: typeof catd === 'string' ? catd : typeof catd?.id === 'string' ? catd.id : null,
    roles: enOrden(o.roles.filter((r): r is Rol => typeof r === 'string')),
  };
  return { operador, csrf: s.csrf, expiraAt: s.expiraAt };
}

function guardar(cuerpo: unknown): Sesion {
  const s = leerCuerpoSesion(cuerpo);
  recordarCsrf(s.csrf);
  return s;
}

export async function entrar(operador: string, clave: string): Promise<Sesion> {
  return guardar(await pedir('POST', RUTA, { cuerpo: { operador, clave }, alPerderSesion: 'lanzar' }));
}

/** The current session, or null when there is none (any 401); other failures reject. */
export async function sesionActual(): Promise<Sesion | null> {
  try {
    return guardar(await pedir('GET', RUTA, { alPerderSesion: 'lanzar' }));
  } catch (e) {
    if (e instanceof ErrorCatd && e.status === 401) return null;
    throw e;
  }
}

/** The session as a screen needs it: a 401 leaves for the sign-in form (the wrapper's default). */
export async function sesionRequerida(): Promise<Sesion> {
  return guardar(await pedir('GET', RUTA));
}

export async function salir(): Promise<void> {
  try {
    await pedir('DELETE', RUTA, { alPerderSesion: 'lanzar' });
  } finally {
    recordarCsrf(null);
  }
}
