/**
 * The compressed encodings of published text (JSON, CSV, plain text), made once per object instead of once per
 * request. A content-addressed object's variants are written at publication beside it, under a prefix of their
 * own so that the published key layout (`datos/…`, worker/domain/contrato/rutas.ts) and every published SHA-256
 * stay those of the plain bytes:
 *
 *   comprimido/br/<key>     Brotli
 *   comprimido/gzip/<key>   gzip
 *
 * Mutable objects (`latest.json`, `historial.json`, `aviso.json`) get no stored variants: a variant written
 * beside a rewritten key could lag it (a run dying between the two puts, two writers racing), so the public
 * route compresses those few KB when its edge cache refreshes them — once per location per interval.
 */
import { brotli, gzip } from './compresor-zlib.ts';

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

export function comprimir(bytes: Uint8Array, codificacion: Codificacion): Uint8Array {
  return codificacion === 'br' ? brotli(bytes, CALIDAD_BROTLI) : gzip(bytes);
}
