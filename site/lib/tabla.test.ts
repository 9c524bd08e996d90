import { describe, expect, it } from 'vitest';
import { filtrar, grupos, normalizar, rangoTexto, visibles } from './tabla.ts';

describe('the table filter', () => {
  const municipios = ['0039 Guadalajara', '0098 San Pedro Tlaquepaque', '0120 Zapopan', '0053 Jesús María', '0063 La Peña'];

  it('ignores case and accents, keeps ñ apart from n', () => {
    expect(normalizar('  JESÚS María ')).toBe('jesus maria');
    expect(normalizar('Peña')).toBe('peña');
    expect(filtrar(municipios, 'jesus', (t) => t)).toEqual(['0053 Jesús María']);
    expect(filtrar(municipios, 'TLAQUEPÁQUE', (t) => t)).toEqual(['0098 San Pedro Tlaquepaque']);
    expect(filtrar(municipios, 'pena', (t) => t)).toEqual([]);
    expect(filtrar(municipios, 'peña', (t) => t)).toEqual(['0063 La Peña']);
  });

  it('matches the clave as text and every word typed, in any order', () => {
    expect(filtrar(municipios, '39', (t) => t)).toEqual(['0039 Guadalajara']);
    expect(filtrar(municipios, 'pedro san', (t) => t)).toEqual(['0098 San Pedro Tlaquepaque']);
    expect(filtrar(municipios, 'san zapopan', (t) => t)).toEqual([]);
  });

  it('returns every row, in order, for an empty or blank query', () => {
    expect(filtrar(municipios, '', (t) => t)).toBe(municipios);
    expect(filtrar(municipios, '   ', (t) => t)).toBe(municipios);
  });
});

describe('the page of rows', () => {
  it('never shows more rows than there are', () => {
    expect(visibles(1234, 50)).toBe(50);
    expect(visibles(12, 50)).toBe(12);
    expect(visibles(0, 50)).toBe(0);
  });

  it('says which rows are shown, es-MX', () => {
    expect(rangoTexto(50, 1234)).toBe('1–50 de 1,234');
    expect(rangoTexto(3, 3)).toBe('1–3 de 3');
    expect(rangoTexto(0, 0)).toBe('0 de 0');
  });
});

describe('an integrity code in groups', () => {
  it('splits a SHA-256 in 8 groups of 8 that join back to it', () => {
    const sha = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    const g = grupos(sha);
    expect(g).toHaveLength(8);
    expect(g.every((x) => x.length === 8)).toBe(true);
    expect(g.join('')).toBe(sha);
    expect(grupos('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });
});
