/**
 * The compressed encodings of published text (JSON, CSV, plain text), made once per object instead of once per
 * request. A content-addressed text object is stored once, Brotli-compressed, under a prefix of its own so that
 * the published key layout (`datos/…`, worker/domain/contrato/rutas.ts) and every published SHA-256 stay those
 * of the plain bytes:
 *
 *   comprimido/br/<key>     the Brotli bytes of <key> (what browsers ask for)
 *   comprimido/gzip/<key>   the gzip bytes of <key> (the per-election CSVs)
 *
 * Its other representations are made from those by whoever reads them: the public route on an edge-cache miss
 * (once per location, as for the mutable objects), the corte job (almacen.ts) and the local tools. Storing the
 * plain bytes and gzip too cost two thirds of a corte's R2 puts (8,448 of the 12,672 of Jalisco's first corte)
 * for representations few clients ask for. Objects published before 2026-12-05 (plain bytes at <key>, with or
 * without variants) are read the same way: the stored copy first (either encoding: `copiasPosibles`), else the
 * plain object.
 *
 * Mutable objects (`latest.json`, `historial.json`, `aviso.json`) and what is not text (the zip, images) are
 * stored plain at their key: a variant written beside a rewritten key could lag it (a run dying between the two
 * puts, two writers racing), so the public route compresses those few KB when its edge cache refreshes them —
 * once per location per interval.
 */
import { esMutable } from '../domain/contrato/index.ts';
import { brotli, brotliPlano, gunzipPlano, gzip } from './compresor-zlib.ts';

export const CODIFICACIONES = ['br', 'gzip'] as const;
export type Codificacion = (typeof CODIFICACIONES)[number];

export const PREFIJO_VARIANTES = 'comprimido';

/**
 * Brotli quality 5: on Jalisco's 4,224 shards it costs what gzip -6 costs (~0.9 s of CPU for 37.7 MB) and is
 * 5 % smaller; quality 11 is 15 % smaller but ~45× the CPU, too much for a corte due every few minutes
 * (docs/BENCHMARKS.md, "Compression at publication").
 */
export const CALIDAD_BROTLI = 5;

export function rutaVariante(ruta: string, codificacion: Codificacion): string {
  return `${PREFIJO_VARIANTES}/${codificacion}/${ruta}`;
}

/** Whether a Content-Type is worth compressing (zip and images are compressed already). */
export function esComprimible(tipo: string): boolean {
  return /^(application\/json|text\/)/.test(tipo);
}

/** Whether an object of this content type at this key is stored as its Brotli copy only (see above). */
function seGuardaComprimido(ruta: string, tipo: string): boolean {
  return !esMutable(ruta) && esComprimible(tipo);
}

/**
 * The encoding of an object's stored copy (`seGuardaComprimido`), null when it is stored plain. The per-election
 * CSVs (worker/domain/corte/csv-eleccion.ts, ~24 MB new in every corte at Jalisco scale) are stored as gzip made
 * by the corte from DEFLATE trozos it keeps (INE's is the zip entry's own data): Brotli of them, even at quality 1,
 * cost more CPU than the rest of a 1 % corte (83 of ~250 ms, measured 2026-12-05) for files few clients download.
 */
export function codificacionGuardada(ruta: string, tipo: string): Codificacion | null {
  if (!seGuardaComprimido(ruta, tipo)) return null;
  return ruta.endsWith('.csv') ? 'gzip' : 'br';
}

/** The copy stored for a content-addressed object whose writer did not make it itself. */
export function comprimirParaGuardar(bytes: Uint8Array, codificacion: Codificacion): Uint8Array {
  return codificacion === 'br' ? brotli(bytes, CALIDAD_BROTLI) : gzip(bytes);
}

export function comprimir(bytes: Uint8Array, codificacion: Codificacion): Uint8Array {
  return codificacion === 'br' ? brotli(bytes, CALIDAD_BROTLI) : gzip(bytes);
}

/** The plain bytes of a stored Brotli copy (a copy of their own: node:zlib may hand back a view into a pool). */
export function descomprimirBrotli(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(brotliPlano(bytes));
}

/** The plain bytes of a stored copy in either encoding. */
export function descomprimir(bytes: Uint8Array, codificacion: Codificacion): Uint8Array {
  return codificacion === 'br' ? descomprimirBrotli(bytes) : new Uint8Array(gunzipPlano(bytes));
}

/**
 * Where to look for an object's stored copy: its own encoding, and for a CSV also Brotli (CSVs published before
 * they were stored as gzip); no gzip copy of anything else ever existed, so it is not looked for.
 */
export function copiasPosibles(ruta: string, tipo: string): Codificacion[] {
  const propia = codificacionGuardada(ruta, tipo);
  return propia === null ? [] : propia === 'gzip' ? ['gzip', 'br'] : [propia];
}
