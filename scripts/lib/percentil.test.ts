import { describe, expect, it } from 'vitest';
import { mediana, percentil } from './percentil.ts';

describe('percentil', () => {
  const cien = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted on purpose

  it('is the nearest rank: sorted[ceil(p·n) − 1]', () => {
    expect(percentil(cien, 0.99)).toBe(99);
    expect(percentil(cien, 0.5)).toBe(50);
    expect(percentil(cien, 0.95)).toBe(95);
    expect(percentil(cien, 0.01)).toBe(1);
    expect(percentil(cien, 0.015)).toBe(2);
    // p·n is 7.000000000000001 in floating point: still the 7th.
    expect(percentil(cien, 0.07)).toBe(7);
    expect(percentil([5, 1, 4, 2, 3], 0.5)).toBe(3);
    expect(percentil([5, 1, 4, 2, 3], 0.99)).toBe(5);
  });

  it('gives the minimum for p = 0, the maximum for p = 1, the only value for n = 1, and 0 for none', () => {
    expect(percentil(cien, 0)).toBe(1);
    expect(percentil(cien, 1)).toBe(100);
    for (const p of [0, 0.5, 0.99, 1]) expect(percentil([42], p)).toBe(42);
    expect(percentil([], 0.5)).toBe(0);
  });

  it('leaves its input as it was', () => {
    const xs = [5, 1, 4, 2, 3];
    percentil(xs, 0.5);
    expect(xs).toEqual([5, 1, 4, 2, 3]);
  });
});

describe('mediana', () => {
  it('is the middle value, the upper one of an even count', () => {
    expect(mediana([3, 1, 2])).toBe(2);
    expect(mediana([4, 1, 3, 2])).toBe(3);
    expect(mediana([7])).toBe(7);
  });
});
