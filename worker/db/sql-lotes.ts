/**
 * Multi-row INSERTs that respect D1's limit of 100 bound parameters per statement (docs/ARQUITECTURA.md §5.2):
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

/** D1's longest SQL statement, in bytes (d1/platform/limits): the remote import of a SQL file enforces it. */
export const D1_MAX_STATEMENT_BYTES = 100_000;

const utf8Length = (s: string) => new TextEncoder().encode(s).length;

/**
 * Literal INSERT statements (no bound parameters) for a SQL file: at most `rowsPerInsert` rows each, and never
 * longer than `maxBytes` (UTF-8), so the same file runs locally and through a remote `d1 execute --file`.
 */
export function insertScript(t: TableRows, rowsPerInsert = 500, maxBytes = D1_MAX_STATEMENT_BYTES): string {
  const head = `INSERT INTO ${t.table} (${t.columns.join(', ')}) VALUES\n`;
  const headBytes = utf8Length(head) + 1; // + the closing ';'
  const lines: string[] = [];
  let values: string[] = [];
  let bytes = headBytes;
  const flush = () => {
    if (values.length > 0) lines.push(`${head}${values.join(',\n')};`);
    values = [];
    bytes = headBytes;
  };
  for (const r of t.rows) {
    const v = `(${r.map(literal).join(', ')})`;
    const vBytes = utf8Length(v) + 2; // + ',\n'
    if (headBytes + vBytes > maxBytes) throw new Error(`one ${t.table} row does not fit in a ${maxBytes}-byte statement`);
    if (values.length >= rowsPerInsert || bytes + vBytes > maxBytes) flush();
    values.push(v);
    bytes += vBytes;
  }
  flush();
  return lines.join('\n');
}

/** Runs statements in D1 batches of at most `size` statements (each batch is one transaction). */
export async function runInBatches(db: D1Database, statements: D1PreparedStatement[], size = 200): Promise<void> {
  for (let i = 0; i < statements.length; i += size) await db.batch(statements.slice(i, i + size));
}
