/**
 * A results CSV deflated by trozos (chunks) kept between cortes, so that a corte deflates again only the trozos
 * whose rows changed instead of the whole file (~4 MB per election at Jalisco scale).
 *
 * The file is its header (title lines, summary row, data header: it changes in every corte) and then its rows
 * (expected actas, then fuera de catálogo) in trozos of `filasPorTrozo` rows (from the catalogue only), in file order. Each trozo is raw
 * DEFLATE on its own: no back-reference outside it, ending byte-aligned in a sync flush with no final block
 * (`Compresor.deflateRawTrozo`); the header's deflate, the trozos' and `FIN_DEFLATE` make one valid stream,
 * the zip entry's data. A trozo's bytes depend on its text only, never on when it was deflated, so an
 * incremental corte and a full rebuild publish the same zip.
 *
 * Which trozos changed: each kept trozo holds its rows (the state's own strings, so no copy) and is reused when
 * every row is `===` the current one (the same string object: one pointer comparison; an equal text in a new
 * string still compares equal, so reuse never depends on identity, only its speed does).
 *
 * Measured on the synthetic Jalisco CSVs (11.8 MB, CPU ms, native zlib, machine under load; whole file at level
 * 2: 3.21 MB in 112): 16 rows per trozo at level 2, 3.43 MB in 103; 32 rows, level 2 3.29 MB in 88, level 3
 * 3.24 MB in 100, level 4 3.20 MB in 111, level 5 3.10 MB in 145; 48 rows at level 4 3.14 MB in 104; an 8 KB
 * window (13 bits) is as small or smaller than 32 KB here (rows repeat within a trozo). With 1 % of the actas
 * changed at random (as in a night: they arrive from every casilla), a trozo of n rows is touched with
 * probability 1 − 0.99ⁿ: 28 % of them for 32 rows, 47 % for 64. 32 rows at level 4: the zip no larger than
 * whole at level 2, the full corte as fast, and a quarter of its deflate in a 1 % corte. Rows of a national
 * entidad are shorter (~50 columns): México's CSVs (5.47 MB whole at level 2) by 32 rows 5.59 MB, 40 rows 5.52,
 * 48 rows 5.47, 56 rows 5.44; hence a size in cells rather than in rows.
 */
import { assert } from '../assert.ts';
import { NIVEL_ZIP, type Compresor } from './abiertos.ts';
import { utf8 } from './bytes.ts';
import { anchoDatos, cabeceraCsvResultados, EOL, type EntradaCsvResultados } from './csv-resultados.ts';
import type { EleccionModelo } from './modelo.ts';

/** Cells per trozo (~11 KB of text): Jalisco's 74 columns give 32 rows, the ~50 of a national entidad 48. */
export const CELDAS_POR_TROZO = 2400;
export const NIVEL_TROZOS = 4;
/** Window bits of a trozo's DEFLATE (8 KB). */
export const VENTANA_TROZOS = 13;
/** An empty final block (fixed Huffman, BFINAL set): closes a stream of sync-flushed trozos. */
export const FIN_DEFLATE = Uint8Array.of(0x03, 0x00);

interface TrozoDeflactado {
  filas: readonly string[];
  datos: Uint8Array;
}

/** What a corte state keeps of one results CSV between cortes: its deflated trozos, and by whom. */
export interface TrozosGuardados {
  compresor: Compresor | null;
  filasPorTrozo: number;
  trozos: TrozoDeflactado[];
}

const guardadosPorEstado = new WeakMap<object, Map<string, TrozosGuardados>>();

/** The kept trozos of an election's results CSV in a corte state (created empty; they live as long as it). */
export function trozosDe(estado: object, codigo: string): TrozosGuardados {
  let porEleccion = guardadosPorEstado.get(estado);
  if (porEleccion === undefined) guardadosPorEstado.set(estado, (porEleccion = new Map()));
  let g = porEleccion.get(codigo);
  if (g === undefined) porEleccion.set(codigo, (g = { compresor: null, filasPorTrozo: 0, trozos: [] }));
  return g;
}

export interface CsvPorTrozos {
  /** The whole file (BOM included): what its SHA-256 and CRC-32 are taken of. */
  contenido: Uint8Array;
  /** Its zip data: by trozos when the compressor can, reusing the kept ones; whole otherwise. */
  deflactar: (compresor: Compresor) => Uint8Array;
}

