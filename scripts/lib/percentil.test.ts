import { describe, expect, it } from 'vitest';
import { percentil } from './percentil.ts';

describe('percentil', () => {
  it('nearest rank over a sorted copy; the input is left as it was', () => {
    const xs = [5, 1, 4, 2, 3];
    expect(percentil(xs, 0.5)).toBe(3);
    expect(percentil(xs, 0.99)).toBe(5);
    expect(percentil(xs, 0)).toBe(1);
    expect(xs).toEqual([5, 1, 4, 2, 3]);
    expect(percentil([], 0.5)).toBe(0);
  });
});
