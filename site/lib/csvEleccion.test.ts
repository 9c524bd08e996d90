import { describe, expect, it } from 'vitest';
import { catalogoEjemplo, FIXTURE_APERTURA_MS, fixtureActas } from '../../test/ejemplos/eleccion.ts';
import { prepararCorte } from '../../worker/domain/corte/corte.ts';
import { EstadoCorte } from '../../worker/domain/corte/estado.ts';
import { construirModelo } from '../../worker/domain/corte/modelo.ts';
import { enlacesCsv } from './csvEleccion.ts';

describe('the datos abiertos links to each election CSV', () => {
  it("link each election's two CSVs of the newest corte, with the published file names, and none from an older pointer", async () => {
    const m = construirModelo(catalogoEjemplo);
    if (!m.ok) throw new Error('modelo');
    const estado = EstadoCorte.completo(m.value, fixtureActas.map((f) => f.acta)).estado;
    const { puntero } = await prepararCorte(estado, { numero: 1, instante: FIXTURE_APERTURA_MS, secuencia: 1, final: false, anterior: null, cambios: [] });
    const enlaces = enlacesCsv(puntero);
    expect(enlaces.map((e) => [e.codigo, e.nombre])).toEqual([
      ['GUB', 'Gubernatura'],
      ['DIP_LOC', puntero.elecciones[1]!.nombre],
      ['AYUN', puntero.elecciones[2]!.nombre],
    ]);
    expect(enlaces[0]!.resultados.url).toBe(`/${puntero.elecciones[0]!.csv!.resultados}`);
    expect(enlaces[0]!.resultados.archivo).toBe('SIMULACRO_20240602_2000_PREP_GUB.csv');
    expect(enlaces[0]!.ordenado.archivo).toBe('SIMULACRO_20240602_2000_PREP_GUB_ORDENADO.csv');
    const { csv: _, ...antigua } = puntero.elecciones[0]!;
    expect(enlacesCsv({ ...puntero, elecciones: [antigua] })).toEqual([]);
  });
});
