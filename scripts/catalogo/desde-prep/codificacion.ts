/**
 * Where a published file stops being UTF-8: it is read as Latin-1 (Windows-1252) then, and the warning points at
 * the first byte that made it so (line and column of the text as read, one character per byte), so an
 * institute's staff can see which character their export wrote in the old encoding.
 */
import { primerByteNoUtf8 } from '../../../worker/domain/csv/index.ts';

export interface PrimerByteNoUtf8 {
  linea: number;
  columna: number;
  /** `0xE1 («á» en Windows-1252)`. */
  descripcion: string;
}

/** Line and column (1-based; CRLF, CR and LF end a line, as the CSV reader counts) of the first non-UTF-8 byte. */
export function primerByteLatin1(bytes: Uint8Array): PrimerByteNoUtf8 | undefined {
  const at = primerByteNoUtf8(bytes);
  if (at < 0) return undefined;
  let linea = 1;
  let inicio = 0;
  for (let i = 0; i < at; i++) {
    const b = bytes[i]!;
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
      linea++;
      inicio = i + 1;
    }
  }
  const byte = bytes[at]!;
  const caracter = new TextDecoder('windows-1252').decode(bytes.subarray(at, at + 1));
  return { linea, columna: at - inicio + 1, descripcion: `0x${byte.toString(16).toUpperCase().padStart(2, '0')} («${caracter}» en Windows-1252)` };
}
