/**
 * Bytes of a published PREP file → CSV records. Unlike the institute's own catalogue files (strict RFC 4180,
 * worker/domain/csv), a published database is a fact to be read as it is: Latin-1, an Excel `sep=|` first line
 * and `|` separators, keys written as Excel formulas `="230085B0100"`. Each of these is read past with a warning
 * naming the rule applied; a file in another dialect (`;`, tabs) or structurally broken is still refused.
 */
import { decodeCsvBytes, isBlank, parseCsv, wrongDelimiter, type CsvRareza, type CsvRecord } from '../../../worker/domain/csv/index.ts';
import type { ProblemaArchivo } from '../../../worker/domain/catalogo/archivos/problemas.ts';
import { err, ok, type Result } from '../../../worker/domain/resultado.ts';
import { primerByteLatin1 } from './codificacion.ts';
import { Rarezas } from './rarezas.ts';

export interface RegistrosPrep {
  registros: CsvRecord[];
  codificacion: 'utf-8' | 'latin1';
  /** The quirks read past (one warning per kind). */
  avisos: ProblemaArchivo[];
}

/** Excel's hint line `sep=|`: the file's separator, written before the data. */
const SEP_EXCEL = /^sep=(.)\r?$/;

/** The separator of a text: the one its `sep=` line names, else the comma. */
function separadorDeclarado(texto: string): string | undefined {
  const primera = texto.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, 1)[0] ?? '';
  return SEP_EXCEL.exec(primera)?.[1];
}

const MENSAJE_RAREZA: Record<CsvRareza['codigo'], string> = {
  FORMULA_EXCEL: 'celda escrita como fórmula de Excel (="…"): se leyó el texto entre comillas',
  COMILLA_LITERAL: 'comilla (") dentro de un campo sin comillas: se conservó como parte del texto',
};

function parsear(texto: string, delimiter: string, rarezas: Rarezas) {
  const encontradas: CsvRareza[] = [];
  const csv = parseCsv(texto, { delimiter, tolerante: true, rarezas: encontradas });
  for (const r of encontradas) rarezas.anotar(r.codigo, MENSAJE_RAREZA[r.codigo], r.line, r.column);
  return csv;
}

/** A file read as Latin-1 (results or candidaturas alike): said at its first byte that is not UTF-8. */
function avisarLatin1(bytes: Uint8Array, codificacion: 'utf-8' | 'latin1', rarezas: Rarezas): void {
  if (codificacion !== 'latin1') return;
  const p = primerByteLatin1(bytes);
  const donde = p ? ` (el primer byte que no lo es: ${p.descripcion})` : '';
  rarezas.anotar('CODIFICACION', `el archivo no es UTF-8${donde}: se leyó como Latin-1 (Windows-1252)`, p?.linea ?? 1, p?.columna ?? 1);
}

export function leerRegistrosPrep(archivo: string, bytes: Uint8Array): Result<RegistrosPrep, ProblemaArchivo> {
  const dec = decodeCsvBytes(bytes, { latin1: true });
  if (!dec.ok) return err({ archivo, linea: dec.error.line, columna: dec.error.column, codigo: dec.error.codigo, mensaje: dec.error.mensaje });
  let rarezas = new Rarezas(archivo);
  avisarLatin1(bytes, dec.value.codificacion, rarezas);
  const declarado = separadorDeclarado(dec.value.texto);
  if (declarado !== undefined) {
    rarezas.anotar('SEPARADOR', `primera línea «sep=${declarado}» (indicación para Excel): se usó «${declarado}» como separador y se omitió la línea`, 1, 1);
  }
  const delimiter = declarado ?? ',';
  let csv = parsear(dec.value.texto, delimiter, rarezas);
  if (!csv.ok) return err({ archivo, linea: csv.error.line, columna: csv.error.column, codigo: csv.error.codigo, mensaje: csv.error.mensaje });
  let registros = csv.value.filter((r) => !isBlank(r) && !(r.line === 1 && declarado !== undefined));
  if (registros.length === 0) return err({ archivo, codigo: 'VACIO', mensaje: 'el archivo está vacío' });
  // A file separated by something else parses as one field per line: `|` is a PREP dialect, `;` and tabs are not.
  if (!registros.some((r) => r.fields.length > 1)) {
    const d = registros.map((r) => wrongDelimiter(r, delimiter)).find((x) => x !== null);
    if (d && delimiter === ',' && d.mensaje.includes('(|)')) {
      // The quirks met while reading with commas were not the file's: only the `|` reading's count.
      rarezas = new Rarezas(archivo);
      avisarLatin1(bytes, dec.value.codificacion, rarezas);
      csv = parsear(dec.value.texto, '|', rarezas);
      if (!csv.ok) return err({ archivo, linea: csv.error.line, columna: csv.error.column, codigo: csv.error.codigo, mensaje: csv.error.mensaje });
      registros = csv.value.filter((r) => !isBlank(r));
      rarezas.anotar('SEPARADOR', 'el archivo está separado por barra vertical (|), no por comas: se leyó con «|»', d.line, d.column);
    } else if (d) {
      return err({ archivo, linea: d.line, columna: d.column, codigo: d.codigo, mensaje: d.mensaje });
    }
  }
  return ok({ registros, codificacion: dec.value.codificacion, avisos: rarezas.avisos() });
}
