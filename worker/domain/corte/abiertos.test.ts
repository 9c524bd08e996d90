import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { utf8 } from './bytes.ts';
import { carpetaEleccion, compresorFflate, construirZip, crc32Js, nombreZip, type Compresor } from './abiertos.ts';

const T = Date.UTC(2024, 5, 3, 2, 5); // 02/06/2024 20:05 in UTC-6

describe('open-data zip', () => {
  it('is named after the corte in local time, one folder per election', () => {
    expect(nombreZip(T, -360, 'produccion')).toBe('20240602_2005_PREP.zip');
    expect(nombreZip(T, -360, 'pruebas')).toBe('SIMULACRO_20240602_2005_PREP.zip');
    expect(carpetaEleccion(T, -360, 'GUB')).toBe('20240602_2005_PREP_GUB');
  });

  it('is a real zip, byte-identical for the same corte, listing each file with its SHA-256', async () => {
    const archivos = [
      { nombre: '20240602_2005_PREP_GUB/GUB.csv', contenido: utf8('\uFEFFGubernatura\r\n') },
      { nombre: '20240602_2005_PREP_GUB/LEEME.txt', contenido: utf8('LEEME\r\n') },
    ];
    const a = await construirZip(T, -360, archivos);
    const b = await construirZip(T, -360, archivos);
    expect(Buffer.from(a.contenido).equals(Buffer.from(b.contenido))).toBe(true);
    const leido = unzipSync(a.contenido);
    expect(Object.keys(leido)).toEqual(archivos.map((x) => x.nombre));
    expect(new TextDecoder().decode(leido['20240602_2005_PREP_GUB/LEEME.txt'])).toBe('LEEME\r\n');
    expect(a.archivos[1]).toEqual({ nombre: '20240602_2005_PREP_GUB/LEEME.txt', bytes: 7, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('computes the zip CRC-32 (the standard check value)', () => {
    expect(crc32Js(utf8('123456789'))).toBe(0xcbf43926);
    expect(crc32Js(new Uint8Array())).toBe(0);
  });

  it('deflates and checks with the injected compressor, and stays a valid zip', async () => {
    const llamadas: string[] = [];
    const compresor: Compresor = {
      deflateRaw: (b, nivel) => {
        llamadas.push(`deflate ${b.length} ${nivel}`);
        return compresorFflate.deflateRaw(b, nivel);
      },
      crc32: (b) => {
        llamadas.push(`crc ${b.length}`);
        return crc32Js(b);
      },
    };
    const texto = 'CLAVE,VOTOS\r\n'.repeat(500);
    const z = await construirZip(T, -360, [{ nombre: 'a/A.csv', contenido: utf8(texto) }], compresor);
    expect(llamadas).toEqual([`crc ${texto.length}`, `deflate ${texto.length} 2`]);
    expect(new TextDecoder().decode(unzipSync(z.contenido)['a/A.csv'])).toBe(texto);
  });
});
