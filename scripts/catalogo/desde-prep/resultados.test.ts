import { describe, expect, it } from 'vitest';
import { formatProblema } from '../../../worker/domain/catalogo/archivos/problemas.ts';
import { esFueraDeCatalogo, esNoAplica, esSinSeccion, esVotoExtranjero, leerRegistrosPrep, leerResultados, pareceResultados, type FilaResultados } from './resultados.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

function leer(bytes: Uint8Array) {
  const r = leerRegistrosPrep('r.csv', bytes);
  if (!r.ok) return { problemas: [formatProblema(r.error)] };
  const x = leerResultados('r.csv', r.value.registros, r.value.codificacion);
  return x.ok ? { archivo: x.value } : { problemas: x.error.map(formatProblema) };
}

const RESUMEN = 'ACTAS_ESPERADAS,ACTAS_REGISTRADAS,ACTAS_FUERA_DE_CATÁLOGO\n2,1,0\n';
const ENCABEZADO = 'CLAVE_CASILLA,ID_ESTADO,ESTADO,ID_DISTRITO_LOCAL,SECCION,ID_CASILLA,TIPO_CASILLA,EXT_CONTIGUA,PAN,PRI,PAN-PRI,NO_REGISTRADAS,NULOS,LISTA_NOMINAL,FOO\n';

describe('leerResultados', () => {
  it('reads the election name, the corte, the summary, the data header and every row', () => {
    const { archivo } = leer(enc(`\uFEFFGUBERNATURA\n01/06/2027 20:30 (UTC-7)\n${RESUMEN}\n${ENCABEZADO}'260001B0100',26,SONORA,3,1,1,B,0,10,5,1,0,2,500,x\n'260001C0100,26,SONORA,3,1,1,C,0,-,-,-,-,-,499,-\n`));
    expect(archivo).toBeDefined();
    expect(archivo!.eleccion).toBe('GUBERNATURA');
    expect(archivo!.corte).toEqual({ ms: Date.UTC(2027, 5, 2, 3, 30), offsetMinutes: -420 });
    expect(archivo!.resumen).toEqual({ ACTAS_ESPERADAS: '2', ACTAS_REGISTRADAS: '1', ACTAS_FUERA_CATALOGO: '0' });
    expect(archivo!.votos.map((v) => [v.original, v.nombre])).toEqual([['PAN', 'PAN'], ['PRI', 'PRI'], ['PAN-PRI', 'PAN_PRI']]);
    expect(archivo!.ignoradas).toEqual(['FOO']);
    expect(archivo!.columnas).toContain('ID_DISTRITO');
    expect(archivo!.filas.map((f) => [f.datos.CLAVE_CASILLA, f.datos.ENTIDAD, f.votos.join(' ')])).toEqual([
      ['260001B0100', 'SONORA', '10 5 1'],
      ['260001C0100', 'SONORA', '- - -'],
    ]);
    expect(archivo!.lineaEncabezado).toBe(6);
    expect(archivo!.filas[0]!.pos.SECCION).toEqual({ linea: 7, columna: 27 });
  });

  it('reads Latin-1, CRLF, quoted cells and no blank line before the data header', () => {
    const texto = `"DIPUTACIÓN"\r\n"01/06/2027 20:30 (UTC-06:00)"\r\n${RESUMEN.replaceAll('\n', '\r\n')}${ENCABEZADO.replaceAll('\n', '\r\n')}"'260001B0100'","26","SONORA","3","1","1","B","0","10","5","1","0","2","500","x"\r\n`;
    const { archivo } = leer(latin1(texto));
    expect(archivo!.codificacion).toBe('latin1');
    expect(archivo!.eleccion).toBe('DIPUTACIÓN');
    expect(archivo!.corte?.offsetMinutes).toBe(-360);
    expect(archivo!.filas).toHaveLength(1);
  });

  it('says what is wrong with files that are not results files, cut short or separated by semicolons', () => {
    expect(leer(enc('SECCION,TIPO_CASILLA\n1,B\n')).problemas).toEqual(['r.csv:1:1: falta la primera línea con el nombre de la elección']);
    expect(leer(enc('hola\nmundo\n')).problemas).toEqual([
      'r.csv: no se encontró el encabezado de datos (una línea con SECCION y TIPO_CASILLA): no parece un CSV de resultados del PREP',
    ]);
    expect(leer(enc(`GUB\n${ENCABEZADO}'260001B0100,26,SONORA,3,1,1,B,0,10`)).problemas).toEqual(['r.csv:3:1: la fila tiene 9 campos y el encabezado 15 (¿archivo truncado?)']);
    expect(leer(enc(`GUB\n${ENCABEZADO}"'260001B0100,26,SONORA`)).problemas).toEqual([
      'r.csv:3:1: las comillas abiertas aquí no se cierran antes del fin del archivo (¿archivo truncado?)',
    ]);
    expect(leer(enc(`GUB\n${ENCABEZADO.replaceAll(',', ';')}`)).problemas).toEqual([
      'r.csv:2:1: el archivo está separado por punto y coma (;); se espera coma (,): expórtelo como «CSV (delimitado por comas)»',
    ]);
    expect(leer(Uint8Array.from([0x1f, 0x8b, 8, 0, 0])).problemas).toEqual(['r.csv:1:1: no es un archivo de texto CSV: parece un archivo comprimido con gzip']);
    expect(leer(enc('')).problemas).toEqual(['r.csv: el archivo está vacío']);
  });

  it('refuses a header without SECCION, ID_CASILLA or vote columns', () => {
    expect(leer(enc('GUB\nSECCION,TIPO_CASILLA,NULOS\n1,B,0\n')).problemas).toEqual([
      'r.csv:2:1: falta la columna ID_CASILLA en el encabezado de datos',
      'r.csv:2:1: el encabezado de datos no tiene columnas de votos (partidos, candidaturas, coaliciones)',
    ]);
  });

  it('sniffs a results file by its data header after line 1', () => {
    const r = leerRegistrosPrep('r.csv', enc(`GUB\n${ENCABEZADO}`));
    expect(r.ok && pareceResultados(r.value.registros)).toBe(true);
  });
});

