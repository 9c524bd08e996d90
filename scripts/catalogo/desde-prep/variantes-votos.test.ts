/**
 * Vote columns of real published PREP databases (issue 12) that from-prep used to lose, each from a byte-exact
 * excerpt of the real file under data/fixtures/prep-real/*_votos (PROCEDENCIA.md there): the nulls under another
 * name (CEE Nuevo León 2018) and repeated combination columns filled in different municipios (IEE Puebla 2019).
 * Also the naming of coalitions our own database gives one id across ballots with other parties.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Boleta, Candidatura, Coalicion } from '../../../worker/domain/catalogo/esquema.ts';
import { formatProblema, type ProblemaArchivo } from '../../../worker/domain/catalogo/archivos/problemas.ts';
import { planearReplay } from '../../replay/plan.ts';
import { leerFuentes } from './fuentes.ts';
import { nombrarCoaliciones, type NombresCoalicion } from './nombres-coalicion.ts';

const RAIZ = join(import.meta.dirname, '../../../data/fixtures/prep-real');

const bytesDe = (carpeta: string, archivo: string) => new Uint8Array(readFileSync(join(RAIZ, carpeta, archivo)));

function leer(nombre: string, bytes: Uint8Array) {
  const lectura = leerFuentes([{ nombre, bytes }]);
  expect(lectura.problemas.map(formatProblema)).toEqual([]);
  return { r: lectura.fuentes[0]!.resultados, avisos: lectura.avisos };
}

/** The NULOS and per-column votes the replay plan captures for each acta of the file. */
function capturas(nombre: string, bytes: Uint8Array) {
  const p = planearReplay([{ nombre, bytes }], { final: false });
  expect(p.ok ? [] : p.error.map(formatProblema)).toEqual([]);
  if (!p.ok) return [];
  return p.value.elecciones[0]!.actas.map((a) => (a.registro.tipo === 'captura' ? a.registro.captura.votos : null));
}

describe('CEE Nuevo León 2018 AYUN: the nulls are headed `Votos Anulados`', () => {
  const bytes = bytesDe('CEE-NL_2018_AYUN_votos', 'NL_AYUN_2018.csv');
  const { r, avisos } = leer('NL_AYUN_2018.csv', bytes);

  it('reads `Votos Anulados` as NULOS, with a warning that names the rule at its header cell', () => {
    expect(r.columnas).toContain('NULOS');
    expect(r.ignoradas).not.toContain('Votos Anulados');
    expect(r.filas.map((f) => f.datos.NULOS)).toEqual(['5', '6', '20']);
    const aviso = avisos.filter((a) => a.codigo === 'COLUMNA_EQUIVALENTE').map(formatProblema);
    expect(aviso).toEqual(['NL_AYUN_2018.csv:6:375: la columna Votos Anulados se lee como NULOS (los votos anulados son los votos nulos del acta)']);
  });

  it('the replay captures the nulls of every acta', () => {
    expect(capturas('NL_AYUN_2018.csv', bytes).map((v) => v?.NULOS)).toEqual([5, 6, 20]);
  });
});

describe('IEE Puebla 2019 AYUN: combination columns repeated, each filled in other municipios', () => {
  const bytes = bytesDe('IEE-PUE_2019_AYUN_votos', 'PUE_AYUN_ext_2019.csv');
  const { r, avisos } = leer('PUE_AYUN_ext_2019.csv', bytes);
  const i = r.votos.findIndex((v) => v.nombre === 'C_PT_MORENA');

  it('reads each row from whichever of the repeated cells is not `-`', () => {
    // Ahuazotepec fills the first C_PT_MORENA (1, 0); Tepeojuma the second (18, 11).
    expect(r.filas.map((f) => f.votos[i])).toEqual(['1', '0', '18', '11']);
    expect(r.votos.filter((v) => v.nombre === 'C_PT_MORENA')).toHaveLength(1);
  });

  it('keeps one COLUMNA_REPETIDA warning per repeated column, stating the rule', () => {
    const repetida = avisos.filter((a) => a.codigo === 'COLUMNA_REPETIDA').map(formatProblema);
    expect(repetida).toHaveLength(9);
    expect(repetida).toContain(
      'PUE_AYUN_ext_2019.csv:7:622: la columna de votos C_PT_MORENA está repetida (también en la columna 547): en cada fila se lee la que no trae «-»; si las dos traen votos, la primera',
    );
    expect(avisos.filter((a) => a.codigo === 'COLUMNA_REPETIDA_CON_VOTOS')).toEqual([]);
  });

  it('the replay captures the votes of the second column', () => {
    expect(capturas('PUE_AYUN_ext_2019.csv', bytes).map((v) => v?.PT_MORENA)).toEqual([1, 0, 18, 11]);
  });

  it('when both cells hold votes, reads the first and says so at the row', () => {
    // The real file has no such row: the Tepeojuma row with its first C_PT_MORENA cell `-` set to 7.
    const texto = new TextDecoder('windows-1252').decode(bytes).split('\n');
    const celdas = texto[9]!.split('|');
    celdas[r.votos[i]!.indice] = '7';
    texto[9] = celdas.join('|');
    const otra = leer('PUE_AYUN_ext_2019.csv', Uint8Array.from(texto.join('\n'), (c) => c.charCodeAt(0)));
    expect(otra.r.filas[2]!.votos[i]).toBe('7');
    expect(otra.avisos.filter((a) => a.codigo === 'COLUMNA_REPETIDA_CON_VOTOS').map(formatProblema)).toEqual([
      expect.stringMatching(/^PUE_AYUN_ext_2019\.csv:10:\d+: la fila trae votos de C_PT_MORENA en las columnas \d+ y \d+: se lee la primera \(columna \d+\)$/),
    ]);
  });
});

