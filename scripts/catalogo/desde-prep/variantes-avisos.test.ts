/**
 * Where from-prep's warnings point, on excerpts of real PREP databases (data/fixtures/prep-real/*, see their
 * PROCEDENCIA.md): every warning names a file, a line and a column, and a stable rule code; a vote column's
 * warning is at its header cell, a territory's at the first row that named it, what the database never carries
 * at line 1 of the first results file. Also the cómputos summary of INE 2023 read into our figures, and a
 * Latin-1 candidaturas file warned of like a Latin-1 results file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblema, type ProblemaArchivo } from '../../../worker/domain/catalogo/archivos/problemas.ts';
import { catalogoDesdePrep } from './derivar.ts';
import { leerFuentes } from './fuentes.ts';

const raiz = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const REAL = 'data/fixtures/prep-real';
const CAMP = `${REAL}/IEEC-CAMP_2021_geografia`;
const PUE = `${REAL}/IEE-PUE_2018_geografia`;
const QROO = `${REAL}/IEQROO_2019_DIP_LOC_avisos`;
const COMPUTOS = `${REAL}/INE_2023_SEN-TAMPS-ext_COMPUTOS_avisos`;

const bytes = (carpeta: string, nombre: string) => new Uint8Array(readFileSync(path.join(raiz, carpeta, nombre)));
const entradas = (carpeta: string, nombres: string[]) => nombres.map((nombre) => ({ nombre, bytes: bytes(carpeta, nombre) }));

function avisos(carpeta: string, nombres: string[]): ProblemaArchivo[] {
  const r = catalogoDesdePrep(entradas(carpeta, nombres));
  if (!r.ok) throw new Error(r.error.map(formatProblema).join('\n'));
  return r.value.avisos;
}
const de = (as: readonly ProblemaArchivo[], codigo: string) => as.filter((a) => a.codigo === codigo).map(formatProblema);

const lineas = (carpeta: string, nombre: string) => new TextDecoder('latin1').decode(bytes(carpeta, nombre)).split(/\r\n|\r|\n/);

/**
 * `archivo:línea:columna` of the cell under header `columna` (header on line `encabezado`) on line `linea`,
 * found in the file's own text: plain cells, one character per byte.
 */
function celda(carpeta: string, nombre: string, encabezado: number, columna: string, linea = encabezado): string {
  const texto = lineas(carpeta, nombre);
  const i = texto[encabezado - 1]!.split(/[,|]/).indexOf(columna);
  expect(i, `${columna} en la línea ${encabezado} de ${nombre}`).toBeGreaterThanOrEqual(0);
  const antes = texto[linea - 1]!.split(/[,|]/).slice(0, i);
  return `${nombre}:${linea}:${antes.join(',').length + (i > 0 ? 1 : 0) + 1}`;
}

/** Every warning has a file of the input, a line and a column, and an upper-case rule code. */
function todosUbicados(as: readonly ProblemaArchivo[], nombres: readonly string[]): void {
  const malos = as.filter((a) => !nombres.includes(a.archivo) || !(a.linea! >= 1) || !(a.columna! >= 1) || !/^[A-Z][A-Z0-9_]*$/.test(a.codigo));
  expect(malos.map((a) => `${a.codigo} ${formatProblema(a)}`)).toEqual([]);
}

