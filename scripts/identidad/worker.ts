/**
 * The Worker bundle exactly as a deploy uploads it: `wrangler deploy --dry-run --outdir <dir>` bundles the entry of
 * wrangler.toml offline. Its digest covers the modules wrangler writes there (index.js and any other module),
 * not the README it adds (it holds the time of the run) nor the source map (not uploaded: wrangler.toml does not
 * set upload_source_maps). Vars and bindings are not in the bundle, so `pruebas` and `produccion` bundle alike.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ENTORNOS, type Entorno } from '../../worker/domain/contrato/index.ts';
import { digestoArbol, type Digesto } from './digesto.ts';

export interface OpcionesBundle {
  /** The checkout to bundle (its wrangler.toml and node_modules). */
  raiz: string;
  outdir: string;
  /** A wrangler environment; the top level (local development) when absent. */
  entorno?: Entorno;
  /** Another assets folder than wrangler.toml's (a build made elsewhere). */
  assets?: string;
}

export function excluidosDelBundle(ruta: string): boolean {
  return ruta === 'README.md' || ruta.endsWith('.map');
}

export function argumentosDryRun(o: OpcionesBundle): string[] {
  // An explicit --config: a parallel astro build may leave, for a moment, the Vite plugin's redirect to a generated
  // assets-only configuration, which wrangler follows when no configuration is named.
  const args = ['deploy', '--dry-run', '--config', path.join(o.raiz, 'wrangler.toml'), '--outdir', o.outdir];
  if (o.entorno !== undefined) {
    if (!ENTORNOS.includes(o.entorno)) throw new Error(`entorno desconocido: ${String(o.entorno)}`);
    args.push('--env', o.entorno);
  }
  if (o.assets !== undefined) args.push('--assets', o.assets);
  return args;
}

/** Bundles with wrangler's dry run and returns the bundle's digest (throws with wrangler's output if it fails). */
export function empaquetarWorker(o: OpcionesBundle): Digesto & { salida: string } {
  const r = spawnSync(path.join(o.raiz, 'node_modules/.bin/wrangler'), argumentosDryRun(o), {
    cwd: o.raiz,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', DO_NOT_TRACK: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`wrangler ${argumentosDryRun(o).join(' ')} falló:\n${r.stdout}\n${r.stderr}`);
  return { ...digestoArbol(o.outdir, excluidosDelBundle), salida: r.stdout };
}
