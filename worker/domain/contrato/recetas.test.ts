import { describe, expect, it } from 'vitest';
import { BASE_GENERICA, recetaPandas, recetaPandasIne, recetaR } from './recetas.ts';

const d = { base: 'https://prep.example.mx', entidad: 14, eleccion: 'GUB' };

describe('the recipes a newsroom pastes', () => {
  it('are three lines each, reading the pointer of the entidad and the CSV of the election it names', () => {
    for (const receta of [recetaPandas(d), recetaR(d), recetaPandasIne(d)]) {
      const lineas = receta.split('\n');
      expect(lineas).toHaveLength(3);
      expect(lineas[1]).toContain('"https://prep.example.mx/datos/14/latest.json"');
      expect(lineas[2]).toContain('"GUB"');
      expect(lineas[2]).toContain('"https://prep.example.mx/"');
    }
  });
  it('read the tidy CSV without options, and INE’s layout past its four opening lines with its non-numbers as NaN', () => {
    expect(recetaPandas(d)).toContain('["csv"]["ordenado"]');
    expect(recetaR(d)).toContain('p$elecciones$csv$ordenado');
    expect(recetaPandasIne(d)).toMatch(/\["csv"\]\["resultados"\].*skiprows=4, na_values=\["-", "Ilegible", "Sin dato"\]/);
  });
  it('name the site generically where there is no portal address (the LEEME)', () => {
    expect(recetaPandas({ ...d, base: BASE_GENERICA })).toContain('https://SITIO/datos/14/latest.json');
  });
});
