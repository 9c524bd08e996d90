import { describe, expect, it } from 'vitest';
import { catalogoEjemplo } from '../../../test/ejemplos/eleccion.ts';
import { cabeceraCandidaturas } from './csv-candidaturas.ts';
import { cabeceraDatos } from './csv-resultados.ts';
import { descripcionVoto, leeme } from './leeme.ts';
import { construirModelo } from './modelo.ts';
import { BASE_GENERICA, FIGURAS, recetaPandas, recetaPandasIne, recetaR, recetaRIne } from '../contrato/index.ts';

const modelo = () => {
  const m = construirModelo(catalogoEjemplo);
  if (!m.ok) throw new Error('modelo');
  return m.value;
};

describe('LEEME.txt', () => {
  it('describes every column of both CSVs and every summary figure, for every election', () => {
    for (const em of modelo().elecciones) {
      const texto = leeme(catalogoEjemplo, em);
      const campos = new Set(texto.split('\r\n').filter((l) => /^ {2}[A-Z]/.test(l)).map((l) => l.trim()));
      for (const c of [...cabeceraDatos(em), ...FIGURAS, ...cabeceraCandidaturas(em)]) expect(campos, `${em.eleccion.codigo}: ${c}`).toContain(c);
    }
  });

  it('says the results are preliminary, that the catalogue is synthetic, and the time zone of the entidad', () => {
    const texto = leeme(catalogoEjemplo, modelo().elecciones[0]!);
    expect(texto).toContain('preliminares');
    expect(texto).toContain('no tienen efectos jurídicos');
    expect(texto).toContain('SINTÉTICO');
    expect(texto).toContain('UTC-6');
    expect(leeme({ ...catalogoEjemplo, entidad: { ...catalogoEjemplo.entidad, sintetico: false, utcOffsetMinutes: -420 } }, modelo().elecciones[0]!)).not.toContain('SINTÉTICO');
  });

  it('opens with SIMULACRO / PRUEBA in pruebas (the default) and says nothing of it in produccion', () => {
    const em = modelo().elecciones[0]!;
    const prueba = leeme(catalogoEjemplo, em, 'pruebas');
    expect(prueba.split('\r\n').slice(0, 3).join(' ')).toMatch(/SIMULACRO \/ PRUEBA/);
    expect(leeme(catalogoEjemplo, em)).toBe(prueba);
    const real = leeme(catalogoEjemplo, em, 'produccion');
    expect(real).not.toMatch(/SIMULACRO|PRUEBA/);
    // The rest of the file is the same text.
    expect(prueba.endsWith(real)).toBe(true);
  });

  it('shows the pandas and R recipes of contrato/recetas.ts, line for line, and the tidy layout', () => {
    const texto = leeme(catalogoEjemplo, modelo().elecciones[0]!, 'produccion');
    const receta = { base: BASE_GENERICA, entidad: 14, eleccion: 'GUB' };
    for (const r of [recetaPandas(receta), recetaR(receta), recetaPandasIne(receta), recetaRIne(receta)]) for (const l of r.split('\n')) expect(texto).toContain(`\r\n    ${l}\r\n`);
    expect(texto).toContain('CAMPOS_ILEGIBLES');
    expect(texto).toContain('AAAA-MM-DDTHH:MM:SS-06:00');
  });

  it('names parties, independents and the parties of each combination', () => {
    expect(descripcionVoto(catalogoEjemplo, 'PAN')).toBe('Votos para Partido Acción Nacional (PAN).');
    expect(descripcionVoto(catalogoEjemplo, 'CI_1')).toContain('independiente');
    expect(descripcionVoto(catalogoEjemplo, 'PVEM_PT_MORENA')).toContain('PVEM, PT, MORENA');
    expect(descripcionVoto(catalogoEjemplo, 'NULOS')).toBe('Votos nulos.');
  });
});
