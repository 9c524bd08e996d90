/**
 * RFC 4180 CSV reader. Pure and total: it never throws on bad input, it returns every record with the line and
 * column where each field starts (1-based, columns in UTF-16 code units, as editors show them), or the first
 * problem that makes the rest unreadable (a quoted field that never closes — the mark of a truncated file —,
 * a stray quote, a file separated by `;` or tabs instead of commas).
 *
 * Accepted: CRLF, LF or a lone CR as line ends (mixed too); a leading BOM (ignored); a final line with or
 * without a line end; quoted fields with `""` escapes, delimiters and line breaks inside. Not accepted: text
 * between a closing quote and the next delimiter, a quote inside an unquoted field — unless the caller asks for
 * `tolerante` (published PREP databases, never the institute's own catalogue): then an Excel text formula
 * `="01"` is read as its text and any other stray quote is kept literally, and each is reported in `rarezas`.
 */
import { err, ok, type Result } from '../resultado.ts';

export type CsvErrorCodigo =
  | 'BINARIO'
  | 'CODIFICACION'
  | 'VACIO'
  | 'DELIMITADOR'
  | 'COMILLA_SIN_CERRAR'
  | 'COMILLA_INESPERADA';

export interface CsvError {
  codigo: CsvErrorCodigo;
  /** Spanish, without the location (callers prefix `archivo:línea:columna`). */
  mensaje: string;
  line: number;
  column: number;
}

export interface CsvField {
  value: string;
  line: number;
  column: number;
  quoted: boolean;
}

export interface CsvRecord {
  /** Line where the record starts. */
  line: number;
  fields: CsvField[];
}

/** A quirk the tolerant mode accepted instead of refusing: where, and what it did. */
export interface CsvRareza {
  codigo: 'FORMULA_EXCEL' | 'COMILLA_LITERAL';
  line: number;
  column: number;
}

export interface ParseOptions {
  delimiter?: string;
  /** Accept `="…"` cells and stray quotes (reported in `rarezas`) instead of refusing the file. */
  tolerante?: boolean;
  /** Filled with every quirk the tolerant mode accepted, in file order. */
  rarezas?: CsvRareza[];
}

const QUOTE = 34; // "
const CR = 13;
const LF = 10;

/** True for a record with no content: an empty line, or only delimiters (rows spreadsheets leave behind). */
export function isBlank(r: CsvRecord): boolean {
  return r.fields.every((f) => f.value.trim() === '' && !f.quoted);
}