describe('from-prep warnings: every one located, with its rule code (IEEC Campeche 2021, four elections of one night)', () => {
  const nombres = ['CAMP_GOB_2021.csv', 'CAMP_DIP_LOC_2021.csv', 'CAMP_AYUN_2021.csv', 'CAMP_JUNTAS_2021.csv'];
  const as = avisos(CAMP, nombres);

  it('places every warning in a file of the input at a line and column, none at «.»', () => {
    todosUbicados(as, nombres);
  });

  it('puts a C_ combination warning at its header cell in the first file that has the column', () => {
    const lugar = celda(CAMP, 'CAMP_GOB_2021.csv', 6, 'C_PAN_PRI_PRD');
    expect(de(as, 'COMBINACION_PREFIJO')).toContain(`${lugar}: la combinación C_PAN_PRI_PRD se llama PAN_PRI_PRD en el catálogo (prefijo C_ de combinación de coalición)`);
    expect(de(as, 'COMBINACION_PREFIJO')).toHaveLength(5);
  });

  it('puts a column without votes at its header cell, one warning per column', () => {
    const lugar = celda(CAMP, 'CAMP_AYUN_2021.csv', 6, 'CAND_IND_1');
    expect(de(as, 'COLUMNA_SIN_VOTOS')).toEqual([`${lugar}: la columna CAND_IND_1 no tiene ningún voto en la entidad: queda fuera del catálogo`]);
  });

  it('puts a territory left without secciones at the first row that named it (the junta in ID_DISTRITO_LOCAL)', () => {
    const lugar = celda(CAMP, 'CAMP_JUNTAS_2021.csv', 6, 'ID_DISTRITO_LOCAL', 7);
    expect(de(as, 'TERRITORIO_VACIO')).toEqual([
      `${lugar}: el distrito 15 DZIBALCHEN no tiene ninguna sección propia (cada una quedó en el distrito de su primera aparición en los archivos): queda fuera del catálogo`,
    ]);
  });

  it('puts what the database never carries at line 1 of the first results file, and the time zone at the corte line', () => {
    expect(de(as, 'CATD')).toEqual(['CAMP_GOB_2021.csv:1:1: la base del PREP no trae los CATD: se generó uno por distrito y uno por municipio (munícipes)']);
    expect(de(as, 'BOLETAS_ESPECIAL')).toEqual(['CAMP_GOB_2021.csv:1:1: la base del PREP no trae las boletas aprobadas por casilla especial: se usó 750 (cámbielo con --boletas-especial)']);
    expect(de(as, 'HUSO')).toEqual(['CAMP_GOB_2021.csv:2:1: huso horario de la entidad tomado de la línea del corte: UTC-5 (cámbielo con --huso)']);
  });
});

describe('from-prep warnings about the geography of files without a territory column (IEE Puebla 2018)', () => {
  it('puts secciones no file places at the first row of the first of them, and the missing column at the header', () => {
    const as = avisos(PUE, ['PUE_AYUN_2018.csv']);
    todosUbicados(as, ['PUE_AYUN_2018.csv']);
    expect(de(as, 'SIN_DISTRITO')[0]).toMatch(/^PUE_AYUN_2018\.csv:6:1: sin columna del distrito/);
    expect(de(as, 'DISTRITOS')).toEqual([
      'PUE_AYUN_2018.csv:7:1: 3 sección(es) sin distrito en ningún archivo (1, 2, 1000) quedan en un distrito 1 «Distrito no publicado en los archivos» (la primera aparece aquí)',
    ]);
  });

  it('places every warning of the three elections together', () => {
    const nombres = ['PUE_GOB_2018.csv', 'PUE_DIP_LOC_2018.csv', 'PUE_AYUN_2018.csv'];
    todosUbicados(avisos(PUE, nombres), nombres);
  });
});

