/**
 * The local D1 (wrangler's SQLite under a persist directory) for the scripts: queries with JSON results, SQL
 * files and statement batches run as ONE all-or-nothing batch (`wrangler d1 execute --file` runs a file as a
 * single D1 batch locally), and the one way the scripts apply the D1 migrations (`npm start`, seed, operators,
 * the stacks of the tests and benchmarks; the workerd tests apply them in test/setup instead).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { comoTexto, type Sentencia } from '../../worker/db/sentencia.ts';
import { ConflictoConcurrente, motivoDeConflicto } from '../../worker/db/guardia.ts';
import type { Ejecutor } from '../../worker/db/administracion.ts';
import { LEER_PUNTA, puntaDe } from '../../worker/db/bitacora.ts';
import { NOMBRE_BD, DIR_PERSISTENCIA, wrangler } from './local.ts';

/** The `--persist-to DIR` option of the scripts that work on the local D1 (scripts/lib/argumentos.ts). */
export const OPCION_PERSIST_TO = { tipo: 'texto', valor: 'DIR', ayuda: 'otra D1 local (por omisión: .state/wrangler)' } as const;

/** The local D1 a `--persist-to` value names: the project's (.state/wrangler) when there is none. */
export function persistDe(valor: string | undefined): string {
  return valor === undefined ? DIR_PERSISTENCIA : path.resolve(valor);
}

const local = (persistTo: string) => ['d1', 'execute', NOMBRE_BD, '--local', '--persist-to', persistTo];

/** Applies data/migrations to the local D1 persisted in `persistTo` (those already applied are skipped). */
export function aplicarMigraciones(persistTo: string): void {
  mkdirSync(persistTo, { recursive: true });
  wrangler(['d1', 'migrations', 'apply', NOMBRE_BD, '--local', '--persist-to', persistTo], { quiet: true });
}

/** Rows of each statement of `sql`, run as one batch. */
export function consultarD1LocalLotes<T = Record<string, unknown>>(persistTo: string, sql: string): T[][] {
  const salida = wrangler([...local(persistTo), '--json', '--command', sql], { quiet: true });
  return (JSON.parse(salida) as { results: T[] }[]).map((r) => r.results);
}

/** Rows of the last statement of `sql`. */
export function consultarD1Local<T = Record<string, unknown>>(persistTo: string, sql: string): T[] {
  return consultarD1LocalLotes<T>(persistTo, sql).at(-1) ?? [];
}

/** Runs the SQL file `archivo` as one all-or-nothing batch. */
export function ejecutarArchivoD1Local(persistTo: string, archivo: string): void {
  wrangler([...local(persistTo), '--yes', '--file', archivo], { quiet: true });
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
      const dir = mkdtempSync(path.join(os.tmpdir(), 'prep-d1-'));
      const archivo = path.join(dir, 'lote.sql');
      try {
        writeFileSync(archivo, `${sentencias.map(comoTexto).join('\n')}\n`);
        ejecutarArchivoD1Local(persistTo, archivo);
      } catch (e) {
        const motivo = motivoDeConflicto(e);
        throw motivo === null ? e : new ConflictoConcurrente(motivo);
      } finally {
        rmSync(dir, { recursive: true, force: true });
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
