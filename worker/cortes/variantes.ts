/**
 * The compressed encodings of published text (JSON, CSV, plain text), made once per object instead of once per
 * request. A content-addressed text object is stored once, Brotli-compressed, under a prefix of its own so that
 * the published key layout (`datos/…`, worker/domain/contrato/rutas.ts) and every published SHA-256 stay those
 * of the plain bytes:
 *
 *   comprimido/br/<key>     the Brotli bytes of <key> (what browsers ask for)
 *
 * Its plain bytes and its gzip are made from those by whoever reads them: the public route on an edge-cache miss
 * (once per location, as for the mutable objects), the corte job (almacen.ts) and the local tools. Storing the
 * plain bytes and gzip too cost two thirds of a corte's R2 puts (8,448 of the 12,672 of Jalisco's first corte)
 * for representations few clients ask for. Objects published before 2026-12-05 (plain bytes at <key>, with or
 * without variants) are read the same way: the Brotli copy first, else the plain object.
 *
 * Mutable objects (`latest.json`, `historial.json`, `aviso.json`) and what is not text (the zip, images) are
 * stored plain at their key: a variant written beside a rewritten key could lag it (a run dying between the two
 * puts, two writers racing), so the public route compresses those few KB when its edge cache refreshes them —
 * once per location per interval.
 */
import { esMutable } from '../domain/contrato/index.ts';
import { brotli, brotliPlano, gzip } from './compresor-zlib.ts';

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
export function seGuardaComprimido(ruta: string, tipo: string): boolean {
  return !esMutable(ruta) && esComprimible(tipo);
}

/**
 * Brotli quality of the per-election CSVs (worker/domain/corte/csv-eleccion.ts): ~24 MB new in every corte at
 * Jalisco scale, where quality 5 cost ~4× the CPU of quality 1 for 8 % fewer bytes (5.37 vs 5.84 MB; the
 * corte's whole núcleo is a fraction of that CPU). Few clients download them; every corte writes them.
 */
export const CALIDAD_BROTLI_CSV = 1;

/** The Brotli copy stored for a content-addressed object (`seGuardaComprimido`). */
export function comprimirParaGuardar(ruta: string, bytes: Uint8Array): Uint8Array {
  return brotli(bytes, ruta.endsWith('.csv') ? CALIDAD_BROTLI_CSV : CALIDAD_BROTLI);
}

export function comprimir(bytes: Uint8Array, codificacion: Codificacion): Uint8Array {
  return codificacion === 'br' ? brotli(bytes, CALIDAD_BROTLI) : gzip(bytes);
}

/** The plain bytes of a stored Brotli copy (a copy of their own: node:zlib may hand back a view into a pool). */
export function descomprimirBrotli(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(brotliPlano(bytes));
}
