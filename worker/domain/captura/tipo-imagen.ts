/**
 * The type of an uploaded image from its first bytes (never from the Content-Type header): JPEG, PNG or PDF.
 */
import type { MimeImagen } from './estado.ts';

const FIRMAS: readonly { mime: MimeImagen; bytes: readonly number[] }[] = [
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
];

export function tipoPorContenido(datos: Uint8Array): MimeImagen | null {
  for (const f of FIRMAS) {
    if (datos.length > f.bytes.length && f.bytes.every((b, i) => datos[i] === b)) return f.mime;
  }
  return null;
}
