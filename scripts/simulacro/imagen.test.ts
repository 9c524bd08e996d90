import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tipoPorContenido } from '../../worker/domain/captura/tipo-imagen.ts';
import { imagenActa } from './imagen.ts';

describe('imagenActa', () => {
  it('is a PNG the capture API recognizes, with a valid 48×16 grayscale image inside', () => {
    const png = Buffer.from(imagenActa('140338B01004', 'CATD'));
    expect(tipoPorContenido(png)).toBe('image/png');
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(48);
    expect(png.readUInt32BE(20)).toBe(16);
    const idat = png.indexOf('IDAT', 0, 'latin1');
    const largo = png.readUInt32BE(idat - 4);
    expect(inflateSync(png.subarray(idat + 4, idat + 4 + largo))).toHaveLength(16 * 49);
    expect(png.includes(Buffer.from('acta 140338B01004, CATD'))).toBe(true);
  });

  it('is deterministic, and differs per acta, origin and take', () => {
    const a = Buffer.from(imagenActa('140338B01004', 'CATD'));
    expect(Buffer.from(imagenActa('140338B01004', 'CATD')).equals(a)).toBe(true);
    for (const otra of [imagenActa('140338B01005', 'CATD'), imagenActa('140338B01004', 'CASILLA'), imagenActa('140338B01004', 'CATD', 2)]) {
      expect(Buffer.from(otra).equals(a)).toBe(false);
    }
  });
});
