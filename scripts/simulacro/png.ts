/**
 * Encodes a canvas as a 4-bit indexed PNG (IHDR, PLTE, tEXt, IDAT, IEND) with node:zlib: the canvas already holds
 * the filtered rows, so encoding is one deflate and the chunks' CRCs.
 */
import { crc32, deflateSync } from 'node:zlib';
import type { Lienzo } from './lienzo.ts';

export const FIRMA_PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** An RGB colour as 0xRRGGBB. */
export type Rgb = number;

function trozo(tipo: string, datos: Uint8Array): Buffer {
  const cabecera = Buffer.alloc(8);
  cabecera.writeUInt32BE(datos.length, 0);
  cabecera.write(tipo, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([cabecera.subarray(4), datos])) >>> 0, 0);
  return Buffer.concat([cabecera, datos, crc]);
}

/** The PNG of `lienzo` with up to 16 colours and a tEXt Comment (Latin-1). */
export function codificarPng(lienzo: Lienzo, paleta: readonly Rgb[], comentario: string): Uint8Array {
  if (paleta.length > 16) throw new Error('un PNG de 4 bits tiene a lo más 16 colores');
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(lienzo.ancho, 0);
  ihdr.writeUInt32BE(lienzo.alto, 4);
  ihdr[8] = 4; // bit depth
  ihdr[9] = 3; // indexed colour
  const plte = Buffer.alloc(paleta.length * 3);
  paleta.forEach((c, i) => {
    plte.writeUIntBE(c, i * 3, 3);
  });
  // Most of an acta is blank paper and ruled lines: level 3 deflates it in about a third of the default level 6's
  // time, for images about 40 % larger (16 KB instead of 11 KB); the simulacro makes one per acta (docs/BENCHMARKS.md).
  const idat = deflateSync(lienzo.filas, { level: 3 });
  return Buffer.concat([
    FIRMA_PNG,
    trozo('IHDR', ihdr),
    trozo('PLTE', plte),
    trozo('tEXt', Buffer.from(`Comment\0${comentario}`, 'latin1')),
    trozo('IDAT', idat),
    trozo('IEND', new Uint8Array()),
  ]);
}
