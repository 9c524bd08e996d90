import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../bitacora/cadena.ts';
import { idDeToken, igualesTiempoConstante, tokenDesdeBytes } from './token.ts';

const bytes = (n: number, desde: number) => Uint8Array.from({ length: n }, (_, i) => (desde + i * 37) % 256);
const generarToken = (semilla = 0) => tokenDesdeBytes(bytes(8, semilla), bytes(32, semilla + 1));

describe('bearer tokens', () => {
  it('are prep_<16 hex>_<43 base64url>, differ with their bytes, and are stored as SHA-256 only', async () => {
    const a = await generarToken(0);
    const b = await generarToken(1);
    expect(a.token).toMatch(/^prep_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(idDeToken(a.token)).toBe(a.id);
    expect(a.hash).toBe(await sha256Hex(a.token));
  });

  it('are exactly the bytes drawn: id in hex, secret in base64url', async () => {
    const t = await tokenDesdeBytes(new Uint8Array(8).fill(0xab), new Uint8Array(32).fill(0xff));
    expect(t.token).toBe(`prep_abababababababab_${'_'.repeat(42)}8`);
    await expect(tokenDesdeBytes(new Uint8Array(7), new Uint8Array(32))).rejects.toThrow();
  });

  it('match their stored hash only', async () => {
    const t = await generarToken();
    expect(igualesTiempoConstante(await sha256Hex(t.token), t.hash)).toBe(true);
    expect(igualesTiempoConstante(await sha256Hex(`${t.token}x`), t.hash)).toBe(false);
    expect(igualesTiempoConstante(await sha256Hex(t.token), t.hash.slice(0, 63))).toBe(false);
  });

  it('reject malformed tokens', () => {
    for (const x of ['', 'prep_', 'prep_0123456789abcdef_short', `PREP_0123456789abcdef_${'a'.repeat(43)}`, `prep_0123456789abcdeF_${'a'.repeat(43)}`, `prep_0123456789abcdef_${'a'.repeat(44)}`]) {
      expect(idDeToken(x), x).toBeNull();
    }
  });

  it('compares in constant time: every position is looked at', () => {
    expect(igualesTiempoConstante('abcd', 'abcd')).toBe(true);
    expect(igualesTiempoConstante('abcd', 'abce')).toBe(false);
    expect(igualesTiempoConstante('xbcd', 'abcd')).toBe(false);
    expect(igualesTiempoConstante('abc', 'abcd')).toBe(false);
    expect(igualesTiempoConstante('', '')).toBe(true);
  });
});
