/**
 * A SQL statement as a value (text + positional `?` parameters): bound through the Worker binding, or rendered
 * with literal values for `wrangler d1 execute --file` (scripts/operators.ts). Either way the same statements run.
 */
import { D1_MAX_PARAMS, type SqlValue } from './sql-lotes.ts';

export interface Sentencia {
  sql: string;
  params: SqlValue[];
}

export const sentencia = (sql: string, ...params: SqlValue[]): Sentencia => ({ sql, params });

export function preparar(db: D1Database, s: Sentencia): D1PreparedStatement {
  if (s.params.length > D1_MAX_PARAMS) throw new Error(`${s.params.length} parámetros en una sentencia (máximo ${D1_MAX_PARAMS})`);
  return db.prepare(s.sql).bind(...s.params);
}

export function literal(v: SqlValue): string {
  if (v === null) return 'NULL';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`número no finito: ${v}`);
    return String(v);
  }
  return `'${v.replaceAll("'", "''")}'`;
}

/** The statement with its parameters inlined. Its SQL text must have no `?` other than the placeholders. */
export function comoTexto(s: Sentencia): string {
  const partes = s.sql.split('?');
  if (partes.length - 1 !== s.params.length) throw new Error(`la sentencia tiene ${partes.length - 1} marcadores y ${s.params.length} valores`);
  return `${partes.reduce((acc, p, i) => acc + literal(s.params[i - 1]!) + p)};`;
}