/** Parses the whole text. Stops at the first structural error (later positions would be meaningless). */
export function parseCsv(input: string, opts: ParseOptions = {}): Result<CsvRecord[], CsvError> {
  const delim = opts.delimiter ?? ',';
  if (delim.length !== 1 || delim === '"' || delim === '\n' || delim === '\r') throw new Error(`invalid delimiter ${JSON.stringify(delim)}`);
  const D = delim.charCodeAt(0);
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const n = text.length;
  const records: CsvRecord[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  while (i < n) {
    const recLine = line;
    const fields: CsvField[] = [];
    // One record.
    for (;;) {
      const fLine = line;
      const fCol = i - lineStart + 1;
      if (i < n && text.charCodeAt(i) === QUOTE) {
        // Quoted field.
        let value = '';
        let j = i + 1;
        let segStart = j;
        for (;;) {
          if (j >= n) {
            return err({
              codigo: 'COMILLA_SIN_CERRAR',
              line: fLine,
              column: fCol,
              mensaje: 'las comillas abiertas aquí no se cierran antes del fin del archivo (¿archivo truncado?)',
            });
          }
          const c = text.charCodeAt(j);
          if (c === QUOTE) {
            if (j + 1 < n && text.charCodeAt(j + 1) === QUOTE) {
              value += text.slice(segStart, j + 1);
              j += 2;
              segStart = j;
              continue;
            }
            value += text.slice(segStart, j);
            j++;
            break;
          }
          if (c === CR || c === LF) {
            if (c === CR && j + 1 < n && text.charCodeAt(j + 1) === LF) j++;
            line++;
            lineStart = j + 1;
          }
          j++;
        }
        fields.push({ value, line: fLine, column: fCol, quoted: true });
        i = j;
        if (i < n) {
          const c = text.charCodeAt(i);
          if (c !== D && c !== CR && c !== LF) {
            return err({
              codigo: 'COMILLA_INESPERADA',
              line,
              column: i - lineStart + 1,
              mensaje: `después de cerrar comillas se esperaba «${delim}» o fin de línea`,
            });
          }
        }
      } else if (opts.tolerante && esFormulaExcel(text, i, D)) {
        // `="230085B0100"`: Excel's way to keep a key as text; the value is what the formula shows.
        const fin = text.indexOf('"', i + 2);
        fields.push({ value: text.slice(i + 2, fin), line: fLine, column: fCol, quoted: true });
        opts.rarezas?.push({ codigo: 'FORMULA_EXCEL', line: fLine, column: fCol });
        i = fin + 1;
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === D || c === CR || c === LF) break;
          if (c === QUOTE && opts.tolerante) {
            opts.rarezas?.push({ codigo: 'COMILLA_LITERAL', line, column: j - lineStart + 1 });
          } else if (c === QUOTE) {
            return err({
              codigo: 'COMILLA_INESPERADA',
              line,
              column: j - lineStart + 1,
              mensaje: 'comilla (") dentro de un campo sin comillas: encierre el campo entre comillas y duplique las interiores ("")',
            });
          }
          j++;
        }
        fields.push({ value: text.slice(i, j), line: fLine, column: fCol, quoted: false });
        i = j;
      }
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === D) {
        i++;
        if (i >= n) {
          fields.push({ value: '', line, column: i - lineStart + 1, quoted: false });
          break;
        }
        continue;
      }
      // Line end.
      if (c === CR && i + 1 < n && text.charCodeAt(i + 1) === LF) i++;
      i++;
      line++;
      lineStart = i;
      break;
    }
    records.push({ line: recLine, fields });
  }
  return ok(records);
}

/** True when a field starting at `i` is exactly `="text"` (no quote inside) followed by a delimiter or line end. */
function esFormulaExcel(text: string, i: number, D: number): boolean {
  if (text.charCodeAt(i) !== 61 || text.charCodeAt(i + 1) !== QUOTE) return false;
  const fin = text.indexOf('"', i + 2);
  if (fin < 0) return false;
  const interior = text.slice(i + 2, fin);
  if (/[\r\n]/.test(interior)) return false;
  const despues = text.charCodeAt(fin + 1);
  return fin + 1 >= text.length || despues === D || despues === CR || despues === LF;
}

const OTROS_DELIMITADORES: { d: string; nombre: string }[] = [
  { d: ';', nombre: 'punto y coma (;)' },
  { d: '\t', nombre: 'tabulador' },
  { d: '|', nombre: 'barra vertical (|)' },
];

/**
 * Detects a file written with another delimiter: its header parses as a single field that holds `;`, a tab
 * or `|`. Returns the problem to report, or null.
 */
export function wrongDelimiter(header: CsvRecord, expected = ','): CsvError | null {
  if (header.fields.length !== 1) return null;
  const v = header.fields[0]!.value;
  const hits = OTROS_DELIMITADORES.filter((o) => o.d !== expected && v.includes(o.d)).map((o) => ({
    ...o,
    veces: v.split(o.d).length - 1,
  }));
  if (hits.length === 0) return null;
  hits.sort((a, b) => b.veces - a.veces);
  return {
    codigo: 'DELIMITADOR',
    line: header.line,
    column: header.fields[0]!.column,
    mensaje: `el archivo está separado por ${hits[0]!.nombre}; se espera coma (,): expórtelo como «CSV (delimitado por comas)»`,
  };
}
