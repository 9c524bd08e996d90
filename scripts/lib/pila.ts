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
import { aplicarMigraciones, consultarD1Local } from './d1-local.ts';
import { urlDirectaDelWorker } from './directa.ts';
import { RAIZ, binario, entornoDeConstruccion, entornoSilencioso, wrangler as wranglerLocal } from './local.ts';

export interface Pila {
  /** http://127.0.0.1:PORT */
  url: string;
  /**
   * Where a script's own requests go: the Worker's port past wrangler's dev proxy when the bundle is frozen
   * (`congelar`, so the Worker is never reloaded onto another port) and it can be found (directa.ts); else `url`.
   */
  urlApi: string;
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
  const r = spawnSync(binario('astro'), ['build', '--silent', '--outDir', outDir], {
    cwd: RAIZ,
    env: entornoDeConstruccion,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`astro build falló:\n${r.stdout}\n${r.stderr}`);
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
  puerto?: number;
  /** Default 127.0.0.1. */
  ip?: string;
  /** Runs after the migrations and before the server starts (catalogue, operators …). */
  prepararDatos?: (p: Pick<Pila, 'wrangler' | 'd1' | 'persistTo'>) => void | Promise<void>;
  vars?: Record<string, string>;
  /**
   * Awaited after `prepararDatos` and before the Worker is bundled and served: work the caller started in
   * parallel with the data (`npm start`: the portal build, whose assets wrangler dev serves).
   */
  antesDeServir?: () => Promise<unknown>;
  /** Also append wrangler dev's output to this file. */
  registro?: string;
  /**
   * Serve a bundle of the Worker built once at start (`wrangler deploy --dry-run`) instead of the sources:
   * wrangler dev would otherwise rebuild and reload the Worker whenever a source file changes, in the middle of a
   * simulacro or a benchmark.
   */
  congelar?: boolean;
  /**
   * Another entry module for the Worker (same bindings and assets as wrangler.toml): a bench serves the real
   * Worker wrapped in its own instrumentation (scripts/bench/lectores/worker-medido.ts).
   */
  principal?: string;
}

/**
 * Starts a stack: migrations applied to the local D1, then `prepararDatos`, then wrangler dev; resolves once
 * /health answers.
 */
export async function iniciarPila(opciones: OpcionesPila = {}): Promise<Pila> {
  const temporal = opciones.persistTo === undefined;
  const persistTo = opciones.persistTo ?? mkdtempSync(path.join(tmpdir(), 'prep-e2e-state-'));
  mkdirSync(persistTo, { recursive: true });
  const local = ['--local', '--persist-to', persistTo];
  const wrangler = (args: string[]) => wranglerLocal(args, { quiet: true });
  const d1 = <T,>(sql: string): T[] => consultarD1Local<T>(persistTo, sql);
  const limpiar = () => {
    if (temporal) rmSync(persistTo, { recursive: true, force: true });
  };
  try {
    aplicarMigraciones(persistTo);
    await opciones.prepararDatos?.({ wrangler, d1, persistTo });
    await opciones.antesDeServir?.();
  } catch (e) {
    limpiar();
    throw e;
  }

  let paquete: string | null = null;
  if (opciones.congelar) {
    paquete = mkdtempSync(path.join(tmpdir(), 'prep-bundle-'));
    try {
      wrangler(['deploy', ...(opciones.principal === undefined ? [] : [opciones.principal]), '--config', path.join(RAIZ, 'wrangler.toml'), '--dry-run', '--outdir', paquete, ...(opciones.assetsDir === undefined ? [] : ['--assets', opciones.assetsDir])]);
    } catch (e) {
      rmSync(paquete, { recursive: true, force: true });
      limpiar();
      throw e;
    }
  }
  // Always the project's own configuration, named: an `astro build` running at the same time leaves a
  // .wrangler/deploy/config.json behind for a moment, and wrangler would follow it to the portal's config.
  const configuracion = ['--config', path.join(RAIZ, 'wrangler.toml')];
  const entrada =
    paquete !== null
      ? [path.join(paquete, path.basename(opciones.principal ?? 'index.ts').replace(/\.ts$/, '.js')), '--no-bundle', ...configuracion]
      : [...(opciones.principal === undefined ? [] : [opciones.principal]), ...configuracion];
  const puerto = opciones.puerto ?? (await puertoLibre());
  const inspector = await puertoLibre();
  const ip = opciones.ip ?? '127.0.0.1';
  const url = `http://${ip === '0.0.0.0' ? '127.0.0.1' : ip}:${puerto}`;
  const vars = Object.entries(opciones.vars ?? {}).flatMap(([k, v]) => ['--var', `${k}:${v}`]);
  const assets = opciones.assetsDir === undefined ? [] : ['--assets', opciones.assetsDir];
  const hijo = spawn(
    binario('wrangler'),
    [
      'dev',
      ...entrada,
      ...local,
      '--ip',
      ip,
      '--port',
      String(puerto),
      '--inspector-port',
      String(inspector),
      ...assets,
      '--test-scheduled',
      '--show-interactive-dev-session=false',
      ...vars,
    ],
    { cwd: RAIZ, env: entornoSilencioso, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let texto = '';
  let archivo: WriteStream | null = null;
  // PREP_REGISTRO_WRANGLER: where to keep the Worker's log of a stack started by a bench or a test.
  const registro = opciones.registro ?? process.env.PREP_REGISTRO_WRANGLER;
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
    if (paquete !== null) rmSync(paquete, { recursive: true, force: true });
    limpiar();
  };

  try {
    await esperarSalud(url, hijo, salida, 90_000);
  } catch (e) {
    await parar();
    throw e;
  }
  const directa = opciones.congelar && hijo.pid ? await urlDirectaDelWorker(hijo.pid, puerto) : null;
  return { url, urlApi: directa ?? url, persistTo, wrangler, d1, parar, salida, terminado };
}
