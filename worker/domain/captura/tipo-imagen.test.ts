import { describe, expect, it } from 'vitest';
import { tipoPorContenido } from './tipo-imagen.ts';

const b = (...x: number[]) => new Uint8Array(x);

describe('tipoPorContenido', () => {
  it('recognizes JPEG, PNG and PDF by their first bytes', () => {
    expect(tipoPorContenido(b(0xff, 0xd8, 0xff, 0xe0, 0))).toBe('image/jpeg');
    expect(tipoPorContenido(b(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
    expect(tipoPorContenido(new TextEncoder().encode('%PDF-1.7\n'))).toBe('application/pdf');
  });

  it('anything else, or only a signature with nothing after it, is not an image', () => {
    expect(tipoPorContenido(b())).toBeNull();
    expect(tipoPorContenido(b(0xff, 0xd8, 0xff))).toBeNull();
    expect(tipoPorContenido(new TextEncoder().encode('GIF89a...'))).toBeNull();
    expect(tipoPorContenido(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(tipoPorContenido(b(0x00, 0xff, 0xd8, 0xff, 0xe0))).toBeNull();
  });
});
