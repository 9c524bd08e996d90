/**
 * Where a corte's objects go: R2 in production, anything with the same three calls in tests (the fault
 * injection test wraps it to fail half-way). Content-addressed objects are written with an immutable
 * Cache-Control; the two mutable ones (`latest`, `historial`) with a short one and a conditional put.
 * A content-addressed text object is stored as its compressed copy only (variantes.ts): one put instead of three,
 * compressed here once (or by its writer: `gzip`) so that no request compresses it again; `get` hands back its
 * plain bytes.
 */
import { esMutable } from '../domain/contrato/index.ts';
import { codificacionGuardada, comprimirParaGuardar, copiasPosibles, descomprimir, rutaVariante } from './variantes.ts';

export interface ObjetoLeido {
  bytes: Uint8Array;
  /** R2 etag (unquoted). */
  etag: string;
}

export interface OpcionesPut {
  siEtag?: string;
  metadatos?: Record<string, string>;
  /** The object's gzip file, made by its writer (the per-election CSVs: csv-eleccion.ts); stored as is where gzip is its stored copy. */
  gzip?: Uint8Array;
}

export interface Almacen {
  /**
   * Writes the object. With `siEtag`, only if the current object has that etag (false when it has not);
   * `metadatos` go to the R2 object's customMetadata (outside the published bytes and their hashes).
   */
  put(ruta: string, bytes: Uint8Array, opciones?: OpcionesPut): Promise<boolean>;
  get(ruta: string): Promise<ObjetoLeido | null>;
}

/**
 * customMetadata of `latest.json` / `historial.json`: when the next scheduled corte is due (epoch ms), 'final'
 * after the final corte, 'ninguno' without a schedule. Read by the edge cache (worker/api/publico/cache-borde.ts).
 */
export const METADATO_PROXIMO_CORTE = 'proximo-corte';

export const CACHE_INMUTABLE = 'public, max-age=31536000, immutable';
export const CACHE_MUTABLE = 'public, max-age=10, must-revalidate';

export function tipoDeContenido(ruta: string): string {
  if (ruta.endsWith('.json')) return 'application/json; charset=utf-8';
  if (ruta.endsWith('.zip')) return 'application/zip';
  if (ruta.endsWith('.csv')) return 'text/csv; charset=utf-8';
  if (ruta.endsWith('.jpg')) return 'image/jpeg';
  if (ruta.endsWith('.png')) return 'image/png';
  if (ruta.endsWith('.pdf')) return 'application/pdf';
  return 'application/octet-stream';
}

export function almacenR2(bucket: R2Bucket): Almacen {
  return {
    async put(ruta, bytes, opciones = {}) {
      const contentType = tipoDeContenido(ruta);
      const mutable = esMutable(ruta);
      const copia = codificacionGuardada(ruta, contentType);
      const guardado = copia === null ? bytes : copia === 'gzip' && opciones.gzip !== undefined ? opciones.gzip : comprimirParaGuardar(bytes, copia);
      const r = await bucket.put(copia === null ? ruta : rutaVariante(ruta, copia), guardado, {
        httpMetadata: { contentType, cacheControl: mutable ? CACHE_MUTABLE : CACHE_INMUTABLE, ...(copia === null ? {} : { contentEncoding: copia }) },
        ...(opciones.metadatos !== undefined ? { customMetadata: opciones.metadatos } : {}),
        ...(opciones.siEtag !== undefined ? { onlyIf: { etagMatches: opciones.siEtag } } : {}),
      });
      return r !== null;
    },
    async get(ruta) {
      for (const c of copiasPosibles(ruta, tipoDeContenido(ruta))) {
        const o = await bucket.get(rutaVariante(ruta, c));
        if (o !== null) return { bytes: descomprimir(new Uint8Array(await o.arrayBuffer()), c), etag: o.etag };
      }
      // Not text, mutable, or published plain before the Brotli-only layout.
      const o = await bucket.get(ruta);
      if (o === null) return null;
      return { bytes: new Uint8Array(await o.arrayBuffer()), etag: o.etag };
    },
  };
}

/** At most 6 puts at once (a Worker has 6 simultaneous outgoing connections; more only queue). */
export const CONCURRENCIA_R2 = 6;

/**
 * Writes every object with at most `concurrencia` puts in flight. `entre` runs between puts (the corte renews
 * its lease there); the first failure stops the others from starting and is rethrown.
 */
export async function escribirTodos(
  almacen: Almacen,
  objetos: readonly { ruta: string; contenido: Uint8Array; gzip?: Uint8Array }[],
  entre: () => Promise<void> = async () => {},
  concurrencia = CONCURRENCIA_R2,
): Promise<void> {
  let siguiente = 0;
  let fallo: unknown = null;
  const trabajador = async () => {
    while (fallo === null && siguiente < objetos.length) {
      const o = objetos[siguiente++]!;
      try {
        await almacen.put(o.ruta, o.contenido, o.gzip === undefined ? undefined : { gzip: o.gzip });
        await entre();
      } catch (e) {
        fallo ??= e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrencia, objetos.length) }, trabajador));
  if (fallo !== null) throw fallo;
}
