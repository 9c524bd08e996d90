import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, primerByteNoUtf8 } from './decodificar.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeCsvBytes', () => {
  it('decodes UTF-8 with and without BOM', () => {
    expect(decodeCsvBytes(utf8('\uFEFFañ,b\n'))).toEqual({ ok: true, value: { texto: 'añ,b\n', codificacion: 'utf-8', bom: true } });
    expect(decodeCsvBytes(utf8('añ,b\n'))).toEqual({ ok: true, value: { texto: 'añ,b\n', codificacion: 'utf-8', bom: false } });
  });
  it('refuses non-UTF-8 bytes with their line and column, or reads them as Latin-1 when asked', () => {
    const latin1 = Uint8Array.from([0x61, 0x0a, 0x62, 0x61, 0xf1, 0x6f, 0x0a]); // "a\nbaño\n" in Latin-1
    const r = decodeCsvBytes(latin1);
    expect(!r.ok && r.error).toMatchObject({ codigo: 'CODIFICACION', line: 2, column: 3 });
    expect(decodeCsvBytes(latin1, { latin1: true })).toEqual({ ok: true, value: { texto: 'a\nbaño\n', codificacion: 'latin1', bom: false } });
  });
  it('refuses binary files and says what they look like', () => {
    const zip = decodeCsvBytes(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(!zip.ok && zip.error.mensaje).toMatch(/ZIP/);
    const nul = decodeCsvBytes(Uint8Array.from([0x61, 0x2c, 0x00, 0x62]));
    expect(!nul.ok && nul.error).toMatchObject({ codigo: 'BINARIO' });
    const pdf = decodeCsvBytes(utf8('%PDF-1.7\n'));
    expect(!pdf.ok && pdf.error.mensaje).toMatch(/PDF/);
  });
  it('primerByteNoUtf8 agrees with the platform decoder', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          valid = false;
        }
        expect(primerByteNoUtf8(bytes) < 0).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });
});

