/**
 * Reads a results CSV in INE's layout (docs/REGLAS.md §7), any variant since 2018: line 1 the election's name, then
 * the corte line, the summary header and its row, an optional blank line, the data header and one row per
 * expected acta (then the fuera de catálogo rows). UTF-8 with or without BOM, or Latin-1; CRLF or LF; cells
 * quoted or not; keys with or without apostrophes. Pure: bytes in, a structured file (or located problems) out.
 */
import type { CsvRecord } from '../../../worker/domain/csv/index.ts';
import { err, ok, type Result } from '../../../worker/domain/resultado.ts';
import type { CorteInstante } from '../../../worker/domain/tiempo/central.ts';
import type { ProblemaArchivo } from '../../../worker/domain/catalogo/archivos/problemas.ts';
import type { Pos } from '../../../worker/domain/catalogo/archivos/tabla.ts';
import {
  ALIAS_CON_REGLA,
  CIFRAS_RESUMEN,
  COLUMNAS_IGNORADAS,
  FIN_DE_VOTOS,
  columnasCanonicas,
  limpiarCelda,
  normalizarNombre,
  type CifraResumen,
  type ColumnaDatos,
} from './encabezados.ts';
import { leerCorte, leerResumen, normalizarFila } from './celdas.ts';
import { Rarezas } from './rarezas.ts';

export { leerRegistrosPrep } from './registros.ts';

export interface ColumnaVoto {
  /** Header as written in the file. */
  original: string;
  /** Normalized name (`PAN-PRI` → `PAN_PRI`). */
  nombre: string;
  indice: number;
  /** Where the header cell starts on the header line (1-based): warnings about the column point there. */
  columna: number;
  /** Later columns with the same name (IEE Puebla 2019 AYUN): each row is read from the one that applies. */
  repetidas?: number[];
}

export interface FilaResultados {
  linea: number;
  /** Canonical catalogue columns present in the file → cleaned cell text. */
  datos: Partial<Record<ColumnaDatos, string>>;
  /** Where each canonical cell starts. */
  pos: Partial<Record<ColumnaDatos, Pos>>;
  /** Cleaned text of each vote column, by ColumnaVoto.nombre. */
  votos: string[];
}

export interface ArchivoResultados {
  archivo: string;
  codificacion: 'utf-8' | 'latin1';
  /** Line 1: the election's name. */
  eleccion: string;
  corte?: CorteInstante;
  /** The line the corte was read from. */
  lineaCorte?: number;
  /** The summary row, by canonical figure (cell text). */
  resumen: Partial<Record<CifraResumen, string>>;
  lineaResumen?: number;
  /** Canonical columns found in the data header. */
  columnas: ColumnaDatos[];
  votos: ColumnaVoto[];
  /** Header cells that are neither catalogue data nor votes (after the votes: ignored). */
  ignoradas: string[];
  filas: FilaResultados[];
  lineaEncabezado: number;
  /** Where each canonical column's header cell is (the first one, when a column repeats). */
  posEncabezado: Partial<Record<ColumnaDatos, Pos>>;
  /** The quirks read past, one warning per kind (rarezas.ts). */
  avisos?: ProblemaArchivo[];
}

const NO_APLICA = new Set(['', '-', 'N/A', 'NA']);

/** Cells that mean "not applicable / no data yet" (docs/REGLAS.md §7: `-`). */
export function esNoAplica(texto: string | undefined): boolean {
  return texto === undefined || NO_APLICA.has(texto.trim().toUpperCase());
}

/**
 * A row that is not an expected acta of the catalogue: no keys (`-`, `N/A`) or CONTABILIZADA 2. Here because
 * the derivation makes a casilla of every other row of the entidad and the replay registers these rows as
 * fuera de catálogo: the two must split the rows alike (planearReplay checks it row by row).
 */
export function esFueraDeCatalogo(f: FilaResultados): boolean {
  const d = f.datos;
  if (esVotoExtranjero(f)) return false;
  return (
    esNoAplica(d.SECCION) ||
    SECCION_NO_APLICA.test(d.SECCION?.trim() ?? '') ||
    esNoAplica(d.TIPO_CASILLA) ||
    d.CONTABILIZADA?.trim() === '2' ||
    diceFueraDeCatalogo(d.OBSERVACIONES)
  );
}

/** OBSERVACIONES `FUERA DE CATÁLOGO`, `Fuera de Catalogo`, `No identificadas - Fuera del catálogo`… (any accent or case). */
export function diceFueraDeCatalogo(observaciones: string | undefined): boolean {
  return observaciones !== undefined && /(^|_)FUERA_DEL?_CATALOGO(_|$)/.test(normalizarNombre(observaciones));
}

/** `N/A` (INE 2023) or `0`/`0000` (IEE Puebla 2019): the sección of the votes-from-abroad (or prison) acta. */
const SECCION_NO_APLICA = /^(N\/?A|0+)$/i;

/**
 * An expected acta without a sección: SECCION `N/A` or `0` (votes from abroad, early or prison voting) and CONTABILIZADA
 * other than 2 (2 marks a fuera de catálogo row). esFueraDeCatalogo keeps it out of the casillas like any keyless
 * row, yet it is an expected acta: the derivation says it left it out, the replay classifies it without sending
 * it. One predicate, so that the two count the same rows.
 */
