import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isDeepEqual } from './igualdad.ts';

describe('isDeepEqual', () => {
  it('compares nested objects and arrays by value', () => {
    expect(isDeepEqual({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toBe(true);
    expect(isDeepEqual({ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] })).toBe(false);
    expect(isDeepEqual([1, 2], [2, 1])).toBe(false);
    expect(isDeepEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(isDeepEqual([], {})).toBe(false);
    expect(isDeepEqual(null, {})).toBe(false);
  });
  it('agrees with node:util on JSON values', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
      expect(isDeepEqual(a, b)).toBe(isDeepStrictEqual(a, b));
      expect(isDeepEqual(a, structuredClone(a))).toBe(true);
    }));
  });
});
