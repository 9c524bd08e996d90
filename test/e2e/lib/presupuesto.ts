/**
 * Page weight. `pesoJs`: the JavaScript a built page loads, measured from the build output: the scripts and
 * island modules its HTML names, and every module they import, transitively — `inicial` through static imports
 * only (what the first load runs), `total` with dynamic imports too (a module loaded on demand is JavaScript the
 * page may load); sizes are gzip (level 9), as the edge would send them. `medirRed`: what a page actually
 * transferred, measured in the browser.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';

export interface PesoJs {
  /** Module paths (relative to the client folder) and their gzip sizes. */
  modulos: { archivo: string; gzip: number }[];
  /** Inline <script> bodies of the HTML, gzip. */
  enLinea: number;
  /** Inline scripts and the modules reached by static imports: the first load. */
  inicial: number;
  /** With the modules loaded on demand (dynamic imports). */
  total: number;
}

const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;

/**
 * Astro's Preact renderer imports @preact/signals on demand only for an island given a signal as a prop, which its
 * HTML marks with `data-preact-signals`: a page without that mark never loads it, so it is not the page's JS.
 */
const SIGNALS = /\/signals\.module\.[^/]+\.js$/;

/** JS of the page at `html` (a file under `clientDir`). */
export function pesoJs(clientDir: string, html: string): PesoJs {
  const doc = readFileSync(html, 'utf8');
  const inicio = new Set<string>();
  for (const m of doc.matchAll(/(?:component-url|renderer-url|before-hydration-url|src)="(\/[^"]+\.m?js)"/g)) inicio.add(m[1]!);
  for (const m of doc.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="(\/[^"]+)"/g)) inicio.add(m[1]!);
  const vistos = new Map<string, number>();
  const estaticos = new Set<string>();
  // Static modules first: a module both imported and loaded on demand is part of the first load.
  const pendientes = [...inicio].map((url) => ({ url, estatico: true }));
  while (pendientes.length > 0) {
    const { url, estatico } = pendientes.shift()!;
    if (estaticos.has(url) || (!estatico && vistos.has(url))) continue;
    if (estatico) estaticos.add(url);
    const texto = readFileSync(path.join(clientDir, url), 'utf8');
    vistos.set(url, gz(texto));
    // Static imports (`from"./x.js"`, `import"./x.js"`) and dynamic ones (import(`./x.js`), loaded on demand).
    for (const m of texto.matchAll(/(?:import|from)\s*(\(?)\s*["`](\.{1,2}\/[^"`]+\.js)["`]/g)) {
      const destino = path.posix.normalize(path.posix.join(path.posix.dirname(url), m[2]!));
      if (m[1] !== '' && SIGNALS.test(destino) && !doc.includes('data-preact-signals')) continue;
      pendientes.push({ url: destino, estatico: estatico && m[1] === '' });
    }
  }
  let enLinea = 0;
  for (const m of doc.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) enLinea += gz(m[1]!);
  const modulos = [...vistos].map(([archivo, gzip]) => ({ archivo, gzip })).sort((a, b) => b.gzip - a.gzip);
  const suma = (ms: typeof modulos) => enLinea + ms.reduce((s, m) => s + m.gzip, 0);
  return { modulos, enLinea, inicial: suma(modulos.filter((m) => estaticos.has(m.archivo))), total: suma(modulos) };
}

/** One response as the browser received it: its bytes on the wire (headers included, compressed as sent). */
export interface Recurso {
  url: string;
  /** CDP resource type: Document, Script, Stylesheet, Fetch, Image… */
  tipo: string;
  contentEncoding: string | null;
  transferidos: number;
}

/**
 * Records what a page transfers, from Chromium's own network events (CDP), until `detener()`: every finished
 * response with its encoded (on-the-wire) size. `detener` first waits for the network to be quiet (no request
 * open and no event for 300 ms, at most 5 s), so a response the page already used is never missed.
 */
export async function medirRed(page: Page): Promise<{ detener(): Promise<Recurso[]> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const vistos = new Map<string, Omit<Recurso, 'transferidos'>>();
  const abiertas = new Set<string>();
  const recursos: Recurso[] = [];
  let ultimo = Date.now();
  cdp.on('Network.requestWillBeSent', (e) => {
    abiertas.add(e.requestId);
    ultimo = Date.now();
  });
  cdp.on('Network.responseReceived', (e) => {
    const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    vistos.set(e.requestId, { url: e.response.url, tipo: e.type ?? 'Other', contentEncoding: h['content-encoding'] ?? null });
    ultimo = Date.now();
  });
  const cerrar = (id: string) => {
    abiertas.delete(id);
    ultimo = Date.now();
  };
  cdp.on('Network.loadingFinished', (e) => {
    const r = vistos.get(e.requestId);
    if (r) recursos.push({ ...r, transferidos: e.encodedDataLength });
    cerrar(e.requestId);
  });
  cdp.on('Network.loadingFailed', (e) => cerrar(e.requestId));
  return {
    async detener() {
      const limite = Date.now() + 5000;
      while (Date.now() < limite && (abiertas.size > 0 || Date.now() - ultimo < 300)) await new Promise((r) => setTimeout(r, 50));
      await cdp.detach();
      return recursos;
    },
  };
}

/** Sums of a page's transfers: everything, its JavaScript, and its data (the /datos/ shards and pointers). */
export function totales(recursos: readonly Recurso[]): { total: number; js: number; datos: number } {
  const suma = (f: (r: Recurso) => boolean) => recursos.filter(f).reduce((s, r) => s + r.transferidos, 0);
  return {
    total: suma(() => true),
    js: suma((r) => r.tipo === 'Script' || /\.m?js(\?|$)/.test(new URL(r.url).pathname)),
    datos: suma((r) => new URL(r.url).pathname.startsWith('/datos/')),
  };
}
