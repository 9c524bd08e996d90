import { describe, expect, it } from 'vitest';
import { aceptaDelCliente, elegirCodificacion } from './codificacion.ts';

describe('elegirCodificacion (the stored encoding a client gets)', () => {
  it('prefers Brotli on a tie and follows the weights otherwise; nothing acceptable is plain bytes', () => {
    const casos: [string, string | null][] = [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip', 'gzip'],
      ['x-gzip', 'gzip'],
      ['br;q=0.4, gzip;q=0.8', 'gzip'],
      ['BR', 'br'],
      ['*', 'br'],
      ['*;q=0, gzip', 'gzip'],
      ['br;q=0, *', 'gzip'],
      ['identity', null],
      ['deflate', null],
      ['', null],
      ['gzip;q=0, br;q=0', null],
    ];
    expect(casos.map(([h]) => [h, elegirCodificacion(h)])).toEqual(casos);
  });

  it("reads the client's own header from request.cf when the platform rewrote Accept-Encoding", () => {
    const reescrita = new Request('http://x/', { headers: { 'accept-encoding': 'br, gzip' }, cf: { clientAcceptEncoding: 'identity' } });
    expect(aceptaDelCliente(reescrita)).toBe('identity');
    expect(aceptaDelCliente(new Request('http://x/', { headers: { 'accept-encoding': 'gzip' } }))).toBe('gzip');
  });
});
