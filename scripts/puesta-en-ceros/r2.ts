/**
 * How many objects the local publication bucket holds (wrangler's persisted R2 under `<persist>/v3`), read through
 * the Miniflare wrangler itself runs, as scripts/informe/r2-local.ts reads it: images (imagenes/…) and everything a
 * corte or an aviso published. One workerd for one listing, disposed of before returning.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { z } from 'zod';
import { RAIZ } from '../lib/local.ts';

interface Instancia {
  dispatchFetch(url: string): Promise<{ status: number; text(): Promise<string> }>;
  dispose(): Promise<void>;
}
interface ModuloMiniflare {
  Miniflare: new (opciones: unknown) => Instancia;
  convertV4MiniflareOptions(opciones: unknown): unknown;
}

/** Counts every key, page by page, by its first path segment (imagenes, manifiestos, …). */
const CONTADOR = `export default {
  async fetch(req, env) {
    const porPrefijo = {};
    let cursor;
    do {
      const p = await env.BUCKET.list({ cursor, limit: 1000 });
      for (const o of p.objects) { const k = o.key.split('/')[0]; porPrefijo[k] = (porPrefijo[k] ?? 0) + 1; }
      cursor = p.truncated ? p.cursor : undefined;
    } while (cursor);
    return Response.json(porPrefijo);
  },
};`;

/** The local name of the publication bucket: preview_bucket_name, else bucket_name, of the top level of wrangler.toml. */
function nombreDelBucket(toml: string): string {
  const bloque = toml.split(/^\[\[r2_buckets\]\]/m)[1]?.split(/^\[/m)[0] ?? '';
  const campo = (n: string) => new RegExp(`^${n}\\s*=\\s*"([^"]+)"`, 'm').exec(bloque)?.[1];
  const nombre = campo('preview_bucket_name') ?? campo('bucket_name');
  if (!nombre) throw new Error('wrangler.toml no declara el bucket R2 de la publicación');
  return nombre;
}

/** Objects in the local bucket, by first path segment. */
export async function contarObjetosR2(persistTo: string): Promise<Record<string, number>> {
  const m = createRequire(path.join(RAIZ, 'node_modules/wrangler/package.json'))('miniflare') as ModuloMiniflare;
  const toml = readFileSync(path.join(RAIZ, 'wrangler.toml'), 'utf8');
  const mf = new m.Miniflare(
    m.convertV4MiniflareOptions({ modules: true, script: CONTADOR, resourcePersistencePath: path.join(persistTo, 'v3'), r2Buckets: { BUCKET: nombreDelBucket(toml) } }),
  );
  try {
    const r = await mf.dispatchFetch('http://r2.local/');
    const texto = await r.text();
    if (r.status !== 200) throw new Error(`el R2 local no respondió (HTTP ${r.status}): ${texto.slice(0, 300)}`);
    return z.record(z.string(), z.number().int()).parse(JSON.parse(texto));
  } finally {
    await mf.dispose();
  }
}
