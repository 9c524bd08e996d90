/**
 * The local D1 (wrangler's SQLite under a persist directory) for the scripts: queries with JSON results, SQL
 * files and statement batches run as ONE all-or-nothing batch, as `wrangler d1 execute --local` runs them, but
 * on one workerd kept open for the script's run (scripts/lib/d1-sesion.ts); and the one way the scripts apply
 * the D1 migrations (`npm start`, seed, operators, the stacks of the tests and benchmarks; the workerd tests
 * apply them in test/setup instead).
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { comoTexto, type Sentencia } from '../../worker/db/sentencia.ts';
import { ConflictoConcurrente, motivoDeConflicto } from '../../worker/db/guardia.ts';
import type { Ejecutor } from '../../worker/db/administracion.ts';
import { LEER_PUNTA, puntaDe } from '../../worker/db/bitacora.ts';
import { loteD1Local } from './d1-sesion.ts';
import { DIR_PERSISTENCIA, RAIZ } from './local.ts';

/** The `--persist-to DIR` option of the scripts that work on the local D1 (scripts/lib/argumentos.ts). */
export const OPCION_PERSIST_TO = { tipo: 'texto', valor: 'DIR', ayuda: 'otra D1 local (por omisión: .state/wrangler)' } as const;

/** The local D1 a `--persist-to` value names: the project's (.state/wrangler) when there is none. */
export function persistDe(valor: string | undefined): string {
  return valor === undefined ? DIR_PERSISTENCIA : path.resolve(valor);
}

const MIGRACIONES = path.join(RAIZ, 'data/migrations');

/** wrangler's table of applied migrations, created as `wrangler d1 migrations apply` creates it. */
const TABLA_MIGRACIONES = `CREATE TABLE IF NOT EXISTS "d1_migrations"(
\t\tid         INTEGER PRIMARY KEY AUTOINCREMENT,
\t\tname       TEXT UNIQUE,
\t\tapplied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);`;

const numeroDe = (nombre: string) => Number.parseInt(nombre.split('_')[0]!, 10);

/** The migration files in wrangler's order: by leading number, then by name. */
function archivosDeMigracion(): string[] {
  return readdirSync(MIGRACIONES, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.sql'))
    .map((e) => e.name)
    .sort((a, b) => numeroDe(a) - numeroDe(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Applies data/migrations to the local D1 persisted in `persistTo` as `wrangler d1 migrations apply --local` does
 * (same d1_migrations table; each pending file and its row in that table as one batch, in order; stop at the
 * first that fails), but on the open local D1: wrangler started a workerd for each of those steps.
 */
export function aplicarMigraciones(persistTo: string): void {
  mkdirSync(persistTo, { recursive: true });
  loteD1Local(persistTo, TABLA_MIGRACIONES);
  const aplicadas = new Set(consultarD1Local<{ name: string }>(persistTo, 'SELECT *\n\t\tFROM "d1_migrations"\n\t\tORDER BY id').map((f) => f.name));
  for (const nombre of archivosDeMigracion().filter((n) => !aplicadas.has(n))) {
    const sql = `${readFileSync(path.join(MIGRACIONES, nombre), 'utf8')}\nINSERT INTO "d1_migrations" (name)\nvalues ('${nombre.replaceAll("'", "''")}');`;
    try {
      loteD1Local(persistTo, sql);
    } catch (e) {
      throw new Error(`la migración ${nombre} falló: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

/** Rows of each statement of `sql`, run as one batch. */
export function consultarD1LocalLotes<T = Record<string, unknown>>(persistTo: string, sql: string): T[][] {
  return loteD1Local(persistTo, sql) as T[][];
}

/** Rows of the last statement of `sql`. */
export function consultarD1Local<T = Record<string, unknown>>(persistTo: string, sql: string): T[] {
  return consultarD1LocalLotes<T>(persistTo, sql).at(-1) ?? [];
}

/** Runs the SQL file `archivo` as one all-or-nothing batch. */
export function ejecutarArchivoD1Local(persistTo: string, archivo: string): void {
  // wrangler drops a byte order mark before splitting the file.
  loteD1Local(persistTo, readFileSync(archivo, 'utf8').replace(/^\uFEFF/, ''));
}

export interface D1Local {
  persistTo: string;
  consulta<T = Record<string, unknown>>(sql: string): T[];
  lote(sentencias: Sentencia[]): void;
  migrar(): void;
}

export function d1Local(persistTo: string): D1Local {
  return {
    persistTo,
    consulta: <T,>(sql: string) => consultarD1Local<T>(persistTo, sql),
    lote(sentencias) {
      try {
        loteD1Local(persistTo, `${sentencias.map(comoTexto).join('\n')}\n`);
      } catch (e) {
        const motivo = motivoDeConflicto(e);
        throw motivo === null ? e : new ConflictoConcurrente(motivo);
      }
    },
    migrar: () => aplicarMigraciones(persistTo),
  };
}

/** The local D1 as an executor of administrative changes (worker/db/administracion.ts). */
export function ejecutorLocal(d1: D1Local): Ejecutor {
  return {
    punta: async () => puntaDe(d1.consulta<{ id: number; hash: string }>(LEER_PUNTA)[0]),
    lote: async (sentencias) => d1.lote(sentencias),
  };
}
