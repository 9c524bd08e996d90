/**
 * A PNG's whole structure (ISO 15948, 5.3): the signature, IHDR first (13 bytes), every chunk's length within the
 * file and its CRC-32 right, at least one IDAT, and IEND (empty) as the last bytes of the file. Nothing decoded.
 */
import { crc32Js } from '../corte/abiertos.ts';
import { rechazo, type RechazoImagen } from './imagen-rechazo.ts';

const FIRMA = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const LARGO_MAXIMO = 0x7fffffff;

const u32 = (b: Uint8Array, i: number) => ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
const esLetra = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** null: a clean PNG. */
export function revisarPng(b: Uint8Array): RechazoImagen | null {
  if (!FIRMA.every((x, k) => b[k] === x)) return rechazo('PNG_ESTRUCTURA', 0, 'Sin la firma PNG.');
  let i = FIRMA.length;
  let idat = false;
  for (let n = 0; ; n++) {
    if (i + 12 > b.length) return rechazo('PNG_TRUNCADO', i, 'El archivo termina antes de IEND.');
    const largo = u32(b, i);
    const tipoBytes = b.subarray(i + 4, i + 8);
    const tipo = String.fromCharCode(...tipoBytes);
    if (largo > LARGO_MAXIMO || !tipoBytes.every(esLetra)) return rechazo('PNG_ESTRUCTURA', i, 'Bloque con longitud o tipo no válidos.');
    if (i + 12 + largo > b.length) return rechazo('PNG_TRUNCADO', i, `El bloque ${tipo} declara más bytes de los que tiene el archivo.`);
    if (n === 0 && (tipo !== 'IHDR' || largo !== 13)) return rechazo('PNG_ESTRUCTURA', i, 'El primer bloque no es IHDR de 13 bytes.');
    if (crc32Js(b.subarray(i + 4, i + 8 + largo)) !== u32(b, i + 8 + largo)) return rechazo('PNG_CRC', i, `El CRC del bloque ${tipo} no coincide.`);
    i += 12 + largo;
    if (tipo === 'IDAT') idat = true;
    if (tipo === 'IEND') {
      if (largo !== 0) return rechazo('PNG_ESTRUCTURA', i - 12 - largo, 'IEND no está vacío.');
      if (!idat) return rechazo('PNG_SIN_IDAT', null, 'No tiene datos de imagen (IDAT).');
      return i === b.length ? null : rechazo('PNG_DATOS_TRAS_IEND', i, 'Hay bytes después de IEND.');
    }
  }
}
