import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { claveDeNombre, esClaveImagen, sha256Hex, tipoPorContenido } from './archivo.ts';

describe('claveDeNombre', () => {
  it('takes the clave from a scanner file name, with or without a suffix', () => {
    expect(claveDeNombre('140338B01004.jpg')).toBe('140338B01004');
    expect(claveDeNombre('C:\\escaner\\140338b01004_2.PNG')).toBe('140338B01004');
    expect(claveDeNombre('lote/140338B0100A1-reverso.jpeg')).toBe('140338B0100A1');
    expect(claveDeNombre('FC-3 (reverso).pdf')).toBe('FC-3');
    // Part 2 of a split casilla's acta; a digit after it is not a part number.
    expect(claveDeNombre('040332B010002-2.jpg')).toBe('040332B010002-2');
    expect(claveDeNombre('040332B010002-2_reverso.jpg')).toBe('040332B010002-2');
    expect(claveDeNombre('040332B010002-12.jpg')).toBe('040332B010002');
  });

  it('gives nothing for a name that is not a clave', () => {
    for (const n of ['IMG_2024.jpg', 'scan0001.png', '140338B01.jpg', '140338B0100456.jpg', 'acta 140338B01004.jpg']) {
      expect(claveDeNombre(n), n).toBeNull();
    }
  });

  it('knows the claves the image route accepts', () => {
    expect(esClaveImagen('140338B01004')).toBe(true);
    expect(esClaveImagen('FC-12')).toBe(true);
    expect(esClaveImagen('040332B010002-2')).toBe(true);
    expect(esClaveImagen('040332B010002-1')).toBe(false);
    expect(esClaveImagen('140338B0100')).toBe(false);
  });
});

describe('tipoPorContenido', () => {
  it('tells JPEG, PNG and PDF by their first bytes, and nothing else', () => {
    expect(tipoPorContenido(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1]))).toBe('image/jpeg');
    expect(tipoPorContenido(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(tipoPorContenido(new TextEncoder().encode('%PDF-1.7'))).toBe('application/pdf');
    expect(tipoPorContenido(new TextEncoder().encode('GIF89a...'))).toBeNull();
    expect(tipoPorContenido(new Uint8Array([0xff, 0xd8, 0xff]))).toBeNull();
  });
});

describe('sha256Hex', () => {
  it('is the SHA-256 the server computes, in lower-case hex', async () => {
    const datos = new TextEncoder().encode('acta 140338B01004');
    expect(await sha256Hex(datos.buffer)).toBe(createHash('sha256').update(datos).digest('hex'));
  });
});
