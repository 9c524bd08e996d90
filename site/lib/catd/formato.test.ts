import { describe, expect, it } from 'vitest';
import { duracion } from './formato.ts';

describe('duracion', () => {
  it('says a span to the minute, in hours past an hour and in days past two', () => {
    const min = 60_000;
    expect([-5, 0, 59_999].map(duracion)).toEqual(['menos de 1 min', 'menos de 1 min', 'menos de 1 min']);
    expect(duracion(12 * min + 59_000)).toBe('12 min');
    expect(duracion(60 * min)).toBe('1 h');
    expect(duracion(7 * 60 * min + 5 * min)).toBe('7 h 5 min');
    expect(duracion(51 * 60 * min)).toBe('2 d 3 h');
  });
});
