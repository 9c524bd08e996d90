/**
 * The JavaScript a built page loads, measured from the build output: the scripts and island modules its HTML
 * names, and every module they import, transitively (static imports only: the islands use none dynamic).
 * Sizes are gzip (level 9), as the edge would send them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PesoJs {
  /** Module paths (relative to the client folder) and their gzip sizes. */
  modulos: { archivo: string; gzip: number }[];
  /** Inline <script> bodies of the HTML, gzip. */
  enLinea: number;
  total: number;
}

const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;

/** JS of the page at `html` (a file under `clientDir`). */
export function pesoJs(clientDir: string, html: string): PesoJs {
  const doc = readFileSync(html, 'utf8');
  const inicio = new Set<string>();
  for (const m of doc.matchAll(/(?:component-url|renderer-url|before-hydration-url|src)="(\/[^"]+\.m?js)"/g)) inicio.add(m[1]!);
  for (const m of doc.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="(\/[^"]+)"/g)) inicio.add(m[1]!);
  const vistos = new Map<string, number>();
  const pendientes = [...inicio];
  while (pendientes.length > 0) {
    const url = pendientes.pop()!;
    if (vistos.has(url)) continue;
    const texto = readFileSync(path.join(clientDir, url), 'utf8');
    vistos.set(url, gz(texto));
    for (const m of texto.matchAll(/(?:import|from)\s*"(\.{1,2}\/[^"]+\.js)"/g)) {
      pendientes.push(path.posix.normalize(path.posix.join(path.posix.dirname(url), m[1]!)));
    }
  }
  let enLinea = 0;
  for (const m of doc.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) enLinea += gz(m[1]!);
  const modulos = [...vistos].map(([archivo, gzip]) => ({ archivo, gzip })).sort((a, b) => b.gzip - a.gzip);
  return { modulos, enLinea, total: enLinea + modulos.reduce((s, m) => s + m.gzip, 0) };
}
