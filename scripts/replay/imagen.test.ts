import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tipoPorContenido } from '../../worker/domain/captura/tipo-imagen.ts';
import { crc32, DIMENSIONES_REEMPLAZO, imagenReemplazo, MARCA_REEMPLAZO } from './imagen.ts';

interface BloquePng {
  tipo: string;
  datos: Buffer;
  crcCorrecto: boolean;
}

/** Walks a PNG's chunks, checking each CRC independently of the encoder. */
function bloquesPng(png: Uint8Array): BloquePng[] {
  const b = Buffer.from(png);
  const bloques: BloquePng[] = [];
  let i = 8;
  while (i < b.length) {
    const largo = b.readUInt32BE(i);
    const tipo = b.toString('latin1', i + 4, i + 8);
    const datos = b.subarray(i + 8, i + 8 + largo);
    const crc = b.readUInt32BE(i + 8 + largo);
    const esperado = crc32(new Uint8Array(b.subarray(i + 4, i + 8 + largo)));
    bloques.push({ tipo, datos, crcCorrecto: crc === esperado });
    i += 12 + largo;
  }
  return bloques;
}

const datos = { clave: '261001B01005', origen: 'DIP_LOC_2024.csv:7', codigoArchivo: 'ab'.repeat(32) };

describe('placeholder image of a replayed acta', () => {
  it('is a valid grayscale PNG the digitalization route accepts', () => {
    const png = imagenReemplazo(datos);
    expect(tipoPorContenido(png)).toBe('image/png');
    const cs = bloquesPng(png);
    expect(cs.map((c) => c.tipo)).toEqual(['IHDR', 'tEXt', 'iTXt', 'tEXt', 'iTXt', 'tEXt', 'IDAT', 'IEND']);
    expect(cs.every((c) => c.crcCorrecto)).toBe(true);
    const ihdr = cs[0]!.datos;
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[8], ihdr[9]]).toEqual([DIMENSIONES_REEMPLAZO.ancho, DIMENSIONES_REEMPLAZO.alto, 8, 0]);
    const crudo = inflateSync(cs.find((c) => c.tipo === 'IDAT')!.datos);
    const { ancho, alto } = DIMENSIONES_REEMPLAZO;
    expect(crudo.length).toBe((ancho + 1) * alto);
    for (let y = 0; y < alto; y++) expect(crudo[y * (ancho + 1)]).toBe(0);
  });

  it('says in its metadata that it is not the acta, in ASCII and in UTF-8', () => {
    const cs = bloquesPng(imagenReemplazo(datos));
    const textos = cs.filter((c) => c.tipo === 'tEXt').map((c) => c.datos.toString('latin1'));
    const utf8 = cs.filter((c) => c.tipo === 'iTXt').map((c) => c.datos.toString('utf8'));
    expect(textos[0]).toBe('Title\0IMAGEN DE REEMPLAZO - REPLAY');
    expect(utf8[0]).toContain(MARCA_REEMPLAZO);
    expect(utf8[1]).toContain('No es la imagen del acta 261001B01005');
    expect(utf8[1]).toContain('DIP_LOC_2024.csv:7');
    expect(utf8[1]).toContain('ab'.repeat(32));
    expect(textos.every((t) => /^[\x20-\x7e\0]*$/.test(t))).toBe(true);
  });

  it('draws the words: the text rows have ink, the blank band between them has none', () => {
    const cs = bloquesPng(imagenReemplazo(datos));
    const crudo = inflateSync(cs.find((c) => c.tipo === 'IDAT')!.datos);
    const { ancho } = DIMENSIONES_REEMPLAZO;
    const tinta = (y0: number, y1: number) => {
      let n = 0;
      for (let y = y0; y < y1; y++) for (let x = 20; x < ancho - 20; x++) if (crudo[y * (ancho + 1) + 1 + x]! < 0x80) n++;
      return n;
    };
    expect(tinta(22, 43)).toBeGreaterThan(200); // IMAGEN DE REEMPLAZO
    expect(tinta(92, 113)).toBeGreaterThan(100); // the clave
    expect(tinta(44, 53)).toBe(0);
  });

  it('is deterministic, and every acta gets its own bytes (its own CODIGO_INTEGRIDAD)', () => {
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    expect(sha(imagenReemplazo(datos))).toBe(sha(imagenReemplazo({ ...datos })));
    expect(sha(imagenReemplazo(datos))).not.toBe(sha(imagenReemplazo({ ...datos, clave: '261001C01005' })));
    expect(sha(imagenReemplazo({ ...datos, codigoArchivo: null }))).not.toBe(sha(imagenReemplazo(datos)));
  });

  it('CRC-32 is the standard one', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});
