import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { D1_MAX_PARAMS, D1_MAX_STATEMENT_BYTES, insertScript, insertStatements, rowsPerStatement, runInBatches, type TableRows } from './sql-lotes.ts';

const db = env.DB;

function rows(n: number): TableRows {
  return {
    table: 'distrito',
    columns: ['id', 'cabecera'],
    rows: Array.from({ length: n }, (_, i) => [i + 1, `Cabecera ${i + 1} 'con' comillas`]),
  };
}

describe('chunked inserts', () => {
  beforeEach(async () => {
    await db.prepare('DELETE FROM distrito').run();
  });

  it('never binds more than 100 parameters in one statement', () => {
    expect(rowsPerStatement(2)).toBe(50);
    expect(rowsPerStatement(8)).toBe(12);
    expect(rowsPerStatement(100)).toBe(1);
    expect(() => rowsPerStatement(101)).toThrow();
    const statements = insertStatements(db, rows(1234));
    expect(statements).toHaveLength(Math.ceil(1234 / 50));
  });

  it('inserts every row exactly once through the binding', async () => {
    await runInBatches(db, insertStatements(db, rows(1234)), 7);
    const r = await db.prepare('SELECT count(*) AS n, sum(id) AS s FROM distrito').first<{ n: number; s: number }>();
    expect(r).toEqual({ n: 1234, s: (1234 * 1235) / 2 });
  });

  it('a statement over the limit fails in workerd too, so the chunking is load-bearing', async () => {
    // 51 rows × 2 columns = 102 parameters in one statement: D1 (and local workerd) allow 100.
    const [over] = insertStatements(db, rows(51), 102);
    await expect(over!.run()).rejects.toThrow(/too many SQL variables/);
    await runInBatches(db, insertStatements(db, rows(51), D1_MAX_PARAMS));
    const r = await db.prepare('SELECT count(*) AS n FROM distrito').first<{ n: number }>();
    expect(r?.n).toBe(51);
  });

  it('renders literal SQL with quotes escaped', async () => {
    const sql = insertScript(rows(3), 2);
    expect(sql.split('INSERT INTO').length - 1).toBe(2);
    await db.exec(sql.replaceAll('\n', ' '));
    const r = await db.prepare('SELECT cabecera FROM distrito WHERE id = 3').first<{ cabecera: string }>();
    expect(r?.cabecera).toBe("Cabecera 3 'con' comillas");
  });

  it('keeps every literal statement under D1\'s 100 KB statement limit, counting UTF-8 bytes', async () => {
    const long: TableRows = {
      table: 'distrito',
      columns: ['id', 'cabecera'],
      rows: Array.from({ length: 600 }, (_, i) => [i + 1, `Cabecera ñ ${'á'.repeat(190)} ${i + 1}`]),
    };
    const sql = insertScript(long);
    const statements = sql.split(/;\n(?=INSERT)/);
    expect(statements.length).toBeGreaterThan(1);
    for (const s of statements) expect(new TextEncoder().encode(`${s};`).length).toBeLessThanOrEqual(D1_MAX_STATEMENT_BYTES);
    // Local workerd enforces the limit too (SQLITE_TOOBIG), so running them proves the split.
    await db.batch(statements.map((s) => db.prepare(s.replace(/;$/, ''))));
    const r = await db.prepare('SELECT count(*) AS n FROM distrito').first<{ n: number }>();
    expect(r?.n).toBe(600);
    expect(() => insertScript(long, 500, 300)).toThrow(/does not fit/);
  });
});
