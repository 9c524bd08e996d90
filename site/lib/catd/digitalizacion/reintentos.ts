/**
 * A write cut on the way (no answer, or a gateway that gave up) is sent again with the same Idempotency-Key: the
 * API answers a repeated key with the first answer, so the acta is registered once whatever happened to the first
 * try. Any answer of the API itself (2xx, 4xx, 500) ends the attempts.
 */
import { ErrorCatd, SIN_CONEXION } from '../api.ts';

/** Waits before the 2nd, 3rd … try. */
export const ESPERAS_MS: readonly number[] = [400, 1200, 3000, 6000];

/** A fresh key for one operation (kept by the caller for all its tries). */
export function nuevaClave(prefijo: string): string {
  return `${prefijo}-${crypto.randomUUID()}`;
}

export function esCorte(e: unknown): boolean {
  return e instanceof ErrorCatd && (e.code === SIN_CONEXION || e.status === 502 || e.status === 503 || e.status === 504);
}

export interface OpcionesReintento {
  esperas?: readonly number[];
  /** Told before each new try (n = 2, 3 …), to show "reintentando". */
  alReintentar?: (n: number) => void;
  dormir?: (ms: number) => Promise<void>;
}

const dormirReal = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Runs `intento` until it answers or the waits run out; `intento` must reuse one Idempotency-Key. */
export async function conReintentos<T>(intento: () => Promise<T>, o: OpcionesReintento = {}): Promise<T> {
  const esperas = o.esperas ?? ESPERAS_MS;
  for (let i = 0; ; i++) {
    try {
      return await intento();
    } catch (e) {
      if (!esCorte(e) || i >= esperas.length) throw e;
      await (o.dormir ?? dormirReal)(esperas[i]!);
      o.alReintentar?.(i + 2);
    }
  }
}
