/**
 * A gzip file (RFC 1952) around raw DEFLATE data already made: the 10-byte header, the data, then the CRC-32 and
 * the size of the plain bytes. A per-election CSV's stored copy is its DEFLATE trozos kept between cortes
 * (trozos-csv.ts) in this container: INE's is the zip entry's own data, so storing it compresses nothing again.
 * No file name, no modification time (0) and OS 255 ("unknown"), so the same text always gives the same bytes.
 */
const CABECERA = Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff);

export function envolverGzip(deflate: Uint8Array, crc32: number, tamano: number): Uint8Array {
  const out = new Uint8Array(CABECERA.length + deflate.length + 8);
  out.set(CABECERA, 0);
  out.set(deflate, CABECERA.length);
  const cola = new DataView(out.buffer, CABECERA.length + deflate.length, 8);
  cola.setUint32(0, crc32 >>> 0, true);
  // ISIZE: the size modulo 2^32.
  cola.setUint32(4, tamano >>> 0, true);
  return out;
}
