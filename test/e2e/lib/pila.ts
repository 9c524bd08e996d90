/**
 * The local stack for end-to-end tests: the portal built into a temporary folder, and `wrangler dev` (workerd with
 * local D1 and R2) on free ports with its own fresh --persist-to folder, so a test never touches `.state/` nor a
 * running `npm start`. Everything started here is stopped by its own process id.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DB_NAME, ROOT, quietEnv } from '../../../scripts/lib/local.ts';

const bin = (name: string) => path.join(ROOT, 'node_modules/.bin', name);

export interface Pila {
  /** http://127.0.0.1:PORT */
  url: string;
  /** The temporary --persist-to folder (local D1 and R2). */
  persistTo: string;
  /** Runs wrangler against this stack's local state (d1 execute, r2 object …); returns stdout. */
  wrangler(args: string[]): string;
  /** Rows of the last statement of `sql` on this stack's local D1. */
  d1<T = Record<string, unknown>>(sql: string): T[];
  /** Stops wrangler and removes the temporary folders. */
  parar(): Promise<void>;
  /** wrangler dev's output so far (for failure messages). */
  salida(): string;
}

export function puertoLibre(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (a && typeof a === 'object' ? resolve(a.port) : reject(new Error('sin puerto'))));
    });
  });
}

/** Builds the portal into `outDir` (its static assets end up in outDir/client). */
export function construirPortal(outDir: string): void {
  const r = spawnSync(bin('astro'), ['build', '--silent', '--outDir', outDir], {
    cwd: ROOT,
    env: quietEnv,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`astro build falló:\n${r.stdout}\n${r.stderr}`);
}

function wranglerSync(args: string[]): string {
  const r = spawnSync(bin('wrangler'), args, { cwd: ROOT, env: quietEnv, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`wrangler ${args.join(' ')} falló:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

async function esperarSalud(url: string, hijo: ChildProcess, salida: () => string, ms: number): Promise<void> {
  const hasta = Date.now() + ms;
  while (Date.now() < hasta) {
    if (hijo.exitCode !== null) throw new Error(`wrangler dev terminó (${hijo.exitCode}):\n${salida()}`);
    try {
      const r = await fetch(`${url}/health`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`wrangler dev no respondió en ${ms} ms:\n${salida()}`);
}

/**
 * Starts a fresh stack: migrations applied to a new local D1, then `prepararDatos` (catalogue, captures…) run
 * before the server starts, then wrangler dev serving `assetsDir`.
 */
export async function iniciarPila(opts: {
  assetsDir: string;
  prepararDatos?: (p: Pick<Pila, 'wrangler' | 'd1' | 'persistTo'>) => void | Promise<void>;
  vars?: Record<string, string>;
}): Promise<Pila> {
  const persistTo = mkdtempSync(path.join(tmpdir(), 'prep-e2e-state-'));
  const local = ['--local', '--persist-to', persistTo];
  const wrangler = (args: string[]) => wranglerSync(args);
  const d1 = <T,>(sql: string): T[] => {
    const out = wranglerSync(['d1', 'execute', DB_NAME, ...local, '--json', '--command', sql]);
    return (JSON.parse(out) as { results: T[] }[]).at(-1)?.results ?? [];
  };
  wranglerSync(['d1', 'migrations', 'apply', DB_NAME, ...local]);
  const base = { wrangler, d1, persistTo };
  await opts.prepararDatos?.(base);

  const [port, inspector] = [await puertoLibre(), await puertoLibre()];
  const url = `http://127.0.0.1:${port}`;
  const vars = Object.entries(opts.vars ?? {}).flatMap(([k, v]) => ['--var', `${k}:${v}`]);
  const hijo = spawn(
    bin('wrangler'),
    [
      'dev',
      ...local,
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--inspector-port',
      String(inspector),
      '--assets',
      opts.assetsDir,
      '--test-scheduled',
      '--show-interactive-dev-session=false',
      ...vars,
    ],
    { cwd: ROOT, env: quietEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let texto = '';
  hijo.stdout?.on('data', (b: Buffer) => (texto += b.toString()));
  hijo.stderr?.on('data', (b: Buffer) => (texto += b.toString()));
  const salida = () => texto.slice(-8000);

  const parar = async () => {
    if (hijo.exitCode === null && hijo.pid) {
      const fin = new Promise((r) => hijo.once('exit', r));
      // wrangler starts workerd as its child: signal the group we created (detached), by our child's id.
      try {
        process.kill(-hijo.pid, 'SIGTERM');
      } catch {
        hijo.kill('SIGTERM');
      }
      await Promise.race([fin, new Promise((r) => setTimeout(r, 5000))]);
      if (hijo.exitCode === null) {
        try {
          process.kill(-hijo.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
    rmSync(persistTo, { recursive: true, force: true });
  };

  try {
    await esperarSalud(url, hijo, salida, 90_000);
  } catch (e) {
    await parar();
    throw e;
  }
  return { url, persistTo, wrangler, d1, parar, salida };
}