describe('a Latin-1 candidaturas file (IEQROO 2019: results UTF-8, candidaturas Latin-1 CRLF)', () => {
  const nombres = ['QROO_DIP_LOC_2019.csv', 'QROO_DIP_CANDIDATURAS_2019.csv'];
  const as = avisos(QROO, nombres);

  it('is warned of like a results file, at its first byte that is not UTF-8 (the Ñ of AVENDAÑO)', () => {
    const linea = lineas(QROO, 'QROO_DIP_CANDIDATURAS_2019.csv')[17]!;
    expect(de(as, 'CODIFICACION')).toEqual([
      `QROO_DIP_CANDIDATURAS_2019.csv:18:${linea.indexOf('Ñ') + 1}: el archivo no es UTF-8 (el primer byte que no lo es: 0xD1 («Ñ» en Windows-1252)): se leyó como Latin-1 (Windows-1252)`,
    ]);
  });

  it('reads the names right, and places every other warning (the municipio at the results header)', () => {
    todosUbicados(as, nombres);
    expect(de(as, 'MUNICIPIOS')).toEqual(['QROO_DIP_LOC_2019.csv:7:1: ningún archivo trae ID_MUNICIPIO (este): todas las secciones quedan en un municipio 1 «Municipio no publicado en los archivos»']);
    // The rows of a distrito the results do not have: one warning at the first, with how many.
    expect(de(as, 'TERRITORIO_DESCONOCIDO')).toEqual(['QROO_DIP_CANDIDATURAS_2019.csv:16:4: el distrito 2 no está en los resultados: se ignoran sus filas (5 filas; la primera aquí)']);
    const r = leerFuentes(entradas(QROO, nombres));
    expect(r.fuentes[0]!.candidaturas!.filas.at(-3)!.propietaria).toBe('MAURICIO DELFIN AVENDAÑO');
  });
});

describe('the cómputos summary (INE 2023 Senaduría Tamaulipas, CÓMPUTOS)', () => {
  const nombres = ['TAMPS_SEN_FED_ext_2023.csv'];

  it('reads the figures that are ours under another name, each with its rule at its header cell', () => {
    const r = leerFuentes(entradas(COMPUTOS, nombres));
    expect(r.problemas).toEqual([]);
    expect(r.fuentes[0]!.resultados.resumen).toEqual({
      ACTAS_ESPERADAS: '4778',
      ACTAS_CONTABILIZADAS: '4778',
      PORCENTAJE_ACTAS_CONTABILIZADAS: '100.0000',
      LISTA_NOMINAL_ACTAS_CONTABILIZADAS: '2738995',
      TOTAL_VOTOS_C_CS: '594259',
      PORCENTAJE_PARTICIPACION_CIUDADANA: '21.6962',
    });
    const as = avisos(COMPUTOS, nombres);
    todosUbicados(as, nombres);
    const lugar = celda(COMPUTOS, nombres[0]!, 5, 'TOTAL_VOTOS');
    expect(de(as, 'RESUMEN_EQUIVALENTE')).toHaveLength(4);
    expect(de(as, 'RESUMEN_EQUIVALENTE')).toContain(
      `${lugar}: TOTAL_VOTOS del resumen se lee como TOTAL_VOTOS_C_CS (regla: la suma de TOTAL_VOTOS_CALCULADO de las actas computadas, con las de casillas especiales)`,
    );
  });

  it('lists once the figures of ours the cómputos summary does not publish', () => {
    const [incompleto] = de(avisos(COMPUTOS, nombres), 'RESUMEN_INCOMPLETO');
    expect(incompleto).toMatch(/^TAMPS_SEN_FED_ext_2023\.csv:5:1: el resumen no trae ACTAS_REGISTRADAS, ACTAS_FUERA_CATALOGO, ACTAS_CAPTURADAS, /);
    expect(incompleto).toContain('(regla: solo se compara lo que el archivo publica)');
  });
});

describe('repeated columns keep one rule code (IEE Puebla 2019 AYUN)', () => {
  it('warns of each repeated column under the code COLUMNA_REPETIDA, each at its own header cell', () => {
    const r = leerFuentes(entradas(`${REAL}/IEE-PUE_2019_AYUN_lectura`, ['PUE_AYUN_ext_2019.csv']));
    const repetidas = r.avisos.filter((a) => a.mensaje.includes('repet'));
    expect(repetidas.length).toBeGreaterThan(1);
    expect(new Set(repetidas.map((a) => a.codigo))).toEqual(new Set(['COLUMNA_REPETIDA']));
    expect(new Set(repetidas.map((a) => a.columna)).size).toBe(repetidas.length);
  });
});
