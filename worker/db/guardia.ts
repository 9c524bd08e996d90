/**
 * Guards inside a D1 batch (data/migrations/0003_captura.sql): `INSERT INTO guardia` aborts the whole batch with
 * GUARDIA:<motivo>. A batch that fails on a guard or on a uniqueness constraint lost a race with a concurrent
 * writer: nothing of it was written, and the caller re-reads and decides again.
 */
import { sentencia, type Sentencia } from './sentencia.ts';
import type { SqlValue } from './sql-lotes.ts';

export class ConflictoConcurrente extends Error {
  readonly motivo: string;
  constructor(motivo: string) {
    super(`conflicto concurrente: ${motivo}`);
    this.motivo = motivo;
  }
}

/** Aborts the batch with GUARDIA:<motivo> when `violada` (a SQL condition) holds. */
export function guardia(motivo: string, violada: string, ...params: SqlValue[]): Sentencia {
  if (!/^[A-Z_]+$/.test(motivo)) throw new Error(`motivo de guardia inválido: ${motivo}`);
  return sentencia(`INSERT INTO guardia (motivo) SELECT '${motivo}' WHERE ${violada}`, ...params);
}

/** A condition a guard checks: the batch aborts with GUARDIA:<motivo> when `violada` holds. */
export interface Condicion {
  motivo: string;
  violada: string;
  params: SqlValue[];
}

/**
 * Several guards as ONE statement, aborting with the first violated condition's motivo. Each statement of a batch
 * costs the Worker a result to receive and convert (measured: it dominates a write's CPU), so the guards every
 * workflow write carries are checked together, at the head of the batch (the conditions must read what the batch
 * has not changed yet).
 */
export function guardias(condiciones: readonly Condicion[]): Sentencia {
  if (condiciones.length === 0) throw new Error('guardias sin condiciones');
  for (const c of condiciones) if (!/^[A-Z_]+$/.test(c.motivo)) throw new Error(`motivo de guardia inválido: ${c.motivo}`);
  const caso = condiciones.map((c) => `WHEN (${c.violada}) THEN '${c.motivo}'`).join(' ');
  const alguna = condiciones.map((c) => `(${c.violada})`).join(' OR ');
  const params = condiciones.flatMap((c) => c.params);
  return sentencia(`INSERT INTO guardia (motivo) SELECT CASE ${caso} END WHERE ${alguna}`, ...params, ...params);
}

/** The guard or constraint a failed batch tripped on, or null for any other failure. */
export function motivoDeConflicto(e: unknown): string | null {
  const texto = e instanceof Error ? `${e.message} ${e.cause instanceof Error ? e.cause.message : ''}` : String(e);
  const g = /GUARDIA:([A-Z_]+)/.exec(texto);
  if (g) return g[1]!;
  return /UNIQUE constraint failed/.test(texto) ? 'UNICIDAD' : null;
}

/** Runs one batch (one transaction); a lost race becomes ConflictoConcurrente. */
export async function ejecutarLote(db: D1Database, lote: D1PreparedStatement[]): Promise<D1Result[]> {
  try {
    return await db.batch(lote);
  } catch (e) {
    const motivo = motivoDeConflicto(e);
    if (motivo !== null) throw new ConflictoConcurrente(motivo);
    throw e;
  }
}

/** Waits a little longer on each attempt (with jitter) before re-reading after a lost race. */
export function esperaReintento(intento: number): Promise<void> {
  const ms = Math.min(50, 2 ** intento) * (0.5 + Math.random());
  return new Promise((r) => setTimeout(r, ms));
}
