/**
 * Geography variants of real PREP databases (excerpts in data/fixtures/prep-real/*_geografia, see their
 * PROCEDENCIA.md): municipio-level files without a distrito column, several elections of one night making one
 * catalogue, secciones split between municipios (Campeche AYUN) or juntas (Campeche JUNTAS).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblema } from '../../../worker/domain/catalogo/archivos/problemas.ts';
import { catalogoDesdePrep } from './derivar.ts';

const raiz = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const PUE = 'data/fixtures/prep-real/IEE-PUE_2018_geografia';
const CAMP = 'data/fixtures/prep-real/IEEC-CAMP_2021_geografia';

const archivo = (carpeta: string, nombre: string) => ({ nombre, bytes: new Uint8Array(readFileSync(path.join(raiz, carpeta, nombre))) });

function derivar(carpeta: string, nombres: string[]) {
  const r = catalogoDesdePrep(nombres.map((n) => archivo(carpeta, n)));
  if (!r.ok) throw new Error(r.error.map(formatProblema).join('\n'));
  const avisos = r.value.avisos;
  return { c: r.value.catalogue, avisos, de: (codigo: string) => avisos.filter((a) => a.codigo === codigo).map(formatProblema) };
}

describe('from-prep: municipio-level files and several elections of one night (IEE Puebla 2018)', () => {
  it('imports an AYUN file without a distrito column alone, its secciones in one distrito «no publicado»', () => {
    const { c, de } = derivar(PUE, ['PUE_AYUN_2018.csv']);
    expect(c.distritos).toEqual([{ id: 1, cabecera: 'Distrito no publicado en los archivos' }]);
    expect(c.municipios).toEqual([{ id: 1, nombre: 'ACAJETE' }, { id: 116, nombre: 'PUEBLA' }]);
    expect(c.secciones).toEqual([{ id: 1, distrito: 1, municipio: 1 }, { id: 2, distrito: 1, municipio: 1 }, { id: 1000, distrito: 1, municipio: 116 }]);
    expect(de('SIN_DISTRITO')).toEqual([
      'PUE_AYUN_2018.csv:6:1: sin columna del distrito (ID_DISTRITO_LOCAL, ID_DISTRITO_FEDERAL o ID_DISTRITO): sus secciones toman el distrito de otro archivo de resultados, o uno «Distrito no publicado en los archivos»',
    ]);
    expect(de('DISTRITOS')).toEqual(['PUE_AYUN_2018.csv:7:1: 3 sección(es) sin distrito en ningún archivo (1, 2, 1000) quedan en un distrito 1 «Distrito no publicado en los archivos» (la primera aparece aquí)']);
  });

  it('derives one catalogue from GOB + DIP_LOC + AYUN: distrito from the distrito-level files, municipio from the municipio-level one', () => {
    const { c, de } = derivar(PUE, ['PUE_GOB_2018.csv', 'PUE_DIP_LOC_2018.csv', 'PUE_AYUN_2018.csv']);
    expect(c.elecciones.map((e) => [e.codigo, e.territorio])).toEqual([['GUB', 'entidad'], ['DIP_LOC', 'distrito'], ['AYUN', 'municipio']]);
    expect(c.secciones).toEqual([{ id: 1, distrito: 12, municipio: 1 }, { id: 2, distrito: 12, municipio: 1 }, { id: 1000, distrito: 17, municipio: 116 }]);
    expect(c.distritos.map((d) => d.id)).toEqual([12, 17]);
    expect(c.casillas).toHaveLength(11);
    expect(de('DISTRITOS')).toEqual([]);
    expect(de('MUNICIPIOS')).toEqual([]);
    expect(de('SIN_MUNICIPIO').map((m) => m.split(':')[0])).toEqual(['PUE_GOB_2018.csv', 'PUE_DIP_LOC_2018.csv']);
    // Each election's acta counts its own party representatives: the catalogue keeps the first file's, and says so.
    expect(de('CASILLA_DISTINTA')).toEqual([
      'PUE_AYUN_2018.csv:8:169: la casilla 0001 C 01 00 tiene REPRESENTANTES_PP_CI 6 aquí y 5 en PUE_GOB_2018.csv:8: se usa 5 (regla: primera aparición)',
    ]);
  });

  it('gives the same geography whatever the order of the files', () => {
    const a = derivar(PUE, ['PUE_AYUN_2018.csv', 'PUE_GOB_2018.csv']).c;
    expect(a.secciones).toEqual([{ id: 1, distrito: 12, municipio: 1 }, { id: 2, distrito: 12, municipio: 1 }, { id: 1000, distrito: 17, municipio: 116 }]);
  });
});

describe('from-prep: secciones split between territories (IEEC Campeche 2021)', () => {
  it('AYUN alone: a sección in two municipios stays in the first; its casillas\' second rows are part 2 of their actas, in the other municipio', () => {
    const { c, de } = derivar(CAMP, ['CAMP_AYUN_2021.csv']);
    expect(c.secciones.filter((s) => [320, 332, 333].includes(s.id)).map((s) => [s.id, s.municipio])).toEqual([[320, 13], [332, 4], [333, 4]]);
    expect(c.casillas.filter((x) => x.seccion === 333)).toHaveLength(2);
    expect(de('SECCION_EN_DOS_MUNICIPIOS')).toEqual([
      'CAMP_AYUN_2021.csv:18:39: la sección 332 está en el municipio 13 aquí y en el 4 en CAMP_AYUN_2021.csv:15: queda en el 4 (regla: el territorio de su primera aparición) para todas las elecciones; lo mismo en 1 caso(s) más de este archivo: 333 (13 aquí, 4 antes)',
    ]);
    expect(de('DUPLICADO')).toEqual([]);
    expect(de('SECCION_PARTIDA')).toEqual([
      'CAMP_AYUN_2021.csv:18:39: la casilla 0332 B 01 00 aparece otra vez en el archivo (antes en la línea 15), ahora en el municipio 13: es la parte 2 de su acta (CLAVE_ACTA-2 en el sistema), un acta aparte con sus cifras y su lista nominal, contada en su territorio de la elección (regla: sección partida, docs/catalogo.md); lo mismo en 2 caso(s) más de este archivo: 0333 B 01 00 parte 2 (línea 19), 0333 C 01 00 parte 2 (línea 20)',
    ]);
    // The file's LISTA_NOMINAL of each part (4, 9, 9): the part's own voters, its limit for "excede lista nominal".
    expect(c.partes).toEqual([
      { seccion: 332, tipo: 'B', id: 1, extContigua: 0, eleccion: 'AYUN', parte: 2, distrito: 1, municipio: 13, listaNominal: 4 },
      { seccion: 333, tipo: 'B', id: 1, extContigua: 0, eleccion: 'AYUN', parte: 2, distrito: 1, municipio: 13, listaNominal: 9 },
      { seccion: 333, tipo: 'C', id: 1, extContigua: 0, eleccion: 'AYUN', parte: 2, distrito: 1, municipio: 13, listaNominal: 9 },
    ]);
  });

  it('a casilla repeated in the same territory is a duplicate row, kept once, not a part', () => {
    const bytes = readFileSync(path.join(raiz, CAMP, 'CAMP_AYUN_2021.csv'), 'utf8').split('\n');
    // Line 15 (0332 B 01, Champotón) once more at the end: same casilla, same municipio.
    const repetido = [...bytes.slice(0, -1), bytes[14]!, ''].join('\n');
    const r = catalogoDesdePrep([{ nombre: 'CAMP_AYUN_2021.csv', bytes: new TextEncoder().encode(repetido) }]);
    if (!r.ok) throw new Error(r.error.map(formatProblema).join('\n'));
    expect(r.value.avisos.filter((a) => a.codigo === 'DUPLICADO').map(formatProblema)).toEqual([
      `CAMP_AYUN_2021.csv:${bytes.length}:53: la casilla 0332 B 01 00 aparece otra vez en el archivo en el mismo territorio (antes en la línea 15): el catálogo la tiene una vez (regla: primera aparición)`,
    ]);
    expect(r.value.catalogue.partes).toHaveLength(3);
  });

  it('JUNTAS alone: the junta sits in ID_DISTRITO_LOCAL; a sección in two juntas stays in the first', () => {
    const { c, de } = derivar(CAMP, ['CAMP_JUNTAS_2021.csv']);
    expect(c.distritos).toEqual([{ id: 15, cabecera: 'DZIBALCHEN' }, { id: 16, cabecera: 'UKUM' }]);
    expect(c.secciones.map((s) => [s.id, s.distrito])).toEqual([[404, 15], [405, 15], [407, 16]]);
    expect(de('SECCION_EN_DOS_DISTRITOS')).toEqual([
      'CAMP_JUNTAS_2021.csv:10:39: la sección 405 está en el distrito 16 aquí y en el 15 en CAMP_JUNTAS_2021.csv:9: queda en el 15 (regla: el territorio de su primera aparición) para todas las elecciones',
    ]);
  });

  it('the four elections together: one catalogue, every disagreement a warning naming its rule', () => {
    const { c, de } = derivar(CAMP, ['CAMP_GOB_2021.csv', 'CAMP_DIP_LOC_2021.csv', 'CAMP_AYUN_2021.csv', 'CAMP_JUNTAS_2021.csv']);
    expect(c.elecciones.map((e) => e.codigo)).toEqual(['GUB', 'DIP_LOC', 'AYUN', 'JUNTAS']);
    expect(c.secciones.map((s) => [s.id, s.distrito, s.municipio])).toEqual([[320, 16, 13], [332, 16, 4], [333, 16, 4], [404, 18, 6], [405, 18, 6], [407, 18, 6]]);
    expect(de('SECCION_EN_DOS_DISTRITOS')[0]).toMatch(/^CAMP_JUNTAS_2021\.csv:7:39: la sección 404 está en el distrito 15 aquí y en el 18 en CAMP_GOB_2021\.csv:7: queda en el 18 \(regla/);
    expect(de('CASILLA_DISTINTA')).toContain(
      'CAMP_JUNTAS_2021.csv:9:128: la casilla 0405 B 01 00 tiene LISTA_NOMINAL 615 aquí y 744 en CAMP_GOB_2021.csv:9: se usa 744 (regla: primera aparición)',
    );
    expect(de('TERRITORIO_VACIO')).toEqual([
      'CAMP_JUNTAS_2021.csv:7:39: el distrito 15 DZIBALCHEN no tiene ninguna sección propia (cada una quedó en el distrito de su primera aparición en los archivos): queda fuera del catálogo',
    ]);
  });
});
