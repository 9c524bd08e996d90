import { describe, expect, it } from 'vitest';
import { estadoDeCache, resumir } from './medicion.ts';

const h = (o: Record<string, string>) => new Headers(o);

describe('the cache status the rehearsal counts', () => {
  it('takes cf-cache-status first, else the Worker’s own Cache-Status entry', () => {
    expect(estadoDeCache(h({ 'cf-cache-status': 'hit', 'cache-status': 'prep-borde; fwd=miss' }))).toBe('HIT');
    expect(estadoDeCache(h({ 'cache-status': 'prep-borde; hit' }))).toBe('HIT');
    expect(estadoDeCache(h({ 'cache-status': 'prep-borde; hit; fwd=stale' }))).toBe('STALE');
    expect(estadoDeCache(h({ 'cache-status': 'prep-borde; fwd=miss' }))).toBe('MISS');
    expect(estadoDeCache(h({ 'cache-status': 'OtroCDN; hit, prep-borde; fwd=miss' }))).toBe('MISS');
    expect(estadoDeCache(h({ 'cache-status': 'OtroCDN; hit' }))).toBeNull();
    expect(estadoDeCache(h({}))).toBeNull();
  });

  it('counts hits and stale copies as hits over the responses that said', () => {
    const m = (cache: string | null) => ({ ms: 1, status: 200, cache });
    const r = resumir([m('HIT'), m('STALE'), m('MISS'), m(null)], 1);
    expect(r.aciertosCache).toBeCloseTo(2 / 3);
    expect(r.conEstadoCache).toBe(3);
  });
});
