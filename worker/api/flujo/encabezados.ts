/**
 * Request headers of the write routes: Idempotency-Key (a retry with the same key gets the stored answer) and
 * If-Match (the acta version the client last saw; a different current version is a 409).
 */
import type { Context } from 'hono';
import { z } from '@hono/zod-openapi';
import { ErrorApi } from '../errores.ts';

export const EncabezadosEscrituraSchema = z.object({
  'idempotency-key': z.string().optional().openapi({ description: 'Clave de idempotencia (1–200 caracteres ASCII visibles).' }),
  'if-match': z.string().optional().openapi({ description: 'Versión del acta que el cliente leyó (ETag), p. ej. "3".' }),
});

export function claveIdempotencia(c: Context): string | null {
  const k = c.req.header('idempotency-key');
  if (k === undefined) return null;
  if (!/^[\x21-\x7e]{1,200}$/.test(k)) {
    throw new ErrorApi(400, 'IDEMPOTENCY_KEY_INVALIDA', 'Idempotency-Key debe tener de 1 a 200 caracteres ASCII visibles.');
  }
  return k;
}

/** The version in If-Match ("3", W/"3" or 3), '*' for "any existing", or null when absent. */
export function versionEsperada(c: Context): number | '*' | null {
  const v = c.req.header('if-match');
  if (v === undefined) return null;
  if (v.trim() === '*') return '*';
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(v);
  if (!m) throw new ErrorApi(400, 'IF_MATCH_INVALIDO', 'If-Match debe ser la versión del acta entre comillas, p. ej. "3".');
  return Number(m[1]);
}

/** Whether the acta's version satisfies If-Match (`esperada` from versionEsperada; null: no condition). */
export function versionCoincide(esperada: number | '*' | null, inst: { acta: { version: number } | null }): boolean {
  if (esperada === null) return true;
  const actual = inst.acta?.version ?? 0;
  return esperada === '*' ? actual !== 0 : esperada === actual;
}