describe('esFueraDeCatalogo (the split shared by the catalogue derivation and the replay)', () => {
  const fila = (datos: FilaResultados['datos']): FilaResultados => ({ linea: 1, datos, pos: {}, votos: [] });

  it('is true for a row without keys or with CONTABILIZADA 2', () => {
    expect(esFueraDeCatalogo(fila({ SECCION: '-', TIPO_CASILLA: 'B', CONTABILIZADA: '1' }))).toBe(true);
    expect(esFueraDeCatalogo(fila({ SECCION: '1', TIPO_CASILLA: 'n/a', CONTABILIZADA: '1' }))).toBe(true);
    expect(esFueraDeCatalogo(fila({ SECCION: '1', CONTABILIZADA: '1' }))).toBe(true);
    expect(esFueraDeCatalogo(fila({ SECCION: '1', TIPO_CASILLA: 'B', CONTABILIZADA: ' 2 ' }))).toBe(true);
  });

  it('is false for an expected acta, registered or not', () => {
    expect(esFueraDeCatalogo(fila({ SECCION: '1', TIPO_CASILLA: 'B', CONTABILIZADA: '0' }))).toBe(false);
    expect(esFueraDeCatalogo(fila({ SECCION: '1', TIPO_CASILLA: 'B', CONTABILIZADA: '-' }))).toBe(false);
    expect(esFueraDeCatalogo(fila({ SECCION: '1', TIPO_CASILLA: 'B' }))).toBe(false);
  });

  it('reads the rows of a results file alike', () => {
    const { archivo } = leer(enc(`GUBERNATURA\n${RESUMEN}\nSECCION,ID_CASILLA,TIPO_CASILLA,PAN,CONTABILIZADA\n1,1,B,5,1\n-,-,-,3,2\n2,1,B,-,2\n`));
    expect(archivo!.filas.map(esFueraDeCatalogo)).toEqual([false, true, true]);
    expect(esNoAplica(archivo!.filas[1]!.datos.SECCION)).toBe(true);
  });
});

describe('esSinSeccion (the expected actas without a sección, counted alike by the derivation and the replay)', () => {
  const fila = (datos: FilaResultados['datos']): FilaResultados => ({ linea: 1, datos, pos: {}, votos: [] });

  it('is true for SECCION N/A in any spelling, unless the row is fuera de catálogo (CONTABILIZADA 2) or the votes from abroad', () => {
    for (const seccion of ['N/A', 'NA', 'n/a', 'na', ' N/A ']) {
      expect(esSinSeccion(fila({ SECCION: seccion, TIPO_CASILLA: 'B', CONTABILIZADA: '1' })), seccion).toBe(true);
    }
    expect(esSinSeccion(fila({ SECCION: 'N/A', TIPO_CASILLA: 'B', CONTABILIZADA: '-' }))).toBe(true);
    expect(esSinSeccion(fila({ SECCION: 'N/A', TIPO_CASILLA: 'B' }))).toBe(true);
    expect(esSinSeccion(fila({ SECCION: 'N/A', TIPO_CASILLA: 'B', CONTABILIZADA: '2' }))).toBe(false);
    // Tipo M in sección N/A or 0 is the votes from abroad: an expected acta of the catalogue's sección 0.
    for (const seccion of ['N/A', '0', '0000']) {
      const f = fila({ SECCION: seccion, TIPO_CASILLA: 'M', CONTABILIZADA: '1' });
      expect([esSinSeccion(f), esVotoExtranjero(f), esFueraDeCatalogo(f)], seccion).toEqual([false, true, false]);
    }
    expect(esVotoExtranjero(fila({ SECCION: 'N/A', TIPO_CASILLA: 'M', CONTABILIZADA: '2' }))).toBe(false);
    expect(esVotoExtranjero(fila({ SECCION: '0', TIPO_CASILLA: 'M', OBSERVACIONES: 'Fuera de catálogo' }))).toBe(false);
  });

  it('is false for a row with a sección, or keyless with `-` (fuera de catálogo)', () => {
    expect(esSinSeccion(fila({ SECCION: '1', TIPO_CASILLA: 'B', CONTABILIZADA: '1' }))).toBe(false);
    expect(esSinSeccion(fila({ SECCION: '-', TIPO_CASILLA: '-', CONTABILIZADA: '1' }))).toBe(false);
    expect(esSinSeccion(fila({ TIPO_CASILLA: 'B', CONTABILIZADA: '1' }))).toBe(false);
  });

  it('names only rows esFueraDeCatalogo also keeps out of the casillas', () => {
    const { archivo } = leer(enc(`GUBERNATURA\n${RESUMEN}\nSECCION,ID_CASILLA,TIPO_CASILLA,PAN,CONTABILIZADA\n1,1,B,5,1\nN/A,1,B,3,1\n-,-,-,3,2\nN/A,1,B,2,2\nN/A,1,M,4,1\n`));
    expect(archivo!.filas.map(esSinSeccion)).toEqual([false, true, false, false, false]);
    for (const f of archivo!.filas.filter(esSinSeccion)) expect(esFueraDeCatalogo(f)).toBe(true);
  });
});