export function esSinSeccion(f: FilaResultados): boolean {
  return !esVotoExtranjero(f) && SECCION_NO_APLICA.test(f.datos.SECCION?.trim() ?? '') && f.datos.CONTABILIZADA?.trim() !== '2' && !diceFueraDeCatalogo(f.datos.OBSERVACIONES);
}

/**
 * The votes-from-abroad acta as real databases publish it: a tipo M casilla whose SECCION is `0`, `0000` or `N/A`
 * (Puebla 2018 and 2019, INE 2023), not marked fuera de catálogo. The catalogue holds it as casilla M of sección 0
 * voting only in the elections whose files list it.
 */
export function esVotoExtranjero(f: FilaResultados): boolean {
  const d = f.datos;
  return (
    (d.TIPO_CASILLA ?? '').trim().toUpperCase() === 'M' &&
    SECCION_NO_APLICA.test(d.SECCION?.trim() ?? '') &&
    d.CONTABILIZADA?.trim() !== '2' &&
    !diceFueraDeCatalogo(d.OBSERVACIONES)
  );
}

/** True when the record is a data header: it names the sección and the casilla type. */
function esEncabezadoDatos(r: CsvRecord): boolean {
  const c = columnasCanonicas(r.fields.map((f) => f.value));
  return c.includes('SECCION') && (c.includes('TIPO_CASILLA') || c.includes('CLAVE_CASILLA'));
}

/** Sniffs whether a decoded text is a results file (its data header comes after line 1). */
export function pareceResultados(registros: readonly CsvRecord[]): boolean {
  const i = registros.findIndex(esEncabezadoDatos);
  return i > 0;
}

export function leerResultados(archivo: string, registros: readonly CsvRecord[], codificacion: 'utf-8' | 'latin1'): Result<ArchivoResultados, ProblemaArchivo[]> {
  const problemas: ProblemaArchivo[] = [];
  const iEnc = registros.findIndex(esEncabezadoDatos);
  if (iEnc < 0) {
    return err([
      {
        archivo,
        codigo: 'ENCABEZADO',
        mensaje: 'no se encontró el encabezado de datos (una línea con SECCION y TIPO_CASILLA): no parece un CSV de resultados del PREP',
      },
    ]);
  }
  if (iEnc === 0) {
    return err([{ archivo, linea: registros[0]!.line, columna: 1, codigo: 'ENCABEZADO', mensaje: 'falta la primera línea con el nombre de la elección' }]);
  }
  const eleccion = limpiarCelda(registros[0]!.fields.map((f) => f.value).find((v) => v.trim() !== '') ?? '');
  const rarezas = new Rarezas(archivo);
  const previos = registros.slice(1, iEnc);
  const c = leerCorte(archivo, previos, rarezas);
  if (c.problema) problemas.push(c.problema);
  const corte: CorteInstante | undefined = c.corte;
  const { resumen, lineaResumen } = leerResumen(previos, rarezas);

  const encabezado = registros[iEnc]!;
  const nombres = encabezado.fields.map((f) => f.value);
  const canon = columnasCanonicas(nombres);
  const fin = canon.findIndex((c) => c !== null && FIN_DE_VOTOS.includes(c));
  const votos: ColumnaVoto[] = [];
  const ignoradas: string[] = [];
  const vistos = new Map<ColumnaDatos, number>();
  canon.forEach((c, i) => {
    const original = nombres[i]!.trim();
    if (c !== null) {
      const regla = ALIAS_CON_REGLA[normalizarNombre(original)];
      if (regla) rarezas.anotar('COLUMNA_EQUIVALENTE', `la columna ${original} se lee como ${regla.columna} (${regla.regla})`, encabezado.line, encabezado.fields[i]!.column, `COLUMNA_EQUIVALENTE:${i}`);
      // A repeated column (IEE Puebla 2019 AYUN): the first one is read, as a person reading left to right would.
      if (vistos.has(c)) {
        avisoRepetida(rarezas, encabezado, i, `la columna ${original} repite ${c}: se lee la primera (columna ${encabezado.fields[vistos.get(c)!]!.column})`);
      } else vistos.set(c, i);
      return;
    }
    const nombre = normalizarNombre(original);
    if (COLUMNAS_IGNORADAS.has(nombre) || (fin >= 0 && i > fin) || nombre === '') {
      if (nombre !== '') ignoradas.push(original);
      return;
    }
    votos.push({ original, nombre, indice: i, columna: encabezado.fields[i]!.column });
  });
  for (const requerida of ['SECCION', 'TIPO_CASILLA', 'ID_CASILLA'] as const) {
    if (!vistos.has(requerida)) {
      problemas.push({ archivo, linea: encabezado.line, columna: 1, codigo: 'COLUMNA_FALTANTE', mensaje: `falta la columna ${requerida} en el encabezado de datos` });
    }
  }
  if (votos.length === 0) {
    problemas.push({ archivo, linea: encabezado.line, columna: 1, codigo: 'SIN_VOTOS', mensaje: 'el encabezado de datos no tiene columnas de votos (partidos, candidaturas, coaliciones)' });
  }
  votos.splice(0, votos.length, ...unirRepetidas(votos, rarezas, encabezado));
  if (problemas.length > 0) return err(problemas);

  const columnas = [...vistos.keys()];
  const posEncabezado = Object.fromEntries([...vistos].map(([c, i]) => [c, { linea: encabezado.line, columna: encabezado.fields[i]!.column }]));
  const filas: FilaResultados[] = [];
  const n = encabezado.fields.length;
  for (const r of registros.slice(iEnc + 1)) {
    if (r.fields.length < n) {
      problemas.push({
        archivo,
        linea: r.line,
        columna: 1,
        codigo: 'CAMPOS',
        mensaje: `la fila tiene ${r.fields.length} campos y el encabezado ${n}${r === registros.at(-1) ? ' (¿archivo truncado?)' : ''}`,
      });
      continue;
    }
    if (r.fields.length > n) avisarSobrantes(rarezas, r, n);
    const datos: FilaResultados['datos'] = {};
    const pos: FilaResultados['pos'] = {};
    for (const [c, i] of vistos) {
      const f = r.fields[i]!;
      datos[c] = limpiarCelda(f.value);
      pos[c] = { linea: f.line, columna: f.column };
    }
    filas.push(normalizarFila({ linea: r.line, datos, pos, votos: votos.map((v) => celdaDeVoto(v, r, rarezas)) }, rarezas));
  }
  if (problemas.length > 0) return err(problemas);
  return ok({
    archivo,
    codificacion,
    eleccion,
    ...(corte ? { corte } : {}),
    ...(c.linea !== undefined ? { lineaCorte: c.linea } : {}),
    resumen,
    ...(lineaResumen !== undefined ? { lineaResumen } : {}),
    columnas,
    votos,
    ignoradas,
    filas,
    lineaEncabezado: encabezado.line,
    posEncabezado,
    avisos: rarezas.avisos(),
  });
}

