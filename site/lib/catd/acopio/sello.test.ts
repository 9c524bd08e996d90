import { describe, expect, it } from 'vitest';
import { selloAcopio } from './sello.ts';

// 2024-06-03T02:15:32Z is 20:15:32 of 2 June in Jalisco (UTC−6).
const INSTANTE = Date.UTC(2024, 5, 3, 2, 15, 32);

describe('selloAcopio', () => {
  it("writes the entidad's local date and time to the second, naming the offset", () => {
    expect(selloAcopio(INSTANTE, -360)).toEqual({
      fecha: 'domingo, 2 de junio de 2024',
      hora: '20:15:32',
      zona: 'UTC−6',
      iso: '2024-06-02T20:15:32-06:00',
    });
  });

  it('handles offsets with minutes and east of UTC', () => {
    expect(selloAcopio(INSTANTE, 330)).toMatchObject({ hora: '07:45:32', zona: 'UTC+5:30', iso: '2024-06-03T07:45:32+05:30' });
  });

  it("without an offset uses the device's zone, and still names it", () => {
    const s = selloAcopio(INSTANTE, null);
    expect(s.hora).toMatch(/^\d\d:\d\d:\d\d$/);
    expect(s.zona).not.toBe('');
    expect(Date.parse(s.iso)).toBe(INSTANTE);
  });
});
