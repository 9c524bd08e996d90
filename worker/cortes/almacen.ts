/**
 * Where a corte's objects go: R2 in production, anything with the same three calls in tests (the fault
 * injection test wraps it to fail half-way). Content-addressed objects are written with an immutable
 * Cache-Control; the two mutable ones (`latest`, `historial`) with a short one and a conditional put.
 * A content-addressed text object is stored as its Brotli copy only (variantes.ts): one put instead of three,
 * compressed here once so that no Brotli request compresses it again; `get` hands back its plain bytes.
 */
import { esMutable } from '../domain/contrato/index.ts';
import { comprimirParaGuardar, descomprimirBrotli, rutaVariante, seGuardaComprimido } from './variantes.ts';

export interface ObjetoLeido {
  bytes: Uint8Array;
  /** R2 etag (unquoted). */
  etag: string;
}

export interface Almacen {
  /**
   * Writes the object. With `siEtag`, only if the current object has that etag (false when it has not);
   * `metadatos` go to the R2 object's customMetadata (outside the published bytes and their hashes).
   */
  put(ruta: string, bytes: Uint8Array, opciones?: { siEtag?: string; metadatos?: Record<string, string> }): Promise<boolean>;
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
      const comprimido = seGuardaComprimido(ruta, contentType);
      const r = await bucket.put(comprimido ? rutaVariante(ruta, 'br') : ruta, comprimido ? comprimirParaGuardar(ruta, bytes) : bytes, {
        httpMetadata: { contentType, cacheControl: mutable ? CACHE_MUTABLE : CACHE_INMUTABLE, ...(comprimido ? { contentEncoding: 'br' } : {}) },
        ...(opciones.metadatos !== undefined ? { customMetadata: opciones.metadatos } : {}),
        ...(opciones.siEtag !== undefined ? { onlyIf: { etagMatches: opciones.siEtag } } : {}),
      });
      return r !== null;
    },
    async get(ruta) {
      if (seGuardaComprimido(ruta, tipoDeContenido(ruta))) {
        const br = await bucket.get(rutaVariante(ruta, 'br'));
        if (br !== null) return { bytes: descomprimirBrotli(new Uint8Array(await br.arrayBuffer())), etag: br.etag };
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
  objetos: readonly { ruta: string; contenido: Uint8Array }[],
  entre: () => Promise<void> = async () => {},
  concurrencia = CONCURRENCIA_R2,
): Promise<void> {
  let siguiente = 0;
  let fallo: unknown = null;
  const trabajador = async () => {
    while (fallo === null && siguiente < objetos.length) {
      const o = objetos[siguiente++]!;
      try {
        await almacen.put(o.ruta, o.contenido);
        await entre();
      } catch (e) {
        fallo ??= e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrencia, objetos.length) }, trabajador));
  if (fallo !== null) throw fallo;
}
