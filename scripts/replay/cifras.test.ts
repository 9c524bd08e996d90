import { describe, expect, it } from 'vitest';
import { celdaComparable, normalizarCifra, observacionesComparables } from './cifras.ts';

describe('cells compared as REGLAS read them (docs/REGLAS.md §3, §7)', () => {
  it('a vote or total cell: integers without padding, Ilegible and Sin dato in any spelling, - for empty and N/A', () => {
    expect(['0012', ' 12 ', '12'].map(celdaComparable)).toEqual(['12', '12', '12']);
    expect(['ILEGIBLE', 'ilegible', 'Ilegible'].map(celdaComparable)).toEqual(['Ilegible', 'Ilegible', 'Ilegible']);
    expect(['SIN DATO', 'Sin datos', 'sin dato'].map(celdaComparable)).toEqual(['Sin dato', 'Sin dato', 'Sin dato']);
    expect(['-', '', 'N/A'].map(celdaComparable)).toEqual(['-', '-', '-']);
    // What is none of these stays as written, so it never equals a figure.
    expect(celdaComparable('12.5')).toBe('12.5');
    expect(celdaComparable('0')).not.toBe(celdaComparable('-'));
  });

  it('OBSERVACIONES: the same observations whatever the case, accents, punctuation or order', () => {
    const reglas = observacionesComparables('Ilegible, Sin dato');
    for (const t of ['Sin dato,Ilegible', "['Ilegible', 'Sin dato']", 'ILEGIBLE; SIN DATO']) expect(observacionesComparables(t)).toBe(reglas);
    expect(observacionesComparables('FUERA DE CATALOGO')).toBe(observacionesComparables('Fuera de catálogo'));
    expect(observacionesComparables('-')).toBe('');
    expect(observacionesComparables('')).toBe('');
    expect(observacionesComparables('ALGUN CAMPO ILEGIBLE O SIN DATO')).not.toBe(reglas);
    expect(observacionesComparables('Ilegible')).not.toBe(reglas);
  });

  it('summary figures: padding and trailing decimal zeros, a percent sign', () => {
    expect(normalizarCifra('069.37260 %')).toBe('69.3726');
  });
});
