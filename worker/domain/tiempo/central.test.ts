import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCorte, formatFechaHora, formatZipStamp, offsetLabel, parseCorteLine } from './central.ts';

/** 2 June 2024, 20:00 in Jalisco (UTC-6) = 3 June 2024, 02:00 UTC. */
const APERTURA = Date.UTC(2024, 5, 3, 2, 0, 0);
const JALISCO = -360;

describe('offsetLabel', () => {
  it.each([
    [-360, 'UTC-6'],
    [-420, 'UTC-7'],
    [-300, 'UTC-5'],
    [330, 'UTC+5:30'],
    [-570, 'UTC-9:30'],
    [0, 'UTC+0'],
    [840, 'UTC+14'],
  ])('%i → %s', (offset, label) => {
    expect(offsetLabel(offset)).toBe(label);
  });
});

describe('formatFechaHora', () => {
  it('shows local time of the entidad', () => {
    expect(formatFechaHora(APERTURA, JALISCO)).toBe('02/06/2024 20:00:00');
    expect(formatFechaHora(APERTURA + 3_723_000, JALISCO)).toBe('02/06/2024 21:02:03');
    expect(formatFechaHora(APERTURA, -420)).toBe('02/06/2024 19:00:00'); // Sonora
    expect(formatFechaHora(APERTURA, 0)).toBe('03/06/2024 02:00:00');
  });
  it('truncates milliseconds', () => {
    expect(formatFechaHora(APERTURA + 59_999, JALISCO)).toBe('02/06/2024 20:00:59');
  });
  it('crosses midnight, month and year ends', () => {
    expect(formatFechaHora(Date.UTC(2025, 0, 1, 5, 59, 59), JALISCO)).toBe('31/12/2024 23:59:59');
    expect(formatFechaHora(Date.UTC(2024, 2, 1, 5, 0, 0), JALISCO)).toBe('29/02/2024 23:00:00');
  });
});

describe('formatCorte / formatZipStamp', () => {
  it('writes the corte line with the offset label', () => {
    expect(formatCorte(APERTURA + 20 * 60_000 + 45_000, JALISCO)).toBe('02/06/2024 20:20 (UTC-6)');
    expect(formatCorte(APERTURA, -420)).toBe('02/06/2024 19:00 (UTC-7)');
    expect(formatCorte(APERTURA, 330)).toBe('03/06/2024 07:30 (UTC+5:30)');
  });
  it('writes the zip stamp', () => {
    expect(formatZipStamp(APERTURA + 5 * 60_000, JALISCO)).toBe('20240602_2005');
  });
});

describe('parseCorteLine', () => {
  it('reads a corte line back', () => {
    expect(parseCorteLine('02/06/2024 20:20 (UTC-6)')).toEqual({
      ok: true,
      value: { ms: APERTURA + 20 * 60_000, offsetMinutes: -360 },
    });
  });
  it('accepts any offset, seconds, a BOM and surrounding blanks', () => {
    expect(parseCorteLine('\uFEFF02/06/2024 19:00 (UTC-7)\r\n')).toEqual({ ok: true, value: { ms: APERTURA, offsetMinutes: -420 } });
    expect(parseCorteLine('03/06/2024 07:30 (UTC+5:30)')).toEqual({ ok: true, value: { ms: APERTURA, offsetMinutes: 330 } });
    expect(parseCorteLine('03/06/2024 02:00:07 (UTC)')).toEqual({ ok: true, value: { ms: APERTURA + 7000, offsetMinutes: 0 } });
    expect(parseCorteLine('03/06/2024 02:00 (UTC-0)')).toEqual({ ok: true, value: { ms: APERTURA, offsetMinutes: 0 } });
  });
  it.each([
    ['2024-06-02 20:00 (UTC-6)', 'FORMATO'],
    ['02/06/2024 20:00', 'FORMATO'],
    ['02/06/2024 20:00 (CST)', 'FORMATO'],
    ['31/06/2024 20:00 (UTC-6)', 'FECHA_INVALIDA'],
    ['29/02/2023 20:00 (UTC-6)', 'FECHA_INVALIDA'],
    ['02/06/2024 24:00 (UTC-6)', 'FECHA_INVALIDA'],
    ['02/06/2024 20:60 (UTC-6)', 'FECHA_INVALIDA'],
    ['02/06/2024 20:00 (UTC-13)', 'OFFSET_INVALIDO'],
    ['02/06/2024 20:00 (UTC+5:75)', 'OFFSET_INVALIDO'],
  ])('%j → %s', (texto, motivo) => {
    expect(parseCorteLine(texto)).toEqual({ ok: false, error: { motivo, texto } });
  });

  it('round-trips formatCorte at minute precision for any offset', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2200, 0, 1) }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (ms, offset) => {
          const r = parseCorteLine(formatCorte(ms, offset));
          expect(r).toEqual({ ok: true, value: { ms: ms - (((ms % 60_000) + 60_000) % 60_000), offsetMinutes: offset } });
        },
      ),
    );
  });

  it('formatFechaHora agrees with Date in UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(2200, 0, 1) }), (ms) => {
        const iso = new Date(ms).toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
        const esperado = `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 19)}`;
        expect(formatFechaHora(ms, 0)).toBe(esperado);
      }),
    );
  });
});
