import { describe, expect, it } from 'vitest';
import { etiquetaCorte, nombreCorte } from './corte.ts';

describe('nombreCorte / etiquetaCorte', () => {
  it('labels the final corte as final, the others by number', () => {
    expect(nombreCorte(52, true)).toBe('Corte final');
    expect(nombreCorte(12, false)).toBe('Corte 12');
    expect(nombreCorte(undefined, false)).toBe('Corte');
    expect(etiquetaCorte(52, true)).toBe('Corte final (nº 52)');
    expect(etiquetaCorte(12, false)).toBe('Corte 12');
    expect(etiquetaCorte(null, true)).toBe('Corte final');
  });
});
