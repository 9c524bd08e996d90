/**
 * What the screen learns from an image file before sending it: the acta's clave from the file name (scanners
 * save one file per acta, named by its clave), the type from its first bytes (the API sniffs them too and refuses
 * a mismatch), and its SHA-256 computed here, to be compared with the one the server computes.
 */
import type { MimeImagen } from '../../../../worker/domain/contrato/index.ts';

/** A CLAVE_ACTA, a part of a split casilla's acta (`CLAVE_ACTA-n`, docs/REGLAS.md §7), or FC-<n>. */
const CLAVE_IMAGEN = '\\d{6}[A-Z]\\d{4}[0-9A-Z]{1,2}(?:-[2-9](?![0-9A-Z]))?|FC-\\d{1,12}';
const CLAVE = new RegExp(`^(${CLAVE_IMAGEN})(?:[ _.(-].*)?$`);

/**
 * "140338B01004.jpg", "140338b01004_2.png" (a second page), "140338B01004-2.jpg" (part 2 of a split casilla's
 * acta), "FC-3 (reverso).pdf" → the clave; anything else → null.
 */
export function claveDeNombre(nombre: string): string | null {
  const base = nombre.replace(/^.*[\\/]/, '').replace(/\.[A-Za-z0-9]{1,5}$/, '').trim().toUpperCase();
  return CLAVE.exec(base)?.[1] ?? null;
}

/** A clave the image route accepts: CLAVE_ACTA, CLAVE_ACTA-n or FC-<n>. */
export function esClaveImagen(texto: string): boolean {
  return new RegExp(`^(${CLAVE_IMAGEN})$`).test(texto);
}

const FIRMAS: readonly { mime: MimeImagen; bytes: readonly number[] }[] = [
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
];

/** JPEG, PNG or PDF by their first bytes (never by the name or the browser's guess); null for anything else. */
export function tipoPorContenido(datos: Uint8Array): MimeImagen | null {
  return FIRMAS.find((f) => datos.length > f.bytes.length && f.bytes.every((b, i) => datos[i] === b))?.mime ?? null;
}

export async function sha256Hex(datos: ArrayBuffer): Promise<string> {
  const h = new Uint8Array(await crypto.subtle.digest('SHA-256', datos));
  return Array.from(h, (b) => b.toString(16).padStart(2, '0')).join('');
}
