/**
 * The comparisons of an audit: each says what was compared, what the rebuild gives, what the other side says,
 * and whether they match. No judgement is left to the reader: the audit passes only when every one matches.
 */
import type { IdentidadConstruccion } from '../../worker/domain/contrato/index.ts';
import { sha256, type ArchivoDigerido } from './digesto.ts';

export interface Comparacion {
  que: string;
  coincide: boolean;
  detalle: string;
}

export function compararValor(que: string, reconstruido: string, otro: string | null | undefined): Comparacion {
  const coincide = otro === reconstruido;
  return { que, coincide, detalle: coincide ? reconstruido : `reconstruido ${reconstruido}, ${otro === null || otro === undefined ? 'no informado' : `dice ${otro}`}` };
}

/** Field by field: commit, Worker and portal digests. */
export function compararIdentidad(fuente: string, reconstruida: IdentidadConstruccion, otra: IdentidadConstruccion | null): Comparacion[] {
  return [
    compararValor(`${fuente}: commit`, reconstruida.commit, otra?.commit),
    compararValor(`${fuente}: Worker sha256`, reconstruida.workerSha256, otra?.workerSha256),
    compararValor(`${fuente}: portal sha256`, reconstruida.portalSha256, otra?.portalSha256),
  ];
}

/** URL path a built file is served at (wrangler's default html_handling drops `index.html` and `.html`). */
export function rutaServida(ruta: string): string {
  if (ruta === 'index.html') return '/';
  if (ruta.endsWith('/index.html')) return `/${ruta.slice(0, -'index.html'.length)}`;
  return `/${ruta}`;
}

/** Files the assets server answers as files: `_headers` and `_redirects` configure it and are not served. */
export const esServido = (ruta: string) => ruta !== '_headers' && ruta !== '_redirects';

/**
 * Every portal file of the rebuild fetched from the running Worker and hashed: what is served, not what the
 * Worker says. Returns one comparison for the whole portal, naming the files that differ.
 */
export async function compararPortalServido(base: string, archivos: readonly ArchivoDigerido[], pedir: typeof fetch = fetch): Promise<Comparacion> {
  const distintos: string[] = [];
  const servidos = archivos.filter((a) => esServido(a.ruta));
  for (const a of servidos) {
    const res = await pedir(`${base.replace(/\/+$/, '')}${rutaServida(a.ruta)}`);
    const bytes = res.ok ? new Uint8Array(await res.arrayBuffer()) : null;
    if (bytes === null || sha256(bytes) !== a.sha256) distintos.push(res.ok ? a.ruta : `${a.ruta} (HTTP ${res.status})`);
  }
  return {
    que: `${base}: los ${servidos.length} archivos servidos del portal`,
    coincide: distintos.length === 0,
    detalle: distintos.length === 0 ? 'cada uno con el SHA-256 de la reconstrucción' : `difieren: ${distintos.slice(0, 10).join(', ')}${distintos.length > 10 ? ` y ${distintos.length - 10} más` : ''}`,
  };
}