describe('coalitions the candidaturas call by one name on ballots with other parties', () => {
  const lugar = (linea: number) => ({ archivo: 'AYUN_CANDIDATURAS.csv', linea, columna: 3 });
  function nombrar(grupos: string[][], nombre: string) {
    const coaliciones = new Map<string, Coalicion>(grupos.map((g) => [g.join('_'), { id: `C_${g.join('_')}`, nombre: '', partidos: g }]));
    const boletas: Boleta[] = grupos.map((g, t) => ({ eleccion: 'AYUN', territorio: t + 1, columnas: g, coaliciones: [{ coalicion: `C_${g.join('_')}`, partidos: g }] }));
    const candidaturas: Candidatura[] = grupos.map((g, t) => ({ eleccion: 'AYUN', territorio: t + 1, partidoCi: `C_${g.join('_')}`, propietaria: 'X', suplente: '-' }));
    const nombres: NombresCoalicion = new Map(grupos.map((g, t) => [`C_${g.join('_')}`, new Map([[nombre, lugar(t + 2)]])]));
    const avisos: ProblemaArchivo[] = [];
    const orden = ['PAN', 'PRI', 'PRD', 'PT', 'MORENA'];
    nombrarCoaliciones({ coaliciones, boletas, candidaturas, nombres, esPartido: new Set(orden), ordenPartido: new Map(orden.map((p, i) => [p, i])), avisos });
    return { coaliciones: [...coaliciones.values()], boletas, candidaturas, avisos: avisos.map((a) => `${a.codigo} ${formatProblema(a)}`) };
  }

  it('party sets that share a party are one coalition with all their parties, partial on each ballot', () => {
    const x = nombrar([['PAN', 'PRI'], ['PAN', 'PRD']], 'FYC');
    expect(x.coaliciones).toEqual([{ id: 'FYC', nombre: 'FYC', partidos: ['PAN', 'PRI', 'PRD'] }]);
    expect(x.boletas.map((b) => b.coaliciones)).toEqual([[{ coalicion: 'FYC', partidos: ['PAN', 'PRI'] }], [{ coalicion: 'FYC', partidos: ['PAN', 'PRD'] }]]);
    expect(x.candidaturas.map((c) => c.partidoCi)).toEqual(['FYC', 'FYC']);
    expect(x.avisos).toEqual([
      'COALICION_UNIDA AYUN_CANDIDATURAS.csv:3:3: las candidaturas llaman FYC a los partidos PAN, PRD y a PAN, PRI, que comparten partidos: son una coalición FYC de PAN, PRI, PRD, parcial en cada boleta',
    ]);
  });

  it('party sets that share none are two coalitions: the later one takes a numbered id', () => {
    const x = nombrar([['PAN', 'PRI'], ['PT', 'MORENA']], 'COA');
    expect(x.coaliciones.map((c) => `${c.id}=${c.partidos.join('+')}`)).toEqual(['COA=PAN+PRI', 'COA_2=PT+MORENA']);
    expect(x.candidaturas.map((c) => c.partidoCi)).toEqual(['COA', 'COA_2']);
    expect(x.avisos).toEqual([
      'COALICION_HOMONIMA AYUN_CANDIDATURAS.csv:3:3: las candidaturas llaman COA también a los partidos PT, MORENA, que no comparten partido con la coalición COA: son otra coalición, COA_2',
    ]);
  });
});
