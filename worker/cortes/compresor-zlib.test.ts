import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { construirZip, crc32Js } from '../domain/corte/abiertos.ts';
import { utf8 } from '../domain/corte/bytes.ts';
import { compresorZlib } from './compresor-zlib.ts';

describe('compresorZlib (node:zlib in workerd)', () => {
  it('gives the same CRC-32 as the JS one and a zip fflate reads back', async () => {
    const texto = Array.from({ length: 2000 }, (_, i) => `'14${i},${i * 7 % 311},Sin dato\r\n`).join('');
    const bytes = utf8(texto);
    expect(compresorZlib.crc32(bytes)).toBe(crc32Js(bytes));
    const z = await construirZip(Date.UTC(2024, 5, 3, 2, 5), -360, [{ nombre: 'x/X.csv', contenido: bytes }], compresorZlib);
    expect(z.contenido.length).toBeLessThan(bytes.length / 2);
    expect(new TextDecoder().decode(unzipSync(z.contenido)['x/X.csv'])).toBe(texto);
  });
});
