/**
 * Where the local scripts (start, seed, operators…) keep their state and how they run the project's tools:
 * wrangler against the local D1 (workerd + SQLite under .state/, git-ignored), and long-running children.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const RAIZ = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIR_ESTADO = path.join(RAIZ, '.state');
export const DIR_PERSISTENCIA = path.join(DIR_ESTADO, 'wrangler');
export const NOMBRE_BD = 'prep';

/** A tool installed by npm (node_modules/.bin). */
export const binario = (nombre: string) => path.join(RAIZ, 'node_modules/.bin', nombre);

export const entornoSilencioso = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  ASTRO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
};

/**
 * The environment of a portal build started from a script or a test: always a production build. Under vitest
 * NODE_ENV is `test`, and Astro/Vite then emit other bundles: the tests would check a portal nobody deploys, and
 * the build identity of a rebuild would differ from `npm run build`'s.
 */
export const entornoDeConstruccion = { ...entornoSilencioso, NODE_ENV: 'production' };

/** Runs wrangler to completion and returns its output (also printed unless `quiet`); throws with it when it fails. */
export function wrangler(args: string[], opciones: { quiet?: boolean } = {}): string {
  const r = spawnSync(binario('wrangler'), args, { cwd: RAIZ, env: entornoSilencioso, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`wrangler ${args.join(' ')} falló:\n${r.stdout}\n${r.stderr}`);
  if (!opciones.quiet) process.stdout.write(r.stdout);
  return r.stdout;
}

/** Starts a long-running child with inherited output; resolves its exit code. */
export function correr(comando: string, args: string[], env: NodeJS.ProcessEnv = entornoSilencioso): Promise<number> {
  return new Promise((resolve) => {
    const hijo = spawn(comando, args, { cwd: RAIZ, env, stdio: 'inherit' });
    hijo.on('exit', (code) => resolve(code ?? 1));
  });
}
