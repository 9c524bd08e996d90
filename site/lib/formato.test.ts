import { describe, expect, it } from 'vitest';
import { bytes, entero, etiquetaOffset, fechaHora, hace, participacionDe, porcentaje, porcentajeCorto } from './formato.ts';

describe('es-MX formatting', () => {
  it('groups thousands with commas', () => {
    expect(entero(6_619_342)).toBe('6,619,342');
    expect(entero(0)).toBe('0');
  });

  it('shows a published percentage with exactly its 4 decimals', () => {
    expect(porcentaje(12.3456)).toBe('12.3456%');
    expect(porcentaje(100)).toBe('100.0000%');
    expect(porcentaje(0.0001)).toBe('0.0001%');
  });

  it('never rounds a short percentage up, even when the double is just below', () => {
    expect(porcentajeCorto(12.3456)).toBe('12.34%');
    expect(porcentajeCorto(0.29)).toBe('0.29%');
    expect(porcentajeCorto(99.9999)).toBe('99.99%');
  });

  it('computes vote shares truncated to 4 decimals', () => {
    expect(participacionDe(1, 3)).toBe(33.3333);
    expect(participacionDe(2, 3)).toBe(66.6666);
    expect(participacionDe(5, 0)).toBe(0);
  });

  it('writes instants in the entidad offset, which is data', () => {
    const ms = Date.UTC(2024, 5, 3, 2, 5, 9); // 02/06/2024 20:05:09 in UTC-6
    expect(fechaHora(ms, -360)).toBe('02/06/2024, 20:05 (UTC-6)');
    expect(fechaHora(ms, -420)).toBe('02/06/2024, 19:05 (UTC-7)');
    expect(fechaHora(ms, -360, true)).toBe('02/06/2024, 20:05:09 (UTC-6)');
    expect(etiquetaOffset(330)).toBe('UTC+5:30');
  });

  it('says how old something is', () => {
    const t = 1_000_000_000;
    expect(hace(t, t + 1000)).toBe('ahora');
    expect(hace(t, t + 20_000)).toBe('hace 20 segundos');
    expect(hace(t, t + 3 * 60_000)).toBe('hace 3 minutos');
    expect(hace(t, t + 2 * 3_600_000)).toBe('hace 2 horas');
  });

  it('writes download sizes', () => {
    expect(bytes(512)).toBe('512 B');
    expect(bytes(740_000)).toBe('740 kB');
    expect(bytes(1_250_000)).toBe('1.3 MB');
  });
});