function concatenar(partes: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(partes.reduce((n, p) => n + p.length, 0));
  let i = 0;
  for (const p of partes) {
    out.set(p, i);
    i += p.length;
  }
  return out;
}

function mismasFilas(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Rows per trozo of an election's results CSV. */
export function filasPorTrozo(em: EleccionModelo): number {
  return Math.max(1, Math.round(CELDAS_POR_TROZO / anchoDatos(em)));
}

/** The rows in trozos of `n`, in file order (expected actas, then fuera de catálogo). */
function partirFilas(filas: readonly string[], fc: readonly string[], n: number): string[][] {
  const total = filas.length + fc.length;
  const trozos: string[][] = [];
  for (let inicio = 0; inicio < total; inicio += n) {
    const fin = Math.min(inicio + n, total);
    const t = new Array<string>(fin - inicio);
    for (let j = inicio; j < fin; j++) t[j - inicio] = j < filas.length ? filas[j]! : fc[j - filas.length]!;
    trozos.push(t);
  }
  return trozos;
}

/** A sync flush ends in an empty stored block: LEN 0000, NLEN FFFF. */
function terminaEnSincronia(d: Uint8Array): boolean {
  const n = d.length;
  return n >= 4 && d[n - 4] === 0 && d[n - 3] === 0 && d[n - 2] === 0xff && d[n - 1] === 0xff;
}

function deflactarTrozo(compresor: Compresor & Required<Pick<Compresor, 'deflateRawTrozo'>>, bytes: Uint8Array): Uint8Array {
  const d = compresor.deflateRawTrozo(bytes, NIVEL_TROZOS, VENTANA_TROZOS);
  // A runtime that ignored the sync flush would end the stream here and publish a truncated CSV.
  if (!terminaEnSincronia(d)) assert(false, 'el compresor no terminó el trozo en un vaciado de sincronía');
  return d;
}

/**
 * The results CSV of `i` and how to deflate it, keeping in `guardados` the trozos it deflates for the next
 * corte. The text is `csvResultados(i)`, encoded a trozo at a time (cheaper than one 4 MB string).
 */
export function csvResultadosPorTrozos(i: EntradaCsvResultados, guardados: TrozosGuardados, n = filasPorTrozo(i.eleccion)): CsvPorTrozos {
  return textoPorTrozos(cabeceraCsvResultados(i), i.filas, i.filasFueraCatalogo, guardados, n);
}

/**
 * Any CSV made of a header that changes every corte and rows kept between cortes (INE's results CSV, the tidy
 * one: csv-ordenado.ts), by trozos of `n` rows: its bytes and how to deflate them reusing the kept trozos.
 */
export function textoPorTrozos(cabeceraTexto: string, filasCatalogo: readonly string[], fc: readonly string[], guardados: TrozosGuardados, n: number): CsvPorTrozos {
  const cabecera = utf8(cabeceraTexto);
  const filas = partirFilas(filasCatalogo, fc, n);
  const codificados = filas.map((t) => utf8(t.join(EOL) + EOL));
  const contenido = concatenar([cabecera, ...codificados]);
  // Each trozo as a view of `contenido`, so the encoded pieces are garbage before the zip is built.
  let inicio = cabecera.length;
  const bytes = codificados.map((b) => contenido.subarray(inicio, (inicio += b.length)));
  const deflactar = (compresor: Compresor): Uint8Array => {
    if (compresor.deflateRawTrozo === undefined) return compresor.deflateRaw(contenido, NIVEL_ZIP);
    const c = compresor as Compresor & Required<Pick<Compresor, 'deflateRawTrozo'>>;
    const previos = guardados.compresor === compresor && guardados.filasPorTrozo === n ? guardados.trozos : [];
    const trozos = filas.map((t, k): TrozoDeflactado => {
      const p = previos[k];
      return p !== undefined && mismasFilas(p.filas, t) ? p : { filas: t, datos: deflactarTrozo(c, bytes[k]!) };
    });
    guardados.compresor = compresor;
    guardados.filasPorTrozo = n;
    guardados.trozos = trozos;
    return concatenar([deflactarTrozo(c, contenido.subarray(0, cabecera.length)), ...trozos.map((t) => t.datos), FIN_DEFLATE]);
  };
  return { contenido, deflactar };
}
