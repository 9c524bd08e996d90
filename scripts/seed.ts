/**
 * Seeds the local D1 with the synthetic Jalisco 2024 catalogue: applies migrations, then loads the
 * catalogue from one SQL file through `wrangler d1 execute` (no per-statement parameter limit there).
 * Skips the load when the same catalogue (by SHA-256) is already in place.
 *   npm run seed [-- --seed N]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateJalisco } from '../data/generator/generate.ts';
import { catalogueSqlScript } from '../worker/db/catalogue-load.ts';
import { PERSIST_DIR, STATE_DIR, applyMigrations, d1File, d1Query } from './lib/local.ts';
import { createHash } from 'node:crypto';

/** `persistTo`: another local state than the project's (.state/wrangler), e.g. a test's temporary one. */
export async function seedLocal(seed = 2024, persistTo = PERSIST_DIR): Promise<{ loaded: boolean; sha256: string }> {
  mkdirSync(STATE_DIR, { recursive: true });
  applyMigrations(persistTo);
  const sql = catalogueSqlScript(generateJalisco(seed));
  const sha256 = createHash('sha256').update(sql).digest('hex');
  const current = d1Query<{ valor: string }>("SELECT valor FROM configuracion WHERE clave = 'catalogo_sha256'", persistTo);
  if (current[0]?.valor === sha256) return { loaded: false, sha256 };
  const propio = persistTo === PERSIST_DIR;
  const dir = propio ? STATE_DIR : mkdtempSync(path.join(os.tmpdir(), 'prep-seed-'));
  const file = path.join(dir, 'catalogo.sql');
  const mark = `INSERT OR REPLACE INTO configuracion (clave, valor) VALUES ('catalogo_sha256', '${sha256}');\n`;
  try {
    writeFileSync(file, sql + mark);
    d1File(file, persistTo);
  } finally {
    if (!propio) rmSync(dir, { recursive: true, force: true });
  }
  return { loaded: true, sha256 };
}

if (import.meta.main) {
  const i = process.argv.indexOf('--seed');
  const seed = i > 0 ? Number(process.argv[i + 1]) : 2024;
  const t0 = performance.now();
  const r = await seedLocal(seed);
  console.log(
    r.loaded
      ? `catálogo sintético Jalisco cargado (sha256 ${r.sha256.slice(0, 12)}…) en ${Math.round(performance.now() - t0)} ms`
      : `catálogo ya cargado (sha256 ${r.sha256.slice(0, 12)}…)`,
  );
}
