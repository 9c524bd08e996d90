/**
 * The "photo" of an acta in a simulacro: a small, valid, deterministic PNG (8-bit grayscale, 48×16) whose pixels
 * are drawn from the SHA-256 of its text and whose tEXt chunk names the acta, where it was taken and which take
 * it is. Different takes of the same acta (PREP Casilla, CATD scanner, re-digitization) are different images,
 * hence different integrity codes.
 */
import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

const ANCHO = 48;
const ALTO = 16;
const FIRMA = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function trozo(tipo: string, datos: Uint8Array): Buffer {
  const cabecera = Buffer.alloc(8);
  cabecera.writeUInt32BE(datos.length, 0);
  cabecera.write(tipo, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([cabecera.subarray(4), datos])) >>> 0, 0);
  return Buffer.concat([cabecera, datos, crc]);
}

/** A PNG for acta `clave` taken at `origen` (CASILLA or CATD), take number `toma`. */
export function imagenActa(clave: string, origen: string, toma = 1): Uint8Array {
  const texto = `PREP simulacro: acta ${clave}, ${origen}, toma ${toma}`;
  const semilla = createHash('sha256').update(texto).digest();
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(ANCHO, 0);
  ihdr.writeUInt32BE(ALTO, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grayscale
  const filas = Buffer.alloc(ALTO * (ANCHO + 1));
  for (let y = 0; y < ALTO; y++) {
    filas[y * (ANCHO + 1)] = 0; // filter: none
    for (let x = 0; x < ANCHO; x++) filas[y * (ANCHO + 1) + 1 + x] = semilla[(x * 7 + y * 13) % semilla.length]! ^ (x * y);
  }
  const comentario = Buffer.from(`Comment\0${texto}`, 'latin1');
  return Buffer.concat([FIRMA, trozo('IHDR', ihdr), trozo('tEXt', comentario), trozo('IDAT', deflateSync(filas)), trozo('IEND', new Uint8Array())]);
}
