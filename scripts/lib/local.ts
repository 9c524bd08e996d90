/**
 * Helpers shared by the local scripts (start, seed, operators…): where local state lives and how to
 * run wrangler against the local D1 (workerd + SQLite under .state/, git-ignored).
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const STATE_DIR = path.join(ROOT, '.state');
export const PERSIST_DIR = path.join(STATE_DIR, 'wrangler');
export const DB_NAME = 'prep';
const WRANGLER = path.join(ROOT, 'node_modules/.bin/wrangler');

export const quietEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  ASTRO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
};

/** Runs wrangler to completion; throws with its output when it fails. */
export function wrangler(args: string[], opts: { quiet?: boolean } = {}): string {
  const r = spawnSync(WRANGLER, args, { cwd: ROOT, env: quietEnv, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`wrangler ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  if (!opts.quiet) process.stdout.write(r.stdout);
  return r.stdout;
}

/** Runs SQL against the local D1 (default: the project's, under .state/) and returns the rows of the last statement. */
export function d1Query<T = Record<string, unknown>>(sql: string, persistTo = PERSIST_DIR): T[] {
  const out = wrangler(['d1', 'execute', DB_NAME, '--local', '--persist-to', persistTo, '--json', '--command', sql], {
    quiet: true,
  });
  const parsed = JSON.parse(out) as { results: T[] }[];
  return parsed.at(-1)?.results ?? [];
}

export function d1File(file: string, persistTo = PERSIST_DIR): void {
  wrangler(['d1', 'execute', DB_NAME, '--local', '--persist-to', persistTo, '--yes', '--file', file], { quiet: true });
}

export function applyMigrations(persistTo = PERSIST_DIR): void {
  wrangler(['d1', 'migrations', 'apply', DB_NAME, '--local', '--persist-to', persistTo], { quiet: true });
}

/** Starts a long-running child with inherited output; resolves its exit code. */
export function run(cmd: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: quietEnv, stdio: 'inherit' });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}
