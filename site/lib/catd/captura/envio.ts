/**
 * Sending one capture: ONE POST /api/v1/actas/{clave}/capturas with an Idempotency-Key. When the request is cut
 * (no answer), or the server failed or lost a race, it is sent again with the SAME key: the API answers a repeat
 * with the stored answer, so a capture that did arrive is never recorded twice. No If-Match: two capturists work
 * the same acta at the same time by design; what must not be overwritten the API refuses with a 409.
 */
import { TOTALES } from '../../../../worker/domain/contrato/index.ts';
import { ErrorCatd, pedir, SIN_CONEXION } from '../api.ts';
import type { CampoFormulario } from './campos.ts';
import type { ActaTrasCaptura, CuerpoCaptura } from './tipos.ts';
import { valorDe, type Entrada } from './valores.ts';

/** Waits between attempts (ms): four sends at most. */
export const ESPERAS_MS = [400, 1200, 2500] as const;

/** Worth sending again with the same key: no answer, a server failure, or a lost race on the acta. */
export function reintentable(e: unknown): boolean {
  return e instanceof ErrorCatd && (e.code === SIN_CONEXION || e.status >= 500 || e.code === 'CONFLICTO_CONCURRENTE');
}

/** Runs `intento` until it succeeds, fails for good, or the waits run out; `alReintentar` before each new try. */
export async function conReintentos<T>(
  intento: () => Promise<T>,
  esperas: readonly number[],
  alReintentar: (n: number, e: unknown) => void = () => {},
  dormir: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await intento();
    } catch (e) {
      if (!reintentable(e) || n >= esperas.length) throw e;
      alReintentar(n + 1, e);
      await dormir(esperas[n]!);
    }
  }
}

/** The API body of the typed figures (an untyped field is Sin dato). */
export function cuerpoCaptura(campos: readonly CampoFormulario[], e: Readonly<Record<string, Entrada>>): CuerpoCaptura {
  const votos: CuerpoCaptura['votos'] = {};
  for (const c of campos) if (c.grupo === 'voto') votos[c.clave] = valorDe(e[c.clave] ?? '');
  const totales = Object.fromEntries(TOTALES.map((t) => [t, valorDe(e[t] ?? '')])) as CuerpoCaptura['totales'];
  return { votos, totales };
}

export function enviarCaptura(clave: string, cuerpo: CuerpoCaptura, llave: string, alReintentar?: (n: number, e: unknown) => void): Promise<ActaTrasCaptura> {
  const ruta = `/api/v1/actas/${encodeURIComponent(clave)}/capturas`;
  return conReintentos(() => pedir<ActaTrasCaptura>('POST', ruta, { cuerpo, encabezados: { 'idempotency-key': llave } }), ESPERAS_MS, alReintentar);
}
