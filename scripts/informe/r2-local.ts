/**
 * The local R2 (wrangler's persisted bucket under `<persist>/v3`) read from Node, through the Miniflare wrangler
 * itself runs, as `wrangler dev` sees it: the report reads the entidad shards each published corte points to.
 * Read-only; one workerd for the report's run, disposed of by `cerrar()`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { z } from 'zod';
import { desdeUtf8 } from '../../worker/domain/corte/bytes.ts';
import { descomprimirBrotli, rutaVariante } from '../../worker/cortes/variantes.ts';
import { RAIZ } from '../lib/local.ts';

interface Instancia {
  dispatchFetch(url: string, init: { method: string; body: string }): Promise<{ status: number; text(): Promise<string> }>;
  dispose(): Promise<void>;
}
interface ModuloMiniflare {
  Miniflare: new (opciones: unknown) => Instancia;
  convertV4MiniflareOptions(opciones: unknown): unknown;
}

export interface LectorR2 {
  /** The text of each object (null when absent), in one round trip to the workerd. */
  leerTextos(rutas: readonly string[]): Promise<(string | null)[]>;
  cerrar(): Promise<void>;
}

/**
 * The worker inside the local workerd that reads a list of keys: one request for all of them, since every call
 * from Node to a binding is a round trip through Miniflare's proxy (~0.1 s each, measured). A published JSON
 * object is stored as its Brotli copy (worker/cortes/variantes.ts): that comes back in base64, decompressed here.
 */
const LECTOR = `export default {
  async fetch(req, env) {
    const rutas = await req.json();
    const base64 = (b) => { let s = ''; for (const x of new Uint8Array(b)) s += String.fromCharCode(x); return btoa(s); };
    const leer = async (r) => {
      const br = await env.BUCKET.get(${JSON.stringify(rutaVariante('', 'br'))} + r);
      if (br !== null) return { br: base64(await br.arrayBuffer()) };
      const o = await env.BUCKET.get(r);
      return o === null ? null : { texto: await o.text() };
    };
    return Response.json(await Promise.all(rutas.map(leer)));
  },
};`;

const LeidoSchema = z.union([z.object({ br: z.string() }), z.object({ texto: z.string() })]).nullable();

/** The local name of the publication bucket: preview_bucket_name, else bucket_name (wrangler.toml). */
function nombreDelBucket(): string {
  const toml = readFileSync(path.join(RAIZ, 'wrangler.toml'), 'utf8');
  const bloque = toml.split(/^\[\[r2_buckets\]\]/m)[1]?.split(/^\[/m)[0] ?? '';
  const campo = (n: string) => new RegExp(`^${n}\\s*=\\s*"([^"]+)"`, 'm').exec(bloque)?.[1];
  const nombre = campo('preview_bucket_name') ?? campo('bucket_name');
  if (!nombre) throw new Error('wrangler.toml no declara el bucket R2 de la publicación');
  return nombre;
}

export function abrirR2Local(persistTo: string): LectorR2 {
  const m = createRequire(path.join(RAIZ, 'node_modules/wrangler/package.json'))('miniflare') as ModuloMiniflare;
  const mf = new m.Miniflare(
    m.convertV4MiniflareOptions({ modules: true, script: LECTOR, resourcePersistencePath: path.join(persistTo, 'v3'), r2Buckets: { BUCKET: nombreDelBucket() } }),
  );
  return {
    async leerTextos(rutas) {
      const r = await mf.dispatchFetch('http://r2.local/', { method: 'POST', body: JSON.stringify(rutas) });
      const texto = await r.text();
      if (r.status !== 200) throw new Error(`el R2 local no respondió (HTTP ${r.status}): ${texto.slice(0, 300)}`);
      return z
        .array(LeidoSchema)
        .parse(JSON.parse(texto))
        .map((l) => (l === null ? null : 'texto' in l ? l.texto : desdeUtf8(descomprimirBrotli(Buffer.from(l.br, 'base64')))));
    },
    cerrar: () => mf.dispose(),
  };
}
