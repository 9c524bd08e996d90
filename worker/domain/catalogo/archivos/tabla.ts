/**
 * One CSV file of the catalogue read as a table: bytes → text → records → a header that names known columns →
 * rows whose cells are converted and then parsed with a zod schema at the boundary. Every problem carries the
 * file, line and column; a bad row is reported and left out, the other rows are still read, so all problems
 * of all files come out at once.
 */
import type { z } from 'zod';
import { decodeCsvBytes, isBlank, parseCsv, wrongDelimiter, type CsvRecord } from '../../csv/index.ts';
import type { ProblemaArchivo } from './problemas.ts';

export interface Pos {
  linea: number;
  columna: number;
}

export interface ColumnaSpec {
  /** Header as written in the file (upper case). */
  nombre: string;
  /** Field of the zod row schema it fills. */
  campo: string;
  requerida: boolean;
  /** What a valid value looks like, in Spanish, for messages and docs ("entero ≥ 0"). */
  formato: string;
  /** Cell text (trimmed) → the value given to the schema; `undefined` for an empty cell. */
  leer: (texto: string) => unknown;
  /** Value used when the column is absent or the cell empty (optional columns only). */
  porDefecto?: (fila: number) => unknown;
  /** Documentation (Spanish). */
  doc: string;
}

export interface FilaLeida<T> {
  linea: number;
  valor: T;
  /** Where each field's cell starts, by schema field. */
  pos: Record<string, Pos>;
}

export interface TablaLeida<T> {
  filas: FilaLeida<T>[];
  problemas: ProblemaArchivo[];
  /** The file's structure could not be read (decoding, CSV syntax, header): no rows at all. */
  ilegible: boolean;
  /** Data rows including the bad ones (so callers know the file was not empty). */
  totalFilas: number;
}

// ---- cell readers -------------------------------------------------------------------------------------------

/** Integer text → number; decimals become a (non-integer) number so the schema says "entero"; other text stays text. */
export function leerEntero(t: string): unknown {
  if (t === '') return undefined;
  if (/^[+-]?\d+$/.test(t)) return Number(t);
  if (/^[+-]?(\d+[.,]\d*|[.,]\d+)$/.test(t)) return Number(t.replace(',', '.'));
  return t;
}

export function leerTexto(t: string): unknown {
  return t === '' ? undefined : t;
}

/** Codes are case-insensitive in the files and upper case in the catalogue. */
export function leerCodigo(t: string): unknown {
  return t === '' ? undefined : t.toUpperCase();
}

export function leerMinusculas(t: string): unknown {
  return t === '' ? undefined : t.toLowerCase();
}

/** `PAN+PRI+PRD` → ['PAN', 'PRI', 'PRD'] (upper case; blanks around `+` ignored). */
export function leerLista(t: string): unknown {
  if (t === '') return undefined;
  return t.split('+').map((x) => x.trim().toUpperCase());
}

export const SEPARADOR_LISTA = '+';

// ---- the table reader ---------------------------------------------------------------------------------------

