/**
 * Rate limit per token: at most the token's `limite_por_minuto` requests per clock minute (server time), counted
 * in D1 (`tasa`) so that every isolate sees the same count. The count is taken in the credential lookup's round
 * trip, by the very statement that returns the credential (worker/db/operadores.ts consultaCredencial): one write
 * a request makes outside its workflow batch, because refused requests count too. Over the limit: 429 with
 * Retry-After.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { EntornoApi } from '../../entorno.ts';
import { ErrorApi } from '../../errores.ts';

const MINUTO = 60_000;

/** The clock minute a request at `ahora` (epoch ms) is counted in. */
export const ventanaDeTasa = (ahora: number): number => Math.floor(ahora / MINUTO);

/** 429 when the authenticated request's count is past its token's limit (also run where a write confirms its credential). */
export function comprobarTasa(c: Context<EntornoApi>): void {
  const limite = c.get('limitePorMinuto');
  const n = c.get('cuentaTasa');
  if (limite === undefined || n === undefined) throw new Error('limitarTasa sin autenticar');
  if (n > limite) {
    const ahora = Date.now();
    c.header('retry-after', String(Math.max(1, Math.ceil(((ventanaDeTasa(ahora) + 1) * MINUTO - ahora) / 1000))));
    throw new ErrorApi(429, 'LIMITE_DE_SOLICITUDES', `Se excedió el límite de ${limite} solicitudes por minuto de este token.`, { limite });
  }
}

/**
 * A request accepted on the isolate's memory of its credential is counted in its write batch, whose guard holds
 * the limit (authentication sets its count to 0 here; middleware/autenticacion/por-confirmar.ts).
 */
export const limitarTasa: MiddlewareHandler<EntornoApi> = async (c, next) => {
  comprobarTasa(c);
  await next();
};
