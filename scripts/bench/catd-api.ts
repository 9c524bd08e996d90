/**
 * Writes straight to the API from Node with a bearer token (as a machine client would): `npm run bench:catd`'s
 * setup (the images) and its second baseline. One request each, timed from before fetch to the last byte of the
 * answer.
 */
import { randomUUID } from 'node:crypto';

export interface Escritura {
  ruta: string;
  token: string;
  cuerpo: { json: unknown } | { bytes: Uint8Array; tipo: string };
}

/** Sends one write; resolves with the milliseconds it took, or throws with the API's answer. */
export async function escribirCronometrado(base: string, e: Escritura): Promise<number> {
  const t0 = performance.now();
  const r = await fetch(`${base}${e.ruta}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${e.token}`,
      'content-type': 'json' in e.cuerpo ? 'application/json' : e.cuerpo.tipo,
      'idempotency-key': randomUUID(),
    },
    body: 'json' in e.cuerpo ? JSON.stringify(e.cuerpo.json) : new Uint8Array(e.cuerpo.bytes),
  });
  const texto = await r.text();
  const ms = performance.now() - t0;
  if (!r.ok) throw new Error(`POST ${e.ruta} → HTTP ${r.status}: ${texto}`);
  return ms;
}
