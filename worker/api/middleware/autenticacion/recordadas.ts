/**
 * What an isolate remembers of the credentials it has accepted, and why that is safe.
 *
 * Remembered, per token id: the SHA-256 of the secret that was accepted, and the credential's JSON text as D1
 * returned it with its parsed form. Never a decision: every request still gets its token's credential as it is
 * now, in the same round trip that counts it for the rate limit (worker/db/operadores.ts), and is judged on that.
 * - The stored hash of a token never changes, so a presented hash equal to the remembered one is the right
 *   secret: the statements that count wrong secrets (which could then do nothing) are left out of the batch.
 * - The parsed credential is reused only when the fresh text is identical to the remembered one; a revocation,
 *   an operator dado de baja, a new CATD or new casillas change the text, which is then parsed again. So a revoked
 *   token is refused on its very next request, whichever isolate it reaches.
 */
import type { Credencial } from '../../../db/operadores.ts';
import { credencialDeJson } from '../../../db/operadores.ts';
import { puedeEjercer, type Paso } from '../../../domain/captura/permisos.ts';

export interface Recordada {
  hash: string;
  texto: string;
  credencial: Credencial;
}

/** Enough for every desk of a national night; past it the memory starts over (it only saves work). */
const MAX_RECORDADAS = 20_000;

const recordadas = new Map<string, Recordada>();

/** Whether this isolate already accepted exactly this secret for this token id. */
export function secretoConocido(tokenId: string, hash: string): boolean {
  return recordadas.get(tokenId)?.hash === hash;
}

/**
 * The credential the fresh `texto` describes: the remembered parse when the text is the same, else a new parse,
 * remembered under the accepted `hash` (the caller has compared it with the stored one).
 */
export function credencialVigente(tokenId: string, hash: string, texto: string): Credencial {
  const r = recordadas.get(tokenId);
  if (r !== undefined && r.hash === hash && r.texto === texto) return r.credencial;
  const credencial = credencialDeJson(texto);
  if (credencial.hash !== hash) return credencial;
  if (recordadas.size >= MAX_RECORDADAS) recordadas.clear();
  recordadas.set(tokenId, { hash, texto, credencial });
  return credencial;
}

/**
 * The remembered credential a write may act on before D1 confirms it (por-confirmar.ts): only for exactly the
 * secret accepted before, and only if, as remembered, it would be accepted for `paso` now — live, unexpired, its
 * operator active and allowed the step. Its batch then applies only if the credential is still that very text.
 */
export function recordadaParaEscribir(tokenId: string, hash: string, paso: Paso, ahora: number): Recordada | null {
  const r = recordadas.get(tokenId);
  if (r === undefined || r.hash !== hash) return null;
  const k = r.credencial;
  if (k.revocadoAt !== null || k.expiraAt <= ahora || !k.activo || !puedeEjercer(k.operador, paso).ok) return null;
  return r;
}
