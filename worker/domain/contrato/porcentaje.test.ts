import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textoPorcentaje, unidadesPorcentaje, valorPorcentaje, porcentajeTruncado } from './porcentaje.ts';

describe('porcentajeTruncado', () => {
  it.each([
    [1, 3, 333_333], // 33.33333… → 33.3333
    [2, 3, 666_666], // 66.66666… truncates, never rounds up to 66.6667
    [1, 1, 1_000_000],
    [0, 7, 0],
    [5, 0, 0], // 0 when the denominator is 0
    [123_456_7, 10_000_000, 123_456], // 12.34567 % → 12.3456
    [14, 15, 933_333],
    [3, 2, 1_500_000], // above 100 % is possible (participation with especiales)
  ])('%i / %i → %i units', (num, den, units) => {
    expect(porcentajeTruncado(num, den)).toBe(units);
  });

  it('is exact for national-scale and larger numbers (BigInt path)', () => {
    expect(porcentajeTruncado(98_329_591, 98_329_592)).toBe(999_999);
    expect(porcentajeTruncado(10_000_000_000_000, 9_999)).toBe(Number((10_000_000_000_000n * 1_000_000n) / 9_999n));
  });

  it('rejects negative or fractional input (a programming error)', () => {
    expect(() => porcentajeTruncado(-1, 3)).toThrow();
    expect(() => porcentajeTruncado(1.5, 3)).toThrow();
    expect(() => porcentajeTruncado(1, -3)).toThrow();
    expect(() => porcentajeTruncado(Number.MAX_SAFE_INTEGER, 1)).toThrow('out of range');
  });

  it('never exceeds the exact value and is within 0.0001 % of it', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2 ** 40 }), fc.integer({ min: 1, max: 2 ** 40 }), (num, den) => {
        fc.pre(BigInt(num) * 1_000_000n / BigInt(den) <= BigInt(Number.MAX_SAFE_INTEGER));
        const units = BigInt(porcentajeTruncado(num, den));
        // units / 10⁴ ≤ 100·num/den < (units + 1) / 10⁴  ⇔  units·den ≤ 10⁶·num < (units + 1)·den
        const exact = BigInt(num) * 1_000_000n;
        expect(units * BigInt(den) <= exact).toBe(true);
        expect(exact < (units + 1n) * BigInt(den)).toBe(true);
      }),
    );
  });

  it('agrees with BigInt division everywhere in the safe range', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (num, den) => {
        fc.pre(BigInt(num) * 1_000_000n / BigInt(den) <= BigInt(Number.MAX_SAFE_INTEGER));
        expect(porcentajeTruncado(num, den)).toBe(Number((BigInt(num) * 1_000_000n) / BigInt(den)));
      }),
    );
  });
});

describe('textoPorcentaje / valorPorcentaje', () => {
  it.each([
    [123_456, '12.3456', 12.3456],
    [0, '0.0000', 0],
    [1, '0.0001', 0.0001],
    [1_000_000, '100.0000', 100],
    [933_333, '93.3333', 93.3333],
    [50, '0.0050', 0.005],
  ])('%i units → %s / %d', (units, text, value) => {
    expect(textoPorcentaje(units)).toBe(text);
    expect(valorPorcentaje(units)).toBe(value);
  });

  it('valorPorcentaje prints as textoPorcentaje (trailing zeros aside) and round-trips to units', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), (units) => {
        const v = valorPorcentaje(units);
        expect(Number(textoPorcentaje(units))).toBe(v);
        expect(unidadesPorcentaje(v)).toBe(units);
        expect(v.toFixed(4)).toBe(textoPorcentaje(units));
      }),
    );
  });
});
