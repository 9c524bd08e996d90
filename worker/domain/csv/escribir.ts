/**
 * RFC 4180 CSV writer: the normalized form this project writes (catalogue export, derived files).
 * A field is quoted only when it must be: it holds the delimiter, a quote, a line break, or blanks at either
 * end (which a reader that trims would otherwise lose). Inner quotes are doubled. Every record ends with the
 * line end, the last one included.
 */
export interface WriteOptions {
  delimiter?: string;
  /** Default CRLF, as RFC 4180 says. */
  eol?: '\r\n' | '\n';
  /** Start with a UTF-8 byte order mark (so spreadsheets read accents right). Default false. */
  bom?: boolean;
}

export function csvField(value: string, delimiter = ','): string {
  const needs =
    value.includes(delimiter) ||
    value.includes('"') ||
    value.includes('\n') ||
    value.includes('\r') ||
    (value.length > 0 && (value.trim() !== value));
  return needs ? `"${value.replaceAll('"', '""')}"` : value;
}

export function writeCsv(rows: readonly (readonly string[])[], opts: WriteOptions = {}): string {
  const d = opts.delimiter ?? ',';
  const eol = opts.eol ?? '\r\n';
  let out = opts.bom ? '\uFEFF' : '';
  for (const r of rows) out += r.map((v) => csvField(v, d)).join(d) + eol;
  return out;
}
