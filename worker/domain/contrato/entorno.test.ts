import { describe, expect, it } from 'vitest';
import { ENTORNOS, LEYENDA_SIMULACRO, leyendaDe, PREFIJO_ZIP_SIMULACRO } from './entorno.ts';

describe('the environment a publication says it comes from', () => {
  it('labels every pruebas object as a simulacro, in words, and a produccion one not at all', () => {
    expect(leyendaDe('pruebas')).toBe(LEYENDA_SIMULACRO);
    expect(leyendaDe('produccion')).toBeNull();
    expect(ENTORNOS.map(leyendaDe).filter((l) => l !== null)).toHaveLength(1);
  });

  it('says SIMULACRO where a person reads first: the start of the legend and of the zip name', () => {
    expect(LEYENDA_SIMULACRO.startsWith('SIMULACRO / PRUEBA')).toBe(true);
    expect(PREFIJO_ZIP_SIMULACRO).toBe('SIMULACRO_');
  });
});