/**
 * One vote column per name: a later column with an earlier one's name (IEE Puebla 2019 AYUN repeats C_PT_MORENA
 * and others, each filled in other municipios and `-` elsewhere) is joined to the first, and every row is read
 * from whichever of them is not `-` (celdaDeVoto).
 */
function unirRepetidas(votos: readonly ColumnaVoto[], rarezas: Rarezas, encabezado: CsvRecord): ColumnaVoto[] {
  const porNombre = new Map<string, ColumnaVoto>();
  const unicas: ColumnaVoto[] = [];
  for (const v of votos) {
    const primera = porNombre.get(v.nombre);
    if (!primera) {
      const copia = { ...v };
      porNombre.set(v.nombre, copia);
      unicas.push(copia);
      continue;
    }
    primera.repetidas = [...(primera.repetidas ?? []), v.indice];
    avisoRepetida(
      rarezas,
      encabezado,
      v.indice,
      `la columna de votos ${v.original} está repetida (también en la columna ${primera.columna}): en cada fila se lee la que no trae «-»; si las dos traen votos, la primera`,
    );
  }
  return unicas;
}

/** A vote cell of a row: of a repeated column, the first cell that applies (not `-`), with a warning if another one also does. */
function celdaDeVoto(v: ColumnaVoto, r: CsvRecord, rarezas: Rarezas): string {
  const celda = (i: number) => limpiarCelda(r.fields[i]!.value);
  if (!v.repetidas) return celda(v.indice);
  const conValor = [v.indice, ...v.repetidas].filter((i) => !esNoAplica(celda(i)));
  if (conValor.length > 1) {
    const f = r.fields[conValor[1]!]!;
    const columnas = conValor.map((i) => r.fields[i]!.column).join(' y ');
    rarezas.anotar('COLUMNA_REPETIDA_CON_VOTOS', `la fila trae votos de ${v.original} en las columnas ${columnas}: se lee la primera (columna ${r.fields[conValor[0]!]!.column})`, f.line, f.column);
  }
  return celda(conValor[0] ?? v.indice);
}

function avisoRepetida(rarezas: Rarezas, encabezado: CsvRecord, i: number, mensaje: string): void {
  rarezas.anotar('COLUMNA_REPETIDA', mensaje, encabezado.line, encabezado.fields[i]!.column, `COLUMNA_REPETIDA:${i}`);
}

/** Cells beyond the header: a separator that ends every row (IEE Puebla 2019 AYUN), or data without a column. */
function avisarSobrantes(rarezas: Rarezas, r: CsvRecord, n: number): void {
  const extra = r.fields.slice(n);
  const f = extra[0]!;
  if (extra.every((x) => x.value.trim() === '')) {
    rarezas.anotar('SEPARADOR_FINAL', 'la fila termina con un separador de más (un campo vacío sin columna): se ignora', r.line, f.column);
  } else {
    rarezas.anotar('CAMPOS_DE_MAS', `la fila tiene ${r.fields.length} campos y el encabezado ${n}: se ignoran los que no tienen columna`, r.line, f.column);
  }
}

export { CIFRAS_RESUMEN };
