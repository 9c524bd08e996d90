/**
 * What an isolate remembers of the actas it wrote, so that the next step on one of them can be decided without
 * reading it first (sin-lectura.ts): the snapshot as this isolate's last committed write left it. Never trusted
 * as such: the write decided on it is guarded in its batch by the acta's version (every change of an acta, its
 * captures included, moves its version), so an acta another isolate changed meanwhile is never overwritten — the
 * batch writes nothing, the acta is forgotten here and the request reads it as always.
 * Also remembered: the explicit Idempotency-Keys this isolate stored, so that a retry goes straight to the read
 * that answers it instead of first sending a write that would only trip on its stored key.
 */
import type { Instantanea } from '../../db/captura-lectura.ts';
import type { ActaVersionada } from '../../domain/captura/estado.ts';

/** The snapshot without what a write must never take from memory: the chains' head, stored answers, the close. */
export type ActaRecordada = Omit<Instantanea, 'punta' | 'secuencia' | 'guardadas' | 'finalPublicado' | 'finalEnCurso'> & {
  acta: ActaVersionada;
};

/**
 * An acta's next step usually comes minutes after its last: the most recently written few thousand are kept (a few
 * KB each, well within an isolate's memory), the oldest dropped first. Forgetting only costs a read.
 */
const MAX_ACTAS = 4_000;
const MAX_CLAVES = 20_000;

const actas = new Map<string, ActaRecordada>();
const claves = new Set<string>();

export function recordarActa(a: ActaRecordada): void {
  const clave = a.acta.estado.clave;
  actas.delete(clave);
  actas.set(clave, a);
  if (actas.size > MAX_ACTAS) actas.delete(actas.keys().next().value!);
}

export function actaRecordada(clave: string): ActaRecordada | undefined {
  return actas.get(clave);
}

export function olvidarActa(clave: string): void {
  actas.delete(clave);
}

const claveDe = (operador: string, clave: string) => `${operador}\n${clave}`;

/** `clave` ('k:' + Idempotency-Key) was stored for `operador` by a write of this isolate. */
export function anotarClaveGuardada(operador: string, clave: string): void {
  if (claves.size >= MAX_CLAVES) claves.clear();
  claves.add(claveDe(operador, clave));
}

export function claveGuardada(operador: string, clave: string): boolean {
  return claves.has(claveDe(operador, clave));
}
