/**
 * The CATD screens' one way to call the API: same-origin fetch with the session cookie (HttpOnly, so this code
 * never sees it), JSON in and out, X-CSRF-Token on every write, and every failure turned into an ErrorCatd that
 * carries the API's structured error (code, message) or a code of our own for network and non-JSON failures.
 * The CSRF value lives only in this module's memory: a reload loses it and GET /api/v1/sesion gives it back.
 */
import { irAEntrar } from './navegacion.ts';

export class ErrorCatd extends Error {
  readonly status: number;
  readonly code: string;
  readonly detalles: unknown;
  constructor(status: number, code: string, message: string, detalles: unknown = null) {
    super(message);
    this.status = status;
    this.code = code;
    this.detalles = detalles;
  }
}

/** Status 0: the request never got an answer (offline, DNS, connection cut). */
export const SIN_CONEXION = 'SIN_CONEXION';

let csrf: string | null = null;

export function recordarCsrf(valor: string | null): void {
  csrf = valor;
}

const LECTURA = new Set(['GET', 'HEAD']);

/** Headers of a request: JSON when there is a body, the CSRF token on anything that is not a read. */
export function cabeceras(metodo: string, token: string | null, conCuerpo: boolean): Record<string, string> {
  const h: Record<string, string> = { accept: 'application/json' };
  if (conCuerpo) h['content-type'] = 'application/json';
  if (!LECTURA.has(metodo.toUpperCase()) && token !== null) h['x-csrf-token'] = token;
  return h;
}

/** An error answer as an ErrorCatd: the API's {"error":{code,message,details}} when present, else HTTP_<status>. */
export function errorDeRespuesta(status: number, texto: string, reintentarEn: string | null = null): ErrorCatd {
  try {
    const e = (JSON.parse(texto) as { error?: { code?: unknown; message?: unknown; details?: unknown } }).error;
    if (e && typeof e.code === 'string') {
      const detalles = reintentarEn === null ? (e.details ?? null) : { ...(e.details as object | null), reintentarEnS: Number(reintentarEn) };
      return new ErrorCatd(status, e.code, typeof e.message === 'string' ? e.message : e.code, detalles);
    }
  } catch {
    // Not JSON (a proxy's error page, a cut response): fall through to the status alone.
  }
  return new ErrorCatd(status, `HTTP_${status}`, `El servidor respondió ${status}.`);
}

export interface OpcionesPedido {
  cuerpo?: unknown;
  /**
   * A 401 means the session is gone: by default the screen is left for the sign-in form, saying why. The session
   * calls themselves (sign-in, "am I signed in?") handle their own 401.
   */
  alPerderSesion?: 'entrar' | 'lanzar';
  /** Extra request headers (Idempotency-Key, X-Sha256 …). */
  encabezados?: Record<string, string>;
  /** A raw body (an acta image) sent as is with its own Content-Type, instead of `cuerpo` as JSON. */
  binario?: { datos: Blob | ArrayBuffer; tipo: string };
}

function cuerpoDe(o: OpcionesPedido): BodyInit | null {
  if (o.binario !== undefined) return o.binario.datos;
  return o.cuerpo !== undefined ? JSON.stringify(o.cuerpo) : null;
}

async function enviar(metodo: string, ruta: string, o: OpcionesPedido): Promise<Response> {
  try {
    return await fetch(ruta, {
      method: metodo,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: {
        ...cabeceras(metodo, csrf, o.cuerpo !== undefined),
        ...(o.binario ? { 'content-type': o.binario.tipo } : {}),
        ...o.encabezados,
      },
      body: cuerpoDe(o),
    });
  } catch {
    throw new ErrorCatd(0, SIN_CONEXION, 'Sin conexión con el servidor.');
  }
}

/**
 * After a 403 CSRF_INVALIDO: whether the session now has another CSRF value (the operator signed in again in
 * another tab, which replaced the shared cookie). Then this tab takes it and the write, refused before doing
 * anything, is sent once more; the same value means the refusal stands.
 */
async function csrfRenovado(r: Response): Promise<boolean> {
  const code = await r
    .clone()
    .json()
    .then((b) => (b as { error?: { code?: unknown } } | null)?.error?.code)
    .catch(() => null);
  if (code !== 'CSRF_INVALIDO') return false;
  const s = await fetch('/api/v1/sesion', { credentials: 'same-origin', cache: 'no-store', headers: { accept: 'application/json' } }).catch(() => null);
  const nuevo = s?.ok ? ((await s.json().catch(() => null)) as { csrf?: unknown } | null)?.csrf : null;
  if (typeof nuevo !== 'string' || nuevo === csrf) return false;
  recordarCsrf(nuevo);
  return true;
}

/** One API call; resolves with the JSON body (undefined for 204), rejects with ErrorCatd. */
export async function pedir<T>(metodo: string, ruta: string, o: OpcionesPedido = {}): Promise<T> {
  let r = await enviar(metodo, ruta, o);
  if (r.status === 403 && !LECTURA.has(metodo.toUpperCase()) && (await csrfRenovado(r))) r = await enviar(metodo, ruta, o);
  if (r.ok) return (r.status === 204 ? undefined : await r.json()) as T;
  const e = errorDeRespuesta(r.status, await r.text().catch(() => ''), r.headers.get('retry-after'));
  if (r.status === 401 && (o.alPerderSesion ?? 'entrar') === 'entrar') {
    recordarCsrf(null);
    irAEntrar(e.code);
  }
  throw e;
}
