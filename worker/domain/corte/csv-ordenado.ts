/**
 * The tidy ("ordenado") results CSV of one election, beside INE's layout: what pandas, R or a spreadsheet loads
 * without options. Made from the INE rows themselves (csv-resultados.ts), cell by cell, so both files always say
 * the same thing:
 *   - one header line (no title lines, no summary, no BOM), RFC 4180, CRLF;
 *   - CLAVE_CASILLA and CLAVE_ACTA without the leading apostrophe;
 *   - FECHA_HORA_* in ISO 8601 with the entidad's offset (`2024-06-02T20:15:03-06:00`);
 *   - an empty cell wherever INE's layout has `-` (does not apply, not registered yet);
 *   - a captured number that reads `Ilegible` or `Sin dato` is an empty cell too, and its column is named in
 *     CAMPOS_ILEGIBLES or CAMPOS_SIN_DATO (separated by `;`), so every numeric column holds numbers only.
 * A corte keeps each election's tidy rows with the INE row they came from (`filasOrdenadas`): only the rows of
 * the actas that moved are transformed again.
 */
import { assert } from '../assert.ts';
import { csvField } from '../csv/escribir.ts';
import { cabeceraDatos, COLUMNAS_CATALOGO, EOL, GUION, TOTALES_INICIALES } from './csv-resultados.ts';
import type { EleccionModelo } from './modelo.ts';

/** The two columns after INE's: which captured numbers were unreadable or empty on the acta. */
export const COLUMNAS_ESTADO = ['CAMPOS_ILEGIBLES', 'CAMPOS_SIN_DATO'] as const;

const ILEGIBLE = 'Ilegible';
const SIN_DATO = 'Sin dato';
const CLAVES = ['CLAVE_CASILLA', 'CLAVE_ACTA'];
const FECHAS = ['FECHA_HORA_ACOPIO', 'FECHA_HORA_CAPTURA', 'FECHA_HORA_VERIFICACION'];

/** Where each kind of cell sits in an election's rows. */
export interface FormaOrdenada {
  cabecera: readonly string[];
  ancho: number;
  claves: ReadonlySet<number>;
  fechas: ReadonlySet<number>;
  /** Captured numbers (totals and votes) that may read `Ilegible` / `Sin dato`. */
  cifras: ReadonlySet<number>;
  /** `-06:00`. */
  offset: string;
}

/** `-06:00`, `+05:30`, `+00:00`: ISO 8601's form of a UTC offset in minutes. */
export function offsetIso(minutos: number): string {
  const abs = Math.abs(minutos);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${minutos < 0 ? '-' : '+'}${p2(Math.floor(abs / 60))}:${p2(abs % 60)}`;
}

export function formaOrdenada(em: EleccionModelo, utcOffsetMinutes: number): FormaOrdenada {
  return formaDeCabecera(cabeceraDatos(em), utcOffsetMinutes);
}

/**
 * The same from INE's data header as read from a published file (the verifier has no catalogue model): the
 * captured numbers run from the first total (after the catalogue columns) to TOTAL_VOTOS_ASENTADO.
 */
export function formaDeCabecera(ine: readonly string[], utcOffsetMinutes: number): FormaOrdenada {
  const indices = (nombres: readonly string[]) => new Set(nombres.map((n) => ine.indexOf(n)));
  const primera = ine.indexOf(TOTALES_INICIALES[0]);
  const ultima = ine.indexOf('TOTAL_VOTOS_ASENTADO');
  assert(primera === COLUMNAS_CATALOGO.length && ultima > primera, 'encabezado de datos sin los totales del acta');
  const cifras = new Set(Array.from({ length: ultima - primera + 1 }, (_, i) => primera + i));
  return { cabecera: [...ine, ...COLUMNAS_ESTADO], ancho: ine.length, claves: indices(CLAVES), fechas: indices(FECHAS), cifras, offset: offsetIso(utcOffsetMinutes) };
}

/** The cells of one RFC 4180 row as written by csv-resultados.ts (quotes only around cells that need them). */
export function celdasFila(fila: string): string[] {
  if (!fila.includes('"')) return fila.split(',');
  const celdas: string[] = [];
  let i = 0;
  while (i <= fila.length) {
    if (fila[i] === '"') {
      let valor = '';
      i++;
      for (;;) {
        const j = fila.indexOf('"', i);
        assert(j >= 0, 'fila CSV con comillas sin cerrar');
        valor += fila.slice(i, j);
        if (fila[j + 1] !== '"') {
          i = j + 2;
          break;
        }
        valor += '"';
        i = j + 2;
      }
      celdas.push(valor);
    } else {
      const j = fila.indexOf(',', i);
      const fin = j < 0 ? fila.length : j;
      celdas.push(fila.slice(i, fin));
      i = fin + 1;
    }
  }
  return celdas;
}

/** `DD/MM/AAAA HH:MM:SS` (the entidad's local time) as ISO 8601 with its offset. */
export function fechaIso(celda: string, offset: string): string {
  const m = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}:\d{2}:\d{2})$/.exec(celda);
  assert(m !== null, `fecha con un formato inesperado: ${celda}`);
  return `${m[3]}-${m[2]}-${m[1]}T${m[4]}${offset}`;
}

/** One INE row as a tidy row. */
export function filaOrdenada(fila: string, forma: FormaOrdenada): string {
  const celdas = celdasFila(fila);
  assert(celdas.length === forma.ancho, `fila con ${celdas.length} celdas; se esperaban ${forma.ancho}`);
  const ilegibles: string[] = [];
  const sinDato: string[] = [];
  const salida = celdas.map((c, i) => {
    if (c === GUION) return '';
    if (forma.claves.has(i)) return c.startsWith("'") ? c.slice(1) : c;
    if (forma.fechas.has(i)) return fechaIso(c, forma.offset);
    if (forma.cifras.has(i) && (c === ILEGIBLE || c === SIN_DATO)) {
      (c === ILEGIBLE ? ilegibles : sinDato).push(forma.cabecera[i]!);
      return '';
    }
    return csvField(c);
  });
  salida.push(ilegibles.join(';'), sinDato.join(';'));
  return salida.join(',');
}

/** The tidy file's one header line (without its line end). */
export function cabeceraOrdenada(forma: FormaOrdenada): string {
  return forma.cabecera.join(',');
}

/** The whole tidy file from its tidy rows. */
export function csvOrdenado(forma: FormaOrdenada, filas: readonly string[]): string {
  const partes = [cabeceraOrdenada(forma), EOL];
  if (filas.length > 0) partes.push(filas.join(EOL), EOL);
  return partes.join('');
}

interface Guardadas {
  fuentes: readonly string[];
  filas: readonly string[];
}

const guardadasPorEstado = new WeakMap<object, Map<string, Guardadas>>();

/**
 * The tidy rows of `fuentes` (an election's INE rows, in file order), reusing those kept in `estado` for rows
 * that did not change since the previous corte (the same string: the state keeps an unchanged acta's row).
 */
export function filasOrdenadas(estado: object, codigo: string, fuentes: readonly string[], forma: FormaOrdenada): string[] {
  let porEleccion = guardadasPorEstado.get(estado);
  if (porEleccion === undefined) guardadasPorEstado.set(estado, (porEleccion = new Map()));
  const previas = porEleccion.get(codigo);
  const filas = fuentes.map((f, i) => (previas !== undefined && previas.fuentes[i] === f ? previas.filas[i]! : filaOrdenada(f, forma)));
  porEleccion.set(codigo, { fuentes, filas });
  return filas;
}
