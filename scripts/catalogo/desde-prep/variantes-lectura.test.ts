/**
 * Reading variants of real published PREP databases (issue 12), each from a byte-exact excerpt of the real file
 * under data/fixtures/prep-real/*_lectura (PROCEDENCIA.md there). Every quirk is read past with a warning that
 * names the rule applied and where it first occurs; none is a refusal.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblema } from '../../../worker/domain/catalogo/archivos/problemas.ts';
import { leerFuentes } from './fuentes.ts';
import { esFueraDeCatalogo, esSinSeccion, esVotoExtranjero, type ArchivoResultados } from './resultados.ts';

const RAIZ = join(import.meta.dirname, '../../../data/fixtures/prep-real');

function leer(carpeta: string, archivo: string): { r: ArchivoResultados; avisos: string[] } {
  const lectura = leerFuentes([{ nombre: archivo, bytes: new Uint8Array(readFileSync(join(RAIZ, carpeta, archivo))) }]);
  expect(lectura.problemas.map(formatProblema)).toEqual([]);
  return { r: lectura.fuentes[0]!.resultados, avisos: lectura.avisos.map(formatProblema) };
}

describe('IEE Puebla 2019 AYUN: Latin-1, sep=|, duplicated columns, trailing separator', () => {
  const { r, avisos } = leer('IEE-PUE_2019_AYUN_lectura', 'PUE_AYUN_ext_2019.csv');

  it('decodes Latin-1 and says so', () => {
    expect(avisos).toContain('PUE_AYUN_ext_2019.csv:4:53: el archivo no es UTF-8 (el primer byte que no lo es: 0xC1 («Á» en Windows-1252)): se leyó como Latin-1 (Windows-1252)');
    expect(r.filas[0]!.datos.MUNICIPIO).toBe('Ahuazotepec');
  });

  it('takes the separator from the `sep=|` line and skips it', () => {
    expect(avisos).toContain('PUE_AYUN_ext_2019.csv:1:1: primera línea «sep=|» (indicación para Excel): se usó «|» como separador y se omitió la línea');
    expect(r.eleccion).toBe('AYUNTAMIENTOS');
  });

  it('reads a corte line without zero padding', () => {
    expect(r.corte).toEqual({ ms: Date.UTC(2019, 5, 3, 14, 15), offsetMinutes: -300 });
    expect(avisos).toContain('PUE_AYUN_ext_2019.csv:3:1: la línea del corte «3/6/2019 09:15 (UTC-5)» no está en DD/MM/AAAA HH:MM: se leyó como 03/06/2019 09:15 (UTC-5)');
  });

  it('reads summary figures written with apostrophes, % and thousands separators', () => {
    expect(r.resumen).toMatchObject({ ACTAS_ESPERADAS: '100', ACTAS_FUERA_CATALOGO: '1', PORCENTAJE_ACTAS_CAPTURADAS: '100.0000', LISTA_NOMINAL_ACTAS_CONTABILIZADAS: '51695' });
    expect(avisos).toContain('PUE_AYUN_ext_2019.csv:5:15: porcentaje del resumen con signo %: se leyó sin él (3 veces; la primera aquí)');
    expect(avisos).toContain('PUE_AYUN_ext_2019.csv:5:50: cifra del resumen con separador de miles (,): se leyó sin él');
  });

  it('joins two vote columns with the same name into the first', () => {
    expect(r.votos.filter((v) => v.nombre === 'C_PRD_MC_CPP')).toHaveLength(1);
    expect(r.votos.find((v) => v.nombre === 'C_PRD_MC_CPP')!.indice).toBe(27);
    expect(avisos).toContain('PUE_AYUN_ext_2019.csv:7:381: la columna de votos C_PRD_MC_CPP está repetida (también en la columna 283): en cada fila se lee la que no trae «-»; si las dos traen votos, la primera');
  });

  it('ignores the separator that ends every row, and reads the Excel apostrophes off the keys', () => {
    expect(avisos).toContainEqual(expect.stringMatching(/^PUE_AYUN_ext_2019\.csv:8:\d+: la fila termina con un separador de más .* \(4 veces; la primera aquí\)$/));
    expect(r.filas[0]!.datos.CLAVE_CASILLA).toBe('210075B0100');
  });

  it('maps NUM_BOLETAS_SOBRANTES, TOTAL_CIUDADANOS_VOTARON and TOTAL_VOTOS to the reference columns', () => {
    expect(r.columnas).toEqual(expect.arrayContaining(['TOTAL_BOLETAS_SOBRANTES', 'TOTAL_PERSONAS_VOTARON', 'TOTAL_VOTOS_CALCULADO']));
    expect(r.filas[0]!.datos.TOTAL_VOTOS_CALCULADO).toBe('365');
  });

  it('recognises a fuera de catálogo row by OBSERVACIONES «Fuera del catálogo»', () => {
    const fc = r.filas.at(-1)!;
    expect(fc.datos.OBSERVACIONES).toContain('Fuera del catálogo');
    expect(esFueraDeCatalogo(fc)).toBe(true);
    expect(r.filas.slice(0, -1).some(esFueraDeCatalogo)).toBe(false);
  });
});

describe('IEE Puebla 2019 GUB: votes from abroad in sección 0', () => {
  const { r } = leer('IEE-PUE_2019_GUB_lectura', 'PUE_GUB_ext_2019.csv');

  it('takes the sección-0 acta as the votes from abroad: an expected acta of the catalogue, not fuera de catálogo', () => {
    const extranjero = r.filas[0]!;
    expect(extranjero.datos.CLAVE_CASILLA).toBe('210000M0100');
    expect([esVotoExtranjero(extranjero), esFueraDeCatalogo(extranjero), esSinSeccion(extranjero)]).toEqual([true, false, false]);
    expect(esFueraDeCatalogo(r.filas[1]!)).toBe(false);
  });

  it('recognises a fuera de catálogo row whose CONTABILIZADA is `-`', () => {
    const fc = r.filas.at(-1)!;
    expect([fc.datos.CLAVE_CASILLA, fc.datos.CONTABILIZADA]).toEqual(['-', '-']);
    expect(esFueraDeCatalogo(fc) && !esSinSeccion(fc)).toBe(true);
  });
});

describe('IEQROO 2019 DIP_LOC: keys written as Excel formulas, YYYY/MM/DD corte', () => {
  const { r, avisos } = leer('IEQROO_2019_DIP_LOC_lectura', 'QROO_DIP_LOC_2019.csv');

  it('reads `="230085B0100"` as its text instead of refusing the quote', () => {
    expect(r.filas.map((f) => f.datos.CLAVE_CASILLA)).toEqual(['230085B0100', '230085C0100', '230288C0100']);
    expect(avisos).toContain('QROO_DIP_LOC_2019.csv:8:1: celda escrita como fórmula de Excel (="…"): se leyó el texto entre comillas (3 veces; la primera aquí)');
  });

  it('reads a corte line in year/month/day order', () => {
    expect(r.corte).toEqual({ ms: Date.UTC(2019, 5, 3, 10, 47), offsetMinutes: -300 });
    expect(avisos).toContain('QROO_DIP_LOC_2019.csv:3:1: la línea del corte «2019/06/03 05:47 (UTC-5)» no está en DD/MM/AAAA HH:MM: se leyó como 03/06/2019 05:47 (UTC-5)');
  });

  it('keeps SIN DATO / ILEGIBLE in upper case as the file wrote them (the replay folds case)', () => {
    expect(r.filas[1]!.votos).toContain('SIN DATO');
    expect(r.filas.at(-1)!.votos.concat(Object.values(r.filas.at(-1)!.datos))).toContain('ILEGIBLE');
  });
});

describe('INE 2023 Senaduría Tamaulipas: BOM, CR-only lines, Python-list OBSERVACIONES', () => {
  const { r, avisos } = leer('INE_2023_SEN-TAMPS-ext_lectura', 'TAMPS_SEN_FED_ext_2023.csv');

  it('reads a BOM and lone CR line ends', () => {
    expect(r.eleccion).toMatch(/^Elección extraordinaria para la Senaduría/);
    expect(r.corte?.offsetMinutes).toBe(-360);
    expect(r.filas.map((f) => f.linea)).toEqual([8, 9, 10, 11]);
  });

  it("reads OBSERVACIONES `['Sin dato']` as its items", () => {
    const f = r.filas.find((x) => x.linea === 10)!;
    expect(f.datos.OBSERVACIONES).toBe('Sin dato');
    expect(avisos).toContainEqual(expect.stringMatching(/^TAMPS_SEN_FED_ext_2023\.csv:10:\d+: OBSERVACIONES escritas como lista de Python \(«\['Sin dato'\]»\)/));
  });

  it('classifies the N/A votes-from-abroad row and the `Fuera de Catálogo` row', () => {
    expect([esVotoExtranjero(r.filas[0]!), esSinSeccion(r.filas[0]!)]).toEqual([true, false]);
    const fc = r.filas.at(-1)!;
    expect(esFueraDeCatalogo(fc) && !esSinSeccion(fc)).toBe(true);
  });
});

describe('IEEC Campeche 2021 GOB: empty cells, FUERA DE CATALOGO, microseconds', () => {
  const { r, avisos } = leer('IEEC-CAMP_2021_GOB_lectura', 'CAMP_GOB_2021.csv');

  it('reads an uncaptured acta with empty cells (not `-`) as an expected acta', () => {
    expect(r.filas[0]!.votos.every((v) => v === '')).toBe(true);
    expect(esFueraDeCatalogo(r.filas[0]!)).toBe(false);
  });

  it('recognises FUERA DE CATALOGO and cuts FECHA_HORA microseconds', () => {
    const fc = r.filas.at(-1)!;
    expect(esFueraDeCatalogo(fc)).toBe(true);
    expect(fc.datos.FECHA_HORA_ACOPIO).toBe('2021-06-07 11:15:00');
    expect(avisos).toContainEqual(expect.stringMatching(/^CAMP_GOB_2021\.csv:10:\d+: FECHA_HORA_ACOPIO con fracciones de segundo/));
  });
});

describe('CEE Nuevo León 2021 GOB: CR-only lines, a header name with a leading space', () => {
  const { r, avisos } = leer('CEE-NL_2021_GOB_lectura', 'NL_GOB_2021.csv');

  it('reads ` CLAVE_CASILLA` as CLAVE_CASILLA and the summary that ends with a comma', () => {
    expect(r.columnas[0]).toBe('CLAVE_CASILLA');
    expect(r.filas[0]!.datos.CLAVE_CASILLA).toBe('190001B0100');
    expect(r.resumen.ACTAS_ESPERADAS).toBe('7003');
    expect(avisos).toEqual([]);
  });
});

describe('a results file separated by `|` without a `sep=` line', () => {
  it('is read with `|`, with a warning; `;` is still refused', () => {
    const texto = 'GUB\n01/06/2027 20:30 (UTC-7)\nSECCION|ID_CASILLA|TIPO_CASILLA|PAN|NULOS\n1|1|B|3|0\n';
    const lectura = leerFuentes([{ nombre: 'r.csv', bytes: new TextEncoder().encode(texto) }]);
    expect(lectura.problemas).toEqual([]);
    expect(lectura.fuentes[0]!.resultados.filas[0]!.votos).toEqual(['3']);
    expect(lectura.avisos.map(formatProblema)).toEqual(['r.csv:3:1: el archivo está separado por barra vertical (|), no por comas: se leyó con «|»']);
    const pyc = leerFuentes([{ nombre: 'r.csv', bytes: new TextEncoder().encode(texto.replaceAll('|', ';')) }]);
    expect(pyc.problemas.map((p) => p.codigo)).toEqual(['DELIMITADOR']);
  });
});
