import { inflateSync, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { construirZip, crc32Js } from '../domain/corte/abiertos.ts';
import { FIN_DEFLATE, NIVEL_TROZOS, VENTANA_TROZOS } from '../domain/corte/trozos-csv.ts';
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

  it('ends a trozo in a sync flush, so trozos deflated alone and closed by FIN_DEFLATE inflate to their concatenation', () => {
    const trozos = ['\uFEFFGubernatura\r\n', "'140338B01004,14,Jalisco,Sin dato\r\n".repeat(40), 'x', '-,-,14,Fuera de catálogo,2\r\n'.repeat(3)].map((t) => utf8(t));
    const datos = trozos.map((t) => compresorZlib.deflateRawTrozo!(t, NIVEL_TROZOS, VENTANA_TROZOS));
    for (const d of datos) expect([...d.subarray(-4)]).toEqual([0, 0, 0xff, 0xff]);
    const flujo = new Uint8Array([...datos.flatMap((d) => [...d]), ...FIN_DEFLATE]);
    expect(new TextDecoder().decode(inflateSync(flujo))).toBe(trozos.map((t) => new TextDecoder().decode(t)).join(''));
  });
});
