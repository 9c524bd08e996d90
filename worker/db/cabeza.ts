/**
 * The head of the two global chains every workflow write extends, as this isolate predicts it: the audit log's
 * tip (bitacora) and the change sequence. Two batches built over the same head cannot both commit: the later one
 * trips a guard, writes nothing, and has to re-read and try again. Under load most attempts would be wasted that
 * way, since every request of an entidad extends the same chains.
 *
 * So an isolate chains its own writes: a request that is ready to write takes the newest head it knows (its
 * snapshot's, or the one the isolate's previous write will leave), seals its audit entry over it and moves the
 * predicted head past itself, all synchronously (no other request can take the same head), and only then sends
 * its batch. Batches of one isolate then follow each other instead of racing, and no request waits for another.
 * Whatever goes wrong (a guard on the acta's version, a write from another isolate or from scripts/operators.ts,
 * batches arriving out of order) is still decided by the SQL guards: the failed batch wrote nothing, the
 * prediction is forgotten, and the caller re-reads. Correctness never depends on the prediction.
 */
import { createHash } from 'node:crypto';
import type { Punta } from '../domain/bitacora/cadena.ts';

/** The newest known end of both chains. */
export interface Cabeza {
  punta: Punta;
  secuencia: number;
}

const previstas = new WeakMap<D1Database, Cabeza>();

/**
 * The newer of what a snapshot read and what this isolate predicts. Both chains only grow, so for each the
 * larger value is the more recent one: the prediction is behind a snapshot when another isolate wrote, and a
 * snapshot is behind the prediction when it was read before this isolate's latest writes.
 */
export function masReciente(leida: Cabeza, prevista: Cabeza | undefined): Cabeza {
  if (prevista === undefined) return leida;
  return {
    punta: prevista.punta.id > leida.punta.id ? prevista.punta : leida.punta,
    secuencia: Math.max(prevista.secuencia, leida.secuencia),
  };
}

/**
 * Synchronously: `construir` gets the newest known head and returns the write built over it and the head that
 * write leaves, which becomes the prediction. Must not be async: that is what keeps two requests off one head.
 */
export function reservar<T>(db: D1Database, leida: Cabeza, construir: (base: Cabeza) => { valor: T; deja: Cabeza }): T {
  const r = construir(masReciente(leida, previstas.get(db)));
  previstas.set(db, r.deja);
  return r.valor;
}

/**
 * Whether this isolate predicts the head (its last batch committed and none failed since): a write decided without
 * reading (worker/api/flujo/sin-lectura.ts) is built over the prediction, which is then its only source of the head.
 */
export function hayPrevista(db: D1Database): boolean {
  return previstas.has(db);
}

/** After a batch failed: the prediction may be wrong, so the next writer relies on what it reads. */
export function olvidar(db: D1Database): void {
  previstas.delete(db);
}

/** SHA-256 (hex) computed synchronously, so that a write can be sealed inside `reservar`. */
export const sha256Sincrono = (texto: string): string => createHash('sha256').update(texto).digest('hex');
