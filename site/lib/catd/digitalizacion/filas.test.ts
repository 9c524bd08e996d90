import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { faltaParaEnviar, filaNueva, leida, listaParaEnviar } from './filas.ts';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe('filas de digitalización', () => {
  it('take the clave from the file name, hash the bytes and are ready to send', async () => {
    const f = filaNueva({ name: '140338B01004.png', size: png.byteLength }, 'ESCANER', null, null);
    expect([f.clave, f.claveDelNombre, f.estado]).toEqual(['140338B01004', true, 'leyendo']);
    const l = await leida(f, png.slice().buffer);
    expect([l.estado, l.mime, l.sha256]).toEqual(['lista', 'image/png', createHash('sha256').update(png).digest('hex')]);
    expect(listaParaEnviar(l)).toBe(true);
  });

  it('ask for a clave when the name is not one, and check what is typed', async () => {
    const f = await leida(filaNueva({ name: 'IMG_0001.png', size: 11 }, 'MOVIL', null, null), png.slice().buffer);
    expect([f.clave, f.claveDelNombre]).toEqual(['', false]);
    expect(faltaParaEnviar(f)).toMatch(/Escriba la clave/);
    expect(faltaParaEnviar({ ...f, clave: '140338B01' })).toMatch(/CLAVE_ACTA/);
    expect(listaParaEnviar({ ...f, clave: 'FC-2' })).toBe(true);
  });

  it('refuse a file that is not JPEG, PNG or PDF before sending it', async () => {
    const f = await leida(filaNueva({ name: '140338B01004.gif', size: 6 }, 'ESCANER', null, null), new TextEncoder().encode('GIF89a').buffer);
    expect(f.estado).toBe('error');
    expect(f.mensaje).toMatch(/no es una imagen JPEG, PNG ni un PDF/);
    expect(listaParaEnviar(f)).toBe(false);
  });

  it('keep the clave given for a replacement and what it replaces', () => {
    const f = filaNueva({ name: 'foto.jpg', size: 3 }, 'MOVIL', '140338B01004', 'ab'.repeat(32));
    expect([f.clave, f.claveDelNombre, f.reemplaza]).toEqual(['140338B01004', false, 'ab'.repeat(32)]);
  });
});
