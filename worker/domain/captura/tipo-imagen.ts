/**
 * The type of an uploaded image from its bytes (never from the Content-Type header): JPEG, PNG or PDF, by its
 * first bytes; then the whole file's structure for that type (issue 14, defect 5): a JPEG or PNG walked to its end,
 * a PDF without active content. Never re-encoded: the SHA-256 published is that of the bytes received.
 */
import type { MimeImagen } from './estado.ts';
import { revisarJpeg } from './estructura-jpeg.ts';
import { revisarPdf } from './estructura-pdf.ts';
import { revisarPng } from './estructura-png.ts';
import type { RechazoImagen } from './imagen-rechazo.ts';

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

const REVISORES: Record<MimeImagen, (b: Uint8Array) => RechazoImagen | null> = {
  'image/jpeg': revisarJpeg,
  'image/png': revisarPng,
  'application/pdf': revisarPdf,
};

/** null: `datos` is a clean file of type `mime` (as tipoPorContenido found it); else the rule it breaks. */
export function revisarEstructura(datos: Uint8Array, mime: MimeImagen): RechazoImagen | null {
  return REVISORES[mime](datos);
}
