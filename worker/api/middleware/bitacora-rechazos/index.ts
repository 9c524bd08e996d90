/**
 * Every 401 and 403 answer of the API is written to the audit log (who, with which token, what was refused and
 * why), after the handler has produced it. If the log cannot be written the refusal is not returned silently: the
 * client gets a 503 instead.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { anotar } from '../../../db/bitacora.ts';
import type { EntornoApi } from '../../entorno.ts';
import { ErrorApi, cuerpoError } from '../../errores.ts';

export const auditarRechazos: MiddlewareHandler<EntornoApi> = async (c, next) => {
  await next();
  const status = c.res.status;
  if (status !== 401 && status !== 403) return;
  if (status === 401) c.res.headers.set('www-authenticate', 'Bearer');
  try {
    await anotar(c.env.DB, entradaRechazo(c, status));
  } catch (e) {
    console.error('no se pudo anotar un rechazo en la bitácora', e);
    c.res = c.json(cuerpoError('BITACORA_NO_DISPONIBLE', 'No se pudo registrar la solicitud en la bitácora; reintente.'), 503);
  }
};

function entradaRechazo(c: Context<EntornoApi>, status: number) {
  const op = c.get('operador');
  const err = c.error instanceof ErrorApi ? c.error : null;
  const detalles = err?.details as { clave?: unknown } | undefined;
  const acta = /\/actas\/([^/]+)/.exec(c.req.path)?.[1] ?? (typeof detalles?.clave === 'string' ? detalles.clave : null);
  return {
    at: Date.now(),
    operador: op?.id ?? null,
    token: op?.tokenId ?? c.get('tokenPresentado') ?? null,
    catd: op?.catd?.id ?? null,
    accion: 'RECHAZO',
    acta,
    seq: null,
    status,
    detalle: {
      code: err?.code ?? `HTTP_${status}`,
      message: err?.message ?? '',
      metodo: c.req.method,
      ruta: c.req.path,
      ip: c.req.header('cf-connecting-ip') ?? null,
    },
  };
}