/** Normalized header text: trimmed, upper case, one leading apostrophe and surrounding quotes dropped. */
export function normalizarEncabezado(h: string): string {
  return h.trim().replace(/^'/, '').toUpperCase();
}

function problema(archivo: string, p: Pos | undefined, codigo: string, mensaje: string, campo?: string): ProblemaArchivo {
  return { archivo, ...(p ? { linea: p.linea, columna: p.columna } : {}), ...(campo ? { campo } : {}), codigo, mensaje };
}

/** The file's records after decoding, or the problem that stops it. Blank records are dropped. */
export function leerRegistros(archivo: string, bytes: Uint8Array): { registros: CsvRecord[] } | { problema: ProblemaArchivo } {
  const dec = decodeCsvBytes(bytes);
  if (!dec.ok) return { problema: problema(archivo, { linea: dec.error.line, columna: dec.error.column }, dec.error.codigo, dec.error.mensaje) };
  const csv = parseCsv(dec.value.texto);
  if (!csv.ok) return { problema: problema(archivo, { linea: csv.error.line, columna: csv.error.column }, csv.error.codigo, csv.error.mensaje) };
  return { registros: csv.value.filter((r) => !isBlank(r)) };
}

/** Spanish message for a schema issue on one cell: what was expected and what was read. */
function mensajeValor(col: ColumnaSpec, crudo: string): string {
  return crudo === '' ? `falta ${col.nombre} (${col.formato})` : `${col.nombre}: se esperaba ${col.formato}; se leyó «${crudo}»`;
}

export function leerTabla<S extends z.ZodType>(
  archivo: string,
  bytes: Uint8Array,
  columnas: readonly ColumnaSpec[],
  schema: S,
  opts: { columnasAlternativas?: readonly (readonly string[])[] } = {},
): TablaLeida<z.infer<S>> {
  const out: TablaLeida<z.infer<S>> = { filas: [], problemas: [], ilegible: true, totalFilas: 0 };
  const reg = leerRegistros(archivo, bytes);
  if ('problema' in reg) {
    out.problemas.push(reg.problema);
    return out;
  }
  const [header, ...datos] = reg.registros;
  if (!header) {
    out.problemas.push(
      problema(archivo, undefined, 'VACIO', `el archivo está vacío: debe empezar con el encabezado ${columnas.filter((c) => c.requerida).map((c) => c.nombre).join(',')}`),
    );
    return out;
  }
  const delim = wrongDelimiter(header);
  if (delim) {
    out.problemas.push(problema(archivo, { linea: delim.line, columna: delim.column }, delim.codigo, delim.mensaje));
    return out;
  }
  // Header → index of each known column. Empty cells at the end of the header (spreadsheets leave them) are
  // not columns.
  const indice = new Map<string, number>();
  let encabezadoMalo = false;
  let ancho = header.fields.length;
  while (ancho > 1 && header.fields[ancho - 1]!.value.trim() === '') ancho--;
  header.fields.slice(0, ancho).forEach((f, i) => {
    const nombre = normalizarEncabezado(f.value);
    const pos = { linea: f.line, columna: f.column };
    if (nombre === '') {
      out.problemas.push(problema(archivo, pos, 'ENCABEZADO', `la columna ${i + 1} del encabezado no tiene nombre`));
      encabezadoMalo = true;
    } else if (!columnas.some((c) => c.nombre === nombre)) {
      out.problemas.push(
        problema(archivo, pos, 'COLUMNA_DESCONOCIDA', `columna desconocida «${f.value.trim()}»; las columnas de este archivo son ${columnas.map((c) => c.nombre).join(', ')}`, nombre),
      );
      encabezadoMalo = true;
    } else if (indice.has(nombre)) {
      out.problemas.push(problema(archivo, pos, 'COLUMNA_REPETIDA', `la columna ${nombre} aparece dos veces en el encabezado`, nombre));
      encabezadoMalo = true;
    } else indice.set(nombre, i);
  });
  const alternativas = opts.columnasAlternativas ?? [];
  for (const c of columnas) {
    if (!c.requerida || indice.has(c.nombre)) continue;
    const grupo = alternativas.find((g) => g.includes(c.nombre));
    if (grupo?.some((n) => indice.has(n))) continue;
    out.problemas.push(
      problema(archivo, { linea: header.line, columna: 1 }, 'COLUMNA_FALTANTE', `falta la columna ${grupo ? grupo.join(' o ') : c.nombre} en el encabezado`, c.nombre),
    );
    encabezadoMalo = true;
  }
  if (encabezadoMalo) return out;
  out.ilegible = false;
  out.totalFilas = datos.length;

  datos.forEach((r, k) => {
    const numero = k + 1;
    const n = ancho;
    const extras = r.fields.slice(n);
    if (r.fields.length < n || extras.some((f) => f.value.trim() !== '')) {
      const ultimo = r.fields[Math.min(r.fields.length, n + 1) - 1]!;
      out.problemas.push(
        problema(
          archivo,
          { linea: r.line, columna: r.fields.length < n ? 1 : ultimo.column },
          'CAMPOS',
          `la fila tiene ${r.fields.filter((f, i) => i < n || f.value.trim() !== '').length} campos y el encabezado ${n}` +
            (r.fields.length < n && k === datos.length - 1 ? ' (¿archivo truncado?)' : ''),
        ),
      );
      return;
    }
    const valores: Record<string, unknown> = {};
    const pos: Record<string, Pos> = {};
    const crudos: Record<string, string> = {};
    for (const c of columnas) {
      const i = indice.get(c.nombre);
      const f = i === undefined ? undefined : r.fields[i];
      const texto = f ? f.value.trim() : '';
      pos[c.campo] = f ? { linea: f.line, columna: f.column } : { linea: r.line, columna: 1 };
      crudos[c.campo] = texto;
      let v = texto === '' ? undefined : c.leer(texto);
      if (v === undefined && c.porDefecto && (f === undefined || !c.requerida)) v = c.porDefecto(numero);
      if (v !== undefined) valores[c.campo] = v;
    }
    const parsed = schema.safeParse(valores);
    if (!parsed.success) {
      const vistos = new Set<string>();
      for (const issue of parsed.error.issues) {
        const campo = String(issue.path[0] ?? '');
        if (vistos.has(campo)) continue;
        vistos.add(campo);
        const col = columnas.find((c) => c.campo === campo);
        if (col) out.problemas.push(problema(archivo, pos[campo], 'VALOR', mensajeValor(col, crudos[campo] ?? ''), col.nombre));
        else out.problemas.push(problema(archivo, { linea: r.line, columna: 1 }, 'VALOR', `fila inválida: ${issue.message}`));
      }
      return;
    }
    out.filas.push({ linea: r.line, valor: parsed.data, pos });
  });
  return out;
}
