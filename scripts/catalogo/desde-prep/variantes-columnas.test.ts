/**
 * Vote-column and candidaturas variants of real published PREP databases (issue 12), each on a small byte-exact
 * excerpt under data/fixtures/prep-real/*_columnas (PROCEDENCIA-columnas.md in each folder says where it came from).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblema } from '../../../worker/domain/catalogo/archivos/problemas.ts';
import { clasificarColumnas, columnaEquivalente } from './columnas.ts';
import { catalogoDesdePrep } from './derivar.ts';

const raiz = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const real = (carpeta: string, archivo: string) => {
  const ruta = `data/fixtures/prep-real/${carpeta}/${archivo}`;
  return { nombre: ruta, bytes: new Uint8Array(readFileSync(path.join(raiz, ruta))) };
};

function derivar(...archivos: { nombre: string; bytes: Uint8Array }[]) {
  const r = catalogoDesdePrep(archivos);
  if (!r.ok) throw new Error(r.error.map(formatProblema).join('\n'));
  return { ...r.value, textos: r.value.avisos.map(formatProblema) };
}

const conTexto = (textos: readonly string[], parte: string) => textos.filter((t) => t.includes(parte));

describe('combination columns with a C_ prefix (IEEC Campeche 2021 GOB)', () => {
  const d = derivar(real('IEEC-CAMP_2021_GOB_columnas', 'CAMP_GOB_2021_20210607_2000.csv'), real('IEEC-CAMP_2021_GOB_columnas', 'CAMP_GOB_CANDIDATURA_2021.csv'));

  it('reads C_PAN_PRI_PRD as the combination PAN_PRI_PRD, and says so', () => {
    expect(d.catalogue.coaliciones.map((c) => c.partidos)).toEqual([['PAN', 'PRI', 'PRD'], ['PT', 'MOR']]);
    expect(d.columnas[0]!.renombre).toMatchObject({ C_PAN_PRI_PRD: 'PAN_PRI_PRD', C_PT_MOR: 'PT_MOR', MOR: 'MOR' });
    // At the column's header cell: line 6 of the file, column where «C_PAN_PRI_PRD» starts.
    expect(d.textos).toContainEqual(
      expect.stringMatching(/\/CAMP_GOB_2021_20210607_2000\.csv:6:283: la combinación C_PAN_PRI_PRD se llama PAN_PRI_PRD en el catálogo \(prefijo C_ de combinación de coalición\)$/),
    );
  });

  it('takes the SUM- rows of the candidaturas as the coalitions, with one warning at the first row', () => {
    const porCi = Object.fromEntries(d.catalogue.candidaturas.map((c) => [c.partidoCi, c.propietaria]));
    const [pri, mor] = d.catalogue.coaliciones;
    expect(porCi[pri!.id]).toBe('CHRISTIAN MISHEL CASTRO BELLO');
    expect(porCi[mor!.id]).toBe('LAYDA ELENA SANSORES SAN ROMAN');
    expect(conTexto(d.textos, 'SUM-')).toEqual([
      'data/fixtures/prep-real/IEEC-CAMP_2021_GOB_columnas/CAMP_GOB_CANDIDATURA_2021.csv:7:3: una fila SUM-… es el total de una coalición, no una columna de la boleta: se toma como la coalición de sus partidos (2 filas; la primera aquí)',
    ]);
  });

  it('derives the ballot of the corte cero (no votes yet) from the candidaturas, SUM- rows included', () => {
    const cero = derivar(real('IEEC-CAMP_2021_GOB_columnas', 'CAMP_GOB_2021_20210601_1852.csv'), real('IEEC-CAMP_2021_GOB_columnas', 'CAMP_GOB_CANDIDATURA_2021.csv'));
    const [boleta] = cero.catalogue.boletas;
    expect(boleta!.columnas).toEqual(expect.arrayContaining(['PAN', 'PRI', 'PRD', 'PT', 'MOR', 'PVEM', 'MC', 'PAN_PRI_PRD', 'PT_MOR']));
    expect(boleta!.coaliciones.map((c) => c.partidos)).toEqual([['PAN', 'PRI', 'PRD'], ['PT', 'MOR']]);
  });

  it('gives the corte cero alone every vote column of its header, with a warning', () => {
    const cero = derivar(real('IEEC-CAMP_2021_GOB_columnas', 'CAMP_GOB_2021_20210601_1852.csv'));
    expect(cero.catalogue.boletas[0]!.columnas).toContain('PAN_PRI_PRD');
    expect(conTexto(cero.textos, 'su boleta lleva todas las columnas de votos del encabezado')).toHaveLength(1);
  });
});

describe('independents and ID_MUNICIPIO_LOCAL (IEEC Campeche 2021 AYUN)', () => {
  it('matches CI1 in the candidaturas with the CAND_IND_1 column, naming the rule', () => {
    const d = derivar(real('IEEC-CAMP_2021_AYUN_columnas', 'CAMP_AYUN_2021.csv'), real('IEEC-CAMP_2021_AYUN_columnas', 'CAMP_AYUN_CANDIDATURA_2021.csv'));
    expect(d.catalogue.partidos.find((p) => p.siglas === 'CAND_IND_1')?.tipo).toBe('independiente');
    expect(d.catalogue.candidaturas.find((c) => c.partidoCi === 'CAND_IND_1')).toMatchObject({ territorio: 5, propietaria: 'MERCY AYDEE CEH SOLORZANO' });
    expect(d.textos).toContain('data/fixtures/prep-real/IEEC-CAMP_2021_AYUN_columnas/CAMP_AYUN_CANDIDATURA_2021.csv:9:5: CI1 y CAND_IND_1 son la candidatura independiente número 1');
  });
});

describe('hyphenated combinations and a coalition listed once per combination (INE 2023 Senaduría Tamaulipas)', () => {
  it('keeps one candidatura per coalition and warns about the other rows', () => {
    const d = derivar(real('INE_2023_SEN-TAMPS-ext_columnas', 'TAMPS_SEN_FED_ext_2023.csv'), real('INE_2023_SEN-TAMPS-ext_columnas', 'TAMPS_SEN_FED_ext_Candidaturas_2023.csv'));
    expect(d.columnas[0]!.renombre).toMatchObject({ 'PAN-PRI-PRD': 'PAN_PRI_PRD', 'PT-MORENA': 'PT_MORENA' });
    const coal = d.catalogue.candidaturas.filter((c) => d.catalogue.coaliciones.some((x) => x.id === c.partidoCi));
    expect(coal.map((c) => c.propietaria)).toEqual(['Imelda Margarita Sanmiguel Sánchez', 'José Ramón Gómez Leal']);
    expect(conTexto(d.textos, 'repite la candidatura')).toEqual([
      'data/fixtures/prep-real/INE_2023_SEN-TAMPS-ext_columnas/TAMPS_SEN_FED_ext_Candidaturas_2023.csv:9:4: una fila que repite la candidatura de un partido o coalición ya listada en su territorio (otra combinación de la misma coalición) se omite: se conserva la primera (3 filas; la primera aquí)',
    ]);
  });
});

describe('candidaturas listing coalition column names (IEQROO 2019, Latin-1 + CRLF)', () => {
  it('reads the C_PAN_PRD_PESQROO row as the coalition, and its other combinations as repeats', () => {
    const d = derivar(real('IEQROO_2019_DIP_LOC_columnas', 'QROO_DIP_LOC_2019.csv'), real('IEQROO_2019_DIP_LOC_columnas', 'QROO_DIP_CANDIDATURAS_2019.csv'));
    const ids = new Set(d.catalogue.coaliciones.map((c) => c.id));
    expect(d.catalogue.candidaturas.filter((c) => ids.has(c.partidoCi)).map((c) => c.propietaria)).toEqual(['TERESA ATENEA GOMEZ RICALDE']);
    expect(conTexto(d.textos, 'repite la candidatura')).toEqual([expect.stringMatching(/QROO_DIP_CANDIDATURAS_2019.csv:8:6: .*\(3 filas; la primera aquí\)$/)]);
    expect(conTexto(d.textos, 'QROO_DIP_CANDIDATURAS_2019.csv').every((t) => !t.includes('no es una columna de votos'))).toBe(true);
  });
});

describe('2018 candidaturas layout (IEE Puebla 2018 AYUN)', () => {
  const d = derivar(real('IEE-PUE_2018_AYUN_columnas', 'PUE_AYUN_2018.csv'), real('IEE-PUE_2018_AYUN_columnas', 'PUE_AYUN_CANDIDATURAS_2018.csv'));

  it('matches MOR with the MORENA column and skips CNR, NULOS and rows without a name, each rule said once', () => {
    const coalicion = d.catalogue.coaliciones.find((c) => c.partidos.join() === 'PT,MORENA,PES');
    expect(d.catalogue.candidaturas.find((c) => c.partidoCi === coalicion?.id)?.propietaria).toBe('ROBERTO RAMIREZ CERVANTES');
    const cand = conTexto(d.textos, 'PUE_AYUN_CANDIDATURAS_2018.csv');
    expect(cand).toContainEqual(expect.stringMatching(/:27:6: MOR y MORENA son el mismo partido \(siglas de MORENA \/ MOR\) \(2 filas; la primera aquí\)$/));
    expect(cand).toContainEqual(expect.stringMatching(/:46:6: la fila CNR cuenta votos .*no es una candidatura: se ignora$/));
    expect(cand).toContainEqual(expect.stringMatching(/:47:6: la fila NULOS cuenta votos/));
    expect(cand).toContainEqual(expect.stringContaining(':2:29: una fila sin CANDIDATURA_PROPIETARIA (vacía en el archivo, como en los de 2018) no registra candidatura (14 filas; la primera aquí)'));
    expect(cand).toContainEqual(expect.stringContaining(':6:6: un PARTIDO_CI que no es una columna de votos ni una coalición de la boleta de su territorio se ignora (22 filas; la primera aquí)'));
    expect(cand.length).toBeLessThan(12);
  });
});

describe('candidaturas without PARTIDO_CI (IEE Puebla 2019: ESTADO|PARTIDO|CANDIDATO_PROPIETARIO)', () => {
  it('reads PARTIDO and CANDIDATO_PROPIETARIO, one candidatura per coalition', () => {
    const d = derivar(real('IEE-PUE_2019_GUB_lectura', 'PUE_GUB_ext_2019.csv'), real('IEE-PUE_2019_GUB_columnas', 'PUE_GUB_CANDIDATURAS_ext_2019.csv'));
    const porCi = Object.fromEntries(d.catalogue.candidaturas.map((c) => [c.partidoCi, c.propietaria]));
    expect(porCi.PRI).toBe('Alberto Jiménez Merino');
    const coal = d.catalogue.coaliciones.map((c) => porCi[c.id]);
    expect(coal).toEqual(['Enrique Cárdenas Sánchez', 'Luis Miguel Gerónimo Barbosa Huerta']);
  });
});

describe('column rules without a real file in the corpus', () => {
  it('reads CC_ (candidatura común) as a coalition combination, and says so', () => {
    const c = clasificarColumnas(['PAN', 'PRI', 'PRD', 'CC_PAN_PRI']);
    expect(c.combinaciones.get('PAN_PRI')).toEqual(['PAN', 'PRI']);
    expect(c.renombre.get('CC_PAN_PRI')).toBe('PAN_PRI');
    expect(c.avisos.map((a) => a.mensaje)).toEqual(['la combinación CC_PAN_PRI se llama PAN_PRI en el catálogo (prefijo CC_ de candidatura común: se trata como combinación de una coalición)']);
  });

  it('keeps a second column for the same combination as a party of its own', () => {
    const c = clasificarColumnas(['PAN', 'PRI', 'C_PAN_PRI', 'CC_PAN_PRI']);
    expect(c.problemas).toEqual([]);
    expect(c.renombre.get('CC_PAN_PRI')).toBe('CC_PAN_PRI');
    expect(c.avisos.map((a) => a.mensaje)).toContain('la columna CC_PAN_PRI sería la misma columna PAN_PRI del catálogo que C_PAN_PRI: se conserva como un partido propio llamado CC_PAN_PRI');
  });

  it('matches spellings of one party and independents by number', () => {
    const cols = new Set(['MORENA', 'PVEM', 'CAND_IND_1', 'CI_2']);
    expect(columnaEquivalente('MOR', cols)?.columna).toBe('MORENA');
    expect(columnaEquivalente('PV', cols)?.columna).toBe('PVEM');
    expect(columnaEquivalente('CI1', cols)?.columna).toBe('CAND_IND_1');
    expect(columnaEquivalente('CAND_IND_2', cols)?.columna).toBe('CI_2');
    expect(columnaEquivalente('PAN', cols)).toBeUndefined();
  });
});
