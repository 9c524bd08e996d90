import { describe, expect, it } from 'vitest';
import { FechaHoraSchema } from './fecha.ts';

describe('fechaHora', () => {
  it('reads ISO 8601 with an offset or Z as epoch ms', () => {
    expect(FechaHoraSchema.parse('2024-06-02T20:15:00-06:00')).toBe(Date.UTC(2024, 5, 3, 2, 15));
    expect(FechaHoraSchema.parse('2024-06-03T02:15:00.250Z')).toBe(Date.UTC(2024, 5, 3, 2, 15, 0, 250));
  });

  it('refuses times without an offset, other formats and out-of-range years', () => {
    for (const x of ['2024-06-02T20:15:00', '02/06/2024 20:15:00', '2024-06-02', '1999-12-31T23:59:59Z', '2100-01-01T00:00:00Z', 'mañana']) {
      expect(FechaHoraSchema.safeParse(x).success, x).toBe(false);
    }
  });
});
