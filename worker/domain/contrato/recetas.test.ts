import { describe, expect, it } from 'vitest';
import { BASE_GENERICA, recetaPandas, recetaPandasIne, recetaR, recetaRIne } from './recetas.ts';

const d = { base: 'https://prep.example.mx', entidad: 14, eleccion: 'GUB' };

describe('the recipes a newsroom pastes', () => {
  it('are three lines each, reading the pointer of the entidad and the CSV of the election it names', () => {
    for (const receta of [recetaPandas(d), recetaPandasIne(d)]) {
      const lineas = receta.split('\n');
      expect(lineas).toHaveLength(3);
      expect(lineas[1]).toContain('"https://prep.example.mx/datos/14/latest.json"');
      expect(lineas[2]).toContain('"GUB"');
      expect(lineas[2]).toContain('"https://prep.example.mx/"');
    }
  });
  it('in R, need no package: the pointer read as text, the CSV found by its name', () => {
    for (const receta of [recetaR(d), recetaRIne(d)]) {
      const lineas = receta.split('\n');
      expect(lineas).toHaveLength(3);
      expect(receta).not.toMatch(/library|require/);
      expect(lineas[0]).toContain('readLines("https://prep.example.mx/datos/14/latest.json"');
      expect(lineas[2]).toContain('read.csv(paste0("https://prep.example.mx/", csv)');
    }
    expect(recetaR(d).split('\n')[1]).toContain(`'datos/[^"]*_PREP_GUB_ORDENADO[.]csv'`);
    expect(recetaRIne(d).split('\n')[1]).toContain(`'datos/[^"]*_PREP_GUB[.]csv'`);
  });
  it('read the tidy CSV without options, and INE’s layout past its four opening lines with its non-numbers as NaN', () => {
    expect(recetaPandas(d)).toContain('["csv"]["ordenado"]');
    expect(recetaRIne(d)).toContain('skip = 4, na.strings = c("-", "Ilegible", "Sin dato")');
    expect(recetaPandasIne(d)).toMatch(/\["csv"\]\["resultados"\].*skiprows=4, na_values=\["-", "Ilegible", "Sin dato"\]/);
  });
  it('name the site generically where there is no portal address (the LEEME)', () => {
    expect(recetaPandas({ ...d, base: BASE_GENERICA })).toContain('https://SITIO/datos/14/latest.json');
  });
});
