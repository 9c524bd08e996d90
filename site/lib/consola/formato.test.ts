import { describe, expect, it } from 'vitest';
import { consultaDeUmbrales } from './estado.ts';
import { duracion, haceCuanto, numero, porcentaje } from './formato.ts';
import { leerEstado } from './tipos.ts';

describe('console formatting (es-MX)', () => {
  it('numbers, durations, relative times, percentages', () => {
    expect(numero(12345)).toBe('12,345');
    expect(duracion(45_000)).toBe('45 s');
    expect(duracion(12 * 60_000 + 59_000)).toBe('12 min');
    expect(duracion(125 * 60_000)).toBe('2 h 5 min');
    expect(duracion(-5)).toBe('0 s');
    expect(haceCuanto(1_000_000 - 3 * 60_000, 1_000_000)).toBe('hace 3 minutos');
    expect(porcentaje(1, 0)).toBe('—');
    expect(porcentaje(1, 4)).toMatch(/^25\s?%$/);
  });
});

describe('the page passes its alert thresholds on to the API, and nothing else', () => {
  it('keeps known thresholds only', () => {
    expect(consultaDeUmbrales('?detenidaMin=0&silencioMin=3&x=1&volver=/catd/')).toBe('?silencioMin=3&detenidaMin=0');
    expect(consultaDeUmbrales('')).toBe('');
  });
});

describe('leerEstado', () => {
  it('refuses an answer the screen would break on', () => {
    expect(leerEstado(null)).toBeNull();
    expect(leerEstado({ ahora: 1, alertas: [], catds: [], entidad: { figuras: { registradas: 0 } } })).toBeNull();
  });
});
