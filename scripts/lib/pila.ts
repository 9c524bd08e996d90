/**
 * The local stack: `wrangler dev` (workerd with local D1 and R2, `--test-scheduled`) serving the built portal, on
 * a free port (or a given one), with its own --persist-to folder: a fresh temporary one (removed when stopped) or
 * a given one (kept). Used by `npm start`, the simulacro's test, the bench and the end-to-end tests. Everything
 * started here is stopped by its own process id (wrangler runs workerd as its child: we signal the process group
 * we created, never by name).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DB_NAME, ROOT, quietEnv } from './local.ts';

const bin = (name: string) => path.join(ROOT, 'node_modules/.bin', name);

export interface Pila {
  /** http://127.0.0.1:PORT */
  url: string;
  /** The --persist-to folder (local D1 and R2). */
  persistTo: string;
  /** Runs wrangler against this stack's local state (d1 execute, r2 object …); returns stdout. */
  wrangler(args: string[]): string;
  /** Rows of the last statement of `sql` on this stack's local D1. */
  d1<T = Record<string, unknown>>(sql: string): T[];
  /** Stops wrangler (and removes the persist folder when it was a temporary one). */
  parar(): Promise<void>;
  /** wrangler dev's output so far (the last 8,000 characters, for failure messages). */
  salida(): string;
  /** Resolves with wrangler dev's exit code when it ends (for whatever reason). */
  terminado: Promise<number>;
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

export function wranglerSync(args: string[]): string {
  const r = spawnSync(bin('wrangler'), args, { cwd: ROOT, env: quietEnv, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`wrangler ${args.join(' ')} falló:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Rows of the last statement of `sql` on the local D1 persisted in `persistTo`. */
export function d1En<T = Record<string, unknown>>(persistTo: string, sql: string): T[] {
  const out = wranglerSync(['d1', 'execute', DB_NAME, '--local', '--persist-to', persistTo, '--json', '--command', sql]);
  return (JSON.parse(out) as { results: T[] }[]).at(-1)?.results ?? [];
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

export interface OpcionesPila {
  /** Static assets of the portal; default: wrangler.toml's (dist/client). */
  assetsDir?: string;
  /** A persist folder to use and keep; default: a fresh temporary one, removed by `parar()`. */
  persistTo?: string;
  /** Default: a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  ip?: string;
  /** Runs after the migrations and before the server starts (catalogue, operators …). */
  prepararDatos?: (p: Pick<Pila, 'wrangler' | 'd1' | 'persistTo'>) => void | Promise<void>;
  vars?: Record<string, string>;
  /** Also append wrangler dev's output to this file. */
  registro?: string;
  /**
   * Serve a bundle of the Worker built once at start (`wrangler deploy --dry-run`) instead of the sources:
   * wrangler dev would otherwise rebuild and reload the Worker whenever a source file changes, in the middle of a
   * simulacro or a benchmark.
   */
  congelar?: boolean;
}

/**
 * Starts a stack: migrations applied to the local D1, then `prepararDatos`, then wrangler dev; resolves once
 * /health answers.
 */
export async function iniciarPila(opts: OpcionesPila = {}): Promise<Pila> {
  const temporal = opts.persistTo === undefined;
  const persistTo = opts.persistTo ?? mkdtempSync(path.join(tmpdir(), 'prep-e2e-state-'));
  mkdirSync(persistTo, { recursive: true });
  const local = ['--local', '--persist-to', persistTo];
  const wrangler = (args: string[]) => wranglerSync(args);
  const d1 = <T,>(sql: string): T[] => d1En<T>(persistTo, sql);
  const limpiar = () => {
    if (temporal) rmSync(persistTo, { recursive: true, force: true });
  };
  try {
    wranglerSync(['d1', 'migrations', 'apply', DB_NAME, ...local]);
    await opts.prepararDatos?.({ wrangler, d1, persistTo });
  } catch (e) {
    limpiar();
    throw e;
  }

  let bundle: string | null = null;
  if (opts.congelar) {
    bundle = mkdtempSync(path.join(tmpdir(), 'prep-bundle-'));
    try {
      wranglerSync(['deploy', '--dry-run', '--outdir', bundle, ...(opts.assetsDir === undefined ? [] : ['--assets', opts.assetsDir])]);
    } catch (e) {
      rmSync(bundle, { recursive: true, force: true });
      limpiar();
      throw e;
    }
  }
  const script = bundle === null ? [] : [path.join(bundle, 'index.js'), '--no-bundle', '--config', path.join(ROOT, 'wrangler.toml')];
  const port = opts.port ?? (await puertoLibre());
  const inspector = await puertoLibre();
  const ip = opts.ip ?? '127.0.0.1';
  const url = `http://${ip === '0.0.0.0' ? '127.0.0.1' : ip}:${port}`;
  const vars = Object.entries(opts.vars ?? {}).flatMap(([k, v]) => ['--var', `${k}:${v}`]);
  const assets = opts.assetsDir === undefined ? [] : ['--assets', opts.assetsDir];
  const hijo = spawn(
    bin('wrangler'),
    [
      'dev',
      ...script,
      ...local,
      '--ip',
      ip,
      '--port',
      String(port),
      '--inspector-port',
      String(inspector),
      ...assets,
      '--test-scheduled',
      '--show-interactive-dev-session=false',
      ...vars,
    ],
    { cwd: ROOT, env: quietEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let texto = '';
  let archivo: WriteStream | null = null;
  // PREP_REGISTRO_WRANGLER: where to keep the Worker's log of a stack started by a bench or a test.
  const registro = opts.registro ?? process.env.PREP_REGISTRO_WRANGLER;
  if (registro) {
    mkdirSync(path.dirname(registro), { recursive: true });
    archivo = createWriteStream(registro, { flags: 'a' });
  }
  const recibir = (b: Buffer) => {
    texto = (texto + b.toString()).slice(-64_000);
    archivo?.write(b);
  };
  hijo.stdout?.on('data', recibir);
  hijo.stderr?.on('data', recibir);
  const salida = () => texto.slice(-8000);
  const terminado = new Promise<number>((resolve) => hijo.once('exit', (code) => resolve(code ?? 1)));

  const parar = async () => {
    if (hijo.exitCode === null && hijo.pid) {
      // wrangler starts workerd as its child: signal the group we created (detached), by our child's id.
      try {
        process.kill(-hijo.pid, 'SIGTERM');
      } catch {
        hijo.kill('SIGTERM');
      }
      await Promise.race([terminado, new Promise((r) => setTimeout(r, 5000))]);
      if (hijo.exitCode === null) {
        try {
          process.kill(-hijo.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
    archivo?.end();
    if (bundle !== null) rmSync(bundle, { recursive: true, force: true });
    limpiar();
  };

  try {
    await esperarSalud(url, hijo, salida, 90_000);
  } catch (e) {
    await parar();
    throw e;
  }
  return { url, persistTo, wrangler, d1, parar, salida, terminado };
}
