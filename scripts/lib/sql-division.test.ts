import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RAIZ } from './local.ts';
import { dividirSql } from './sql-division.ts';

describe('dividirSql', () => {
  it('cuts at each semicolon and drops empty and comment-only pieces', () => {
    expect(dividirSql('SELECT 1; SELECT 2;\n-- fin\n;  ')).toEqual(['SELECT 1', 'SELECT 2']);
    expect(dividirSql('SELECT 1')).toEqual(['SELECT 1']);
    expect(dividirSql('/* solo */ -- comentarios\n')).toEqual([]);
  });

  it('keeps semicolons inside strings, quoted identifiers and comments', () => {
    const sql = `INSERT INTO t VALUES ('a;b', 'it''s; fine');SELECT "x;y", \`z;\`, [w;] FROM t /* ; */ -- ;\n;SELECT 3`;
    expect(dividirSql(sql)).toEqual([
      `INSERT INTO t VALUES ('a;b', 'it''s; fine')`,
      'SELECT "x;y", `z;`, [w;] FROM t /* ; */ -- ;',
      'SELECT 3',
    ]);
  });

  it('keeps a trigger body whole, up to its END;', () => {
    const sql = 'CREATE TEMP TRIGGER t BEFORE INSERT ON x BEGIN SELECT 1; SELECT RAISE(ABORT, \'no;\'); END; SELECT 2;';
    expect(dividirSql(sql)).toEqual(["CREATE TEMP TRIGGER t BEFORE INSERT ON x BEGIN SELECT 1; SELECT RAISE(ABORT, 'no;'); END", 'SELECT 2']);
  });

  it("splits every migration into statements SQLite accepts one by one (each trigger whole)", () => {
    const dir = path.join(RAIZ, 'data/migrations');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.sql'))) {
      const texto = readFileSync(path.join(dir, f), 'utf8');
      const partes = dividirSql(texto);
      const disparadores = partes.filter((p) => /^CREATE\s+TRIGGER/im.test(p));
      expect(disparadores.length, f).toBe((texto.match(/^CREATE\s+TRIGGER/gim) ?? []).length);
      for (const d of disparadores) expect(d, f).toMatch(/END$/);
      for (const p of partes) expect(p.endsWith(';'), f).toBe(false);
    }
  });
});
