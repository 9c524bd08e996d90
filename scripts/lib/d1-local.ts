/**
 * The local D1 (wrangler's SQLite under a persist directory) for the operator and audit scripts: queries with
 * JSON results, and statement batches run as ONE all-or-nothing batch (`wrangler d1 execute --file` runs a file
 * as a single D1 batch locally). `--persist-to DIR` picks another local state (tests use a temporary one).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { comoTexto, type Sentencia } from '../../worker/db/sentencia.ts';
import { ConflictoConcurrente, motivoDeConflicto } from '../../worker/db/guardia.ts';
import type { Ejecutor } from '../../worker/db/administracion.ts';
import { LEER_PUNTA, puntaDe } from '../../worker/db/bitacora.ts';
import { DB_NAME, PERSIST_DIR, wrangler } from './local.ts';

export interface D1Local {
  persistTo: string;
  consulta<T = Record<string, unknown>>(sql: string): T[];
  lote(sentencias: Sentencia[]): void;
  migrar(): void;
}

/** `--persist-to DIR` from argv, else the project's local state. */
export function persistDe(argv: readonly string[]): string {
  const i = argv.indexOf('--persist-to');
  return i >= 0 && argv[i + 1] ? path.resolve(argv[i + 1]!) : PERSIST_DIR;
}

export function d1Local(persistTo: string): D1Local {
  const base = ['d1', 'execute', DB_NAME, '--local', '--persist-to', persistTo];
  return {
    persistTo,
    consulta<T>(sql: string): T[] {
      const salida = wrangler([...base, '--json', '--command', sql], { quiet: true });
      return ((JSON.parse(salida) as { results: T[] }[]).at(-1)?.results ?? []) as T[];
    },
    lote(sentencias) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'prep-d1-'));
      const archivo = path.join(dir, 'lote.sql');
      try {
        writeFileSync(archivo, sentencias.map(comoTexto).join('\n') + '\n');
        wrangler([...base, '--yes', '--file', archivo], { quiet: true });
      } catch (e) {
        const motivo = motivoDeConflicto(e);
        throw motivo === null ? e : new ConflictoConcurrente(motivo);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    migrar() {
      wrangler(['d1', 'migrations', 'apply', DB_NAME, '--local', '--persist-to', persistTo], { quiet: true });
    },
  };
}

/** The local D1 as an executor of administrative changes (worker/db/administracion.ts). */
export function ejecutorLocal(d1: D1Local): Ejecutor {
  return {
    punta: async () => puntaDe(d1.consulta<{ id: number; hash: string }>(LEER_PUNTA)[0]),
    lote: async (sentencias) => d1.lote(sentencias),
  };
}
