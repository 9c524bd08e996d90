/**
 * POST /api/v1/actas/{clave}/imagen from the screen: the file's bytes as they are, its type (sniffed), the SHA-256
 * computed in the browser in X-Sha256 (the server refuses a different one: a damaged upload never replaces an
 * image) and one Idempotency-Key kept over the retries of a cut request. A second image for an acta that has one
 * is the redigitalización: it replaces the current image (every image is kept).
 */
import type { Digitalizacion, MimeImagen, TipoDocumento } from '../../../../worker/domain/contrato/index.ts';
import { pedir } from '../api.ts';
import { conReintentos, nuevaClave, type OpcionesReintento } from './reintentos.ts';

export interface ImagenPorSubir {
  clave: string;
  datos: ArrayBuffer;
  mime: MimeImagen;
  sha256: string;
  digitalizacion: Digitalizacion;
  tipoDocumento: TipoDocumento;
}

/** The API's answer (ActaVista), as far as this screen reads it. */
export interface ActaDigitalizada {
  clave: string;
  version: number;
  etapa: string;
  estado: { imagen: { sha256: string; mime: MimeImagen; bytes: number; at: number } | null } | null;
}

export function rutaImagen(i: Pick<ImagenPorSubir, 'clave' | 'digitalizacion' | 'tipoDocumento'>): string {
  const q = new URLSearchParams({ origen: 'CATD', digitalizacion: i.digitalizacion, tipoDocumento: i.tipoDocumento });
  return `/api/v1/actas/${encodeURIComponent(i.clave)}/imagen?${q}`;
}

export function subirImagen(i: ImagenPorSubir, o: OpcionesReintento = {}): Promise<ActaDigitalizada> {
  const clave = nuevaClave('imagen');
  return conReintentos(
    () =>
      pedir<ActaDigitalizada>('POST', rutaImagen(i), {
        binario: { datos: i.datos, tipo: i.mime },
        encabezados: { 'idempotency-key': clave, 'x-sha256': i.sha256 },
      }),
    o,
  );
}
