/**
 * Multi-row INSERTs that respect D1's limit of 100 bound parameters per statement (PLATFORM.md):
 * rows are grouped so that rows × columns ≤ 100. The same rows can also be rendered as literal SQL text
 * for `wrangler d1 execute --file`, which has no parameter limit (used to seed large catalogues locally).
 */
export const D1_MAX_PARAMS = 100;

export type SqlValue = string | number | null;

export interface TableRows {
  table: string;
  columns: readonly string[];
  rows: SqlValue[][];
}

/** Rows per statement so that rows × columns stays within the bound-parameter limit. */
export function rowsPerStatement(columnCount: number, maxParams = D1_MAX_PARAMS): number {
  if (columnCount < 1 || columnCount > maxParams) throw new Error(`cannot bind ${columnCount} columns in one row`);
  return Math.floor(maxParams / columnCount);
}

function insertSql(t: TableRows, rowCount: number): string {
  const tuple = `(${t.columns.map(() => '?').join(', ')})`;
  return `INSERT INTO ${t.table} (${t.columns.join(', ')}) VALUES ${Array(rowCount).fill(tuple).join(', ')}`;
}

/** Bound, chunked INSERT statements for one table. */
export function insertStatements(db: D1Database, t: TableRows, maxParams = D1_MAX_PARAMS): D1PreparedStatement[] {
  const per = rowsPerStatement(t.columns.length, maxParams);
  const out: D1PreparedStatement[] = [];
  for (let i = 0; i < t.rows.length; i += per) {
    const chunk = t.rows.slice(i, i + per);
    out.push(db.prepare(insertSql(t, chunk.length)).bind(...chunk.flat()));
  }
  return out;
}

function literal(v: SqlValue): string {
  if (v === null) return 'NULL';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
    return String(v);
  }
  return `'${v.replaceAll("'", "''")}'`;
}

/** Literal INSERT statements (no bound parameters), `rowsPerInsert` rows each, for a SQL file. */
export function insertScript(t: TableRows, rowsPerInsert = 500): string {
  const lines: string[] = [];
  for (let i = 0; i < t.rows.length; i += rowsPerInsert) {
    const values = t.rows.slice(i, i + rowsPerInsert).map((r) => `(${r.map(literal).join(', ')})`);
    lines.push(`INSERT INTO ${t.table} (${t.columns.join(', ')}) VALUES\n${values.join(',\n')};`);
  }
  return lines.join('\n');
}

/** Runs statements in D1 batches of at most `size` statements (each batch is one transaction). */
export async function runInBatches(db: D1Database, statements: D1PreparedStatement[], size = 200): Promise<void> {
  for (let i = 0; i < statements.length; i += size) await db.batch(statements.slice(i, i + size));
}
