/**
 * Rate limit per token: at most the token's `limite_por_minuto` requests per clock minute (server time), counted
 * in D1 (`tasa`) so that every isolate sees the same count. The counter is the one write a request makes outside
 * its workflow batch: refused requests count too. Over the limit: 429 with Retry-After.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../app.ts';
import { ApiError } from '../../errors.ts';

const MINUTO = 60_000;

export const limitarTasa: MiddlewareHandler<AppEnv> = async (c, next) => {
  const op = c.get('operador');
  const limite = c.get('limitePorMinuto');
  if (op === undefined || limite === undefined) throw new Error('limitarTasa sin autenticar');
  const ahora = Date.now();
  const ventana = Math.floor(ahora / MINUTO);
  const db = c.env.DB;
  const [, cuenta] = await db.batch<{ n: number }>([
    db.prepare('DELETE FROM tasa WHERE token = ? AND ventana < ?').bind(op.tokenId, ventana),
    db
      .prepare('INSERT INTO tasa (token, ventana, n) VALUES (?, ?, 1) ON CONFLICT (token, ventana) DO UPDATE SET n = n + 1 RETURNING n')
      .bind(op.tokenId, ventana),
  ]);
  const n = cuenta!.results[0]?.n ?? 0;
  if (n > limite) {
    c.header('retry-after', String(Math.ceil(((ventana + 1) * MINUTO - ahora) / 1000)));
    throw new ApiError(429, 'LIMITE_DE_SOLICITUDES', `Se excedió el límite de ${limite} solicitudes por minuto de este token.`, { limite });
  }
  await next();
};
