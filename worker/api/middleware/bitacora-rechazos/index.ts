/**
 * Every 401 and 403 answer of the API is recorded (who, with which token, what was refused and why), after the
 * handler has produced it (but for the signed-out screens' "am I signed in?", below). If the record cannot be written the refusal is not returned silently: the client gets a
 * 503 instead.
 *
 * A 403 comes from an authenticated operator (bounded by its token's rate limit): always one chained audit entry.
 * A 401 names no operator, and anyone can send them, so before it costs a D1 write it is counted per client address
 * (limite-direccion): past LIMITE_RECHAZOS in the minute the answer is a 429 and nothing is written; the first
 * LIMITE_RECHAZOS_DETALLADOS of the minute are one chained entry each (RECHAZO, as always); the rest only add one
 * to their (minute, address, code) row of `rechazo_agregado`, an unchained count that does not contend for the
 * chain's tip. So a flood from one address costs at most a few chained entries and a few small counts a minute.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { anotar, contarRechazo } from '../../../db/bitacora.ts';
import type { EntornoApi } from '../../entorno.ts';
import { ErrorApi, cuerpoError, respuestaError } from '../../errores.ts';
import { cookieDeSesion } from '../autenticacion/sesion.ts';
import { dentroDelLimite, direccionCliente, excedido } from '../limite-direccion/index.ts';

/** What of the path an entry keeps (the path itself is capped at 2,048 characters by `longitudes`). */
const MAX_RUTA_ANOTADA = 256;
const CLAVE_ACTA_ANOTABLE = /^[A-Za-z0-9-]{1,40}$/;

/**
 * The screens' "am I signed in?" (GET /api/v1/sesion) with no session cookie presents no credential and reads
 * nothing: its 401 is the ordinary answer on every signed-out page load, many at once from a CATD's shared address,
 * so it is neither recorded nor counted (it costs the database nothing to refuse).
 */
const preguntaSinSesion = (c: Context<EntornoApi>) => c.req.method === 'GET' && c.req.path === '/api/v1/sesion' && cookieDeSesion(c) === undefined;

export const auditarRechazos: MiddlewareHandler<EntornoApi> = async (c, next) => {
  await next();
  const status = c.res.status;
  if (status !== 401 && status !== 403) return;
  if (status === 401 && preguntaSinSesion(c)) {
    c.res.headers.set('www-authenticate', 'Bearer');
    return;
  }
  if (status === 401 && !(await dentroDelLimite(c.env.LIMITE_RECHAZOS, c))) {
    c.res = respuestaError(c, excedido(c, 'DEMASIADOS_RECHAZOS', 'Demasiadas solicitudes rechazadas desde esta dirección; espere antes de reintentar.'));
    return;
  }
  if (status === 401) c.res.headers.set('www-authenticate', 'Bearer');
  try {
    if (status === 403 || (await dentroDelLimite(c.env.LIMITE_RECHAZOS_DETALLADOS, c))) await anotar(c.env.DB, entradaRechazo(c, status));
    else await contarRechazo(c.env.DB, { at: Date.now(), direccion: direccionCliente(c).clave, codigo: codigoDe(c, status) });
  } catch (e) {
    console.error('no se pudo anotar un rechazo en la bitácora', e);
    c.res = c.json(cuerpoError('BITACORA_NO_DISPONIBLE', 'No se pudo registrar la solicitud en la bitácora; reintente.'), 503);
  }
};

const errorDe = (c: Context<EntornoApi>) => (c.error instanceof ErrorApi ? c.error : null);
const codigoDe = (c: Context<EntornoApi>, status: number) => errorDe(c)?.code ?? `HTTP_${status}`;

function actaDe(c: Context<EntornoApi>, err: ErrorApi | null): string | null {
  const detalles = err?.details as { clave?: unknown } | undefined;
  const candidata = /\/actas\/([^/]+)/.exec(c.req.path)?.[1] ?? (typeof detalles?.clave === 'string' ? detalles.clave : null);
  // A path segment is whatever the client wrote: only something shaped like a clave is kept.
  return candidata !== null && CLAVE_ACTA_ANOTABLE.test(candidata) ? candidata : null;
}

function entradaRechazo(c: Context<EntornoApi>, status: number) {
  const op = c.get('operador');
  const err = errorDe(c);
  const ruta = c.req.path;
  return {
    at: Date.now(),
    operador: op?.id ?? null,
    token: op?.tokenId ?? c.get('tokenPresentado') ?? null,
    catd: op?.catd?.id ?? null,
    accion: 'RECHAZO',
    acta: actaDe(c, err),
    seq: null,
    status,
    detalle: {
      code: codigoDe(c, status),
      message: err?.message ?? '',
      metodo: c.req.method.slice(0, 16),
      ruta: ruta.length > MAX_RUTA_ANOTADA ? `${ruta.slice(0, MAX_RUTA_ANOTADA)}…` : ruta,
      ip: direccionCliente(c).registrada,
    },
  };
}
