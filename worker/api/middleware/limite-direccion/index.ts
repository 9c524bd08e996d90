/**
 * Per-address limits on traffic without a valid credential, with the platform's rate-limiting bindings
 * (wrangler.toml `ratelimits`: counted per Cloudflare location, approximate, windows of 60 s; miniflare simulates
 * them locally and in the tests). They are consulted only where no credential has been accepted (a refusal, a
 * sign-in attempt): authenticated traffic is never limited by address, because a CATD's desks share one and phones
 * sit behind carrier NAT; its limit is per token (limite-tasa). The key is the client address
 * (worker/domain/bitacora/direccion.ts: CF-Connecting-IP, an IPv6 /64).
 */
import type { Context } from 'hono';
import { direccionDe, type Direccion } from '../../../domain/bitacora/direccion.ts';
import type { EntornoApi } from '../../entorno.ts';
import { ErrorApi } from '../../errores.ts';

/** The bindings' period, seconds (wrangler.toml): what Retry-After promises at most. */
export const PERIODO_LIMITE_S = 60;

export const direccionCliente = (c: Context<EntornoApi>): Direccion => direccionDe(c.req.header('cf-connecting-ip'));

/** Takes one slot of `limitador` for the request's address: false when that address is over the limit. */
export async function dentroDelLimite(limitador: RateLimit, c: Context<EntornoApi>): Promise<boolean> {
  const { success } = await limitador.limit({ key: direccionCliente(c).clave });
  return success;
}

/** The 429 for an address over its limit (Retry-After: the window's length, since the binding does not say more). */
export function excedido(c: Context<EntornoApi>, code: string, message: string): ErrorApi {
  c.header('retry-after', String(PERIODO_LIMITE_S));
  return new ErrorApi(429, code, message, { periodoSegundos: PERIODO_LIMITE_S });
}
