/**
 * Bytes of a CSV file → text. Catalogue files must be UTF-8 (with or without BOM); published PREP databases
 * may also be Latin-1 (Windows-1252), which callers opt into. Binary files (a zip, an Excel workbook, a PDF,
 * anything with NUL bytes) are refused with a message that says what the file looks like, so a user who
 * picked the wrong file learns it at once. Pure: Web-standard `TextDecoder` only.
 */
import { err, ok, type Result } from '../resultado.ts';
import type { CsvError } from './leer.ts';

export type Codificacion = 'utf-8' | 'latin1';

export interface TextoDecodificado {
  texto: string;
  codificacion: Codificacion;
  /** The file started with a UTF-8 byte order mark (removed from `texto`). */
  bom: boolean;
}

const BOM = [0xef, 0xbb, 0xbf] as const;

/** Well-known signatures of files people mistake for CSV. */
const FIRMAS: { bytes: readonly number[]; que: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], que: 'un archivo ZIP (o una hoja de Excel .xlsx): descomprímalo o guárdelo como «CSV UTF-8»' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], que: 'una hoja de Excel antigua (.xls): guárdela como «CSV UTF-8»' },
  { bytes: [0x25, 0x50, 0x44, 0x46], que: 'un PDF' },
  { bytes: [0x1f, 0x8b], que: 'un archivo comprimido con gzip' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], que: 'una imagen PNG' },
  { bytes: [0xff, 0xd8, 0xff], que: 'una imagen JPEG' },
];

function empiezaCon(bytes: Uint8Array, firma: readonly number[]): boolean {
  return firma.length <= bytes.length && firma.every((b, i) => bytes[i] === b);
}

/** Line and column (1-based) of byte offset `at`, counting columns in characters of the valid prefix. */
function posicionDeByte(bytes: Uint8Array, at: number, desde: number): { line: number; column: number } {
  let line = 1;
  let inicioLinea = desde;
  for (let i = desde; i < at; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      inicioLinea = i + 1;
    }
  }
  const prefijo = new TextDecoder('utf-8').decode(bytes.subarray(inicioLinea, at));
  return { line, column: prefijo.length + 1 };
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence, or -1. */
export function primerByteNoUtf8(bytes: Uint8Array, desde = 0): number {
  let i = desde;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      n = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      n = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      n = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

/** Share of bytes that are control characters no text file has (NUL, and C0 other than TAB, LF, FF, CR). */
function pareceBinario(bytes: Uint8Array): { binario: boolean; at: number } {
  const n = Math.min(bytes.length, 64 * 1024);
  let raros = 0;
  let primero = -1;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return { binario: true, at: i };
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) {
      raros++;
      if (primero < 0) primero = i;
    }
  }
  return { binario: n > 0 && raros * 100 > n, at: primero };
}

/**
 * Decodes a CSV file. UTF-8 (a BOM is removed and reported); with `latin1: true`, bytes that are not UTF-8
 * are read as Latin-1 (Windows-1252) instead of being refused.
 */
export function decodeCsvBytes(bytes: Uint8Array, opts: { latin1?: boolean } = {}): Result<TextoDecodificado, CsvError> {
  for (const f of FIRMAS) {
    if (empiezaCon(bytes, f.bytes)) {
      return err({ codigo: 'BINARIO', line: 1, column: 1, mensaje: `no es un archivo de texto CSV: parece ${f.que}` });
    }
  }
  const bin = pareceBinario(bytes);
  if (bin.binario) {
    const pos = posicionDeByte(bytes, Math.max(bin.at, 0), 0);
    return err({ codigo: 'BINARIO', ...pos, mensaje: 'no es un archivo de texto CSV: contiene bytes binarios (¿eligió el archivo correcto?)' });
  }
  const bom = empiezaCon(bytes, BOM);
  const desde = bom ? BOM.length : 0;
  const malo = primerByteNoUtf8(bytes, desde);
  if (malo < 0) {
    return ok({ texto: new TextDecoder('utf-8').decode(bytes.subarray(desde)), codificacion: 'utf-8', bom });
  }
  if (opts.latin1 && !bom) {
    return ok({ texto: new TextDecoder('windows-1252').decode(bytes), codificacion: 'latin1', bom: false });
  }
  const pos = posicionDeByte(bytes, malo, desde);
  return err({
    codigo: 'CODIFICACION',
    ...pos,
    mensaje: `el archivo no está en UTF-8 (byte 0x${bytes[malo]!.toString(16).toUpperCase().padStart(2, '0')}): guárdelo como «CSV UTF-8»`,
  });
}
