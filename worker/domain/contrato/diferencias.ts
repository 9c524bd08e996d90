/**
 * The change feed: `diferencias/<sha>.json`, one per corte, carries every acta row that entered, changed or left
 * since the previous corte with its new figures, so a client that holds corte N's results CSV of an election
 * (or its acta shard entries) reaches corte N+1 by applying it, and corte M by applying N+1 … M in order.
 * Zod-free (clients and scripts/ejemplos/seguir-cambios.ts use it); the corte job validates with shards.ts.
 *
 * Its own version: versions up to 4 were `VERSION_SHARDS` and listed claves only (`nuevas`, `cambiadas`);
 * `VERSION_DIFERENCIAS` adds the rows.
 */
import type { ActaFila, ActaShard } from './shards.ts';

export const VERSION_DIFERENCIAS = 5;
export type VersionDiferencias = typeof VERSION_DIFERENCIAS;

/** An expected acta whose row changed: where it is and what it now publishes. */
export interface FilaCambiada {
  /** The acta's clave inside the system (a split casilla's part n is `CLAVE_ACTA-n`; the CSV shows `CLAVE_ACTA`). */
  clave: string;
  /** Its row among the CSV's data rows (0: the line after the data header); catalogue order, fixed all night. */
  indice: number;
  /** The CSV row, exactly (no line end). */
  fila: string;
  /** Its sección: the shard `seccion/<id>` whose `actas` of this election hold `acta`. */
  seccion: number;
  /** The acta as its sección shard lists it (`actaDeFila` expands it). */
  acta: ActaFila;
}

/** One election's part of a diff. */
export interface DiferenciasEleccion {
  codigo: string;
  /** Claves registered for the first time in this corte (fuera de catálogo included). */
  nuevas: string[];
  /** Claves registered before whose published state changed. */
  cambiadas: string[];
  /** Lines 2 and 4 of the CSV at this corte, exactly: the corte and the row of the 13 summary figures. */
  corte: string;
  resumen: string;
  /** Number of expected actas: the CSV's first `esperadas` data rows; fuera de catálogo rows follow. */
  esperadas: number;
  /** Expected actas whose row changed (registered, corrected, or back to pending), by `indice`. */
  filas: FilaCambiada[];
  /**
   * When any fuera de catálogo registration of the election moved: all its fuera de catálogo rows now, in CSV
   * order, and the same actas as the entidad shard's `fueraCatalogo`; null when they are as in the previous corte.
   */
  fueraCatalogo: { filas: string[]; actas: ActaShard[] } | null;
}

/** `diferencias/<sha>`: what moved since the previous corte (`anterior`; null: from the empty state). */
export interface Diferencias {
  tipo: 'diferencias';
  version: VersionDiferencias;
  entidad: number;
  numero: number;
  secuencia: number;
  anterior: { numero: number; secuencia: number } | null;
  /**
   * False when the corte moved too many actas to carry their rows (more than 5,000: a replay loading a night at
   * once): `filas` are then empty and `fueraCatalogo` null, and a client downloads this corte's zip instead.
   */
  aplicable: boolean;
  elecciones: DiferenciasEleccion[];
}

/** A diff published before `VERSION_DIFERENCIAS`: claves only, so it cannot be applied. */
export interface DiferenciasClaves {
  tipo: 'diferencias';
  /** `VERSION_SHARDS` when it was published: 4 (the shards' version has since moved on on its own). */
  version: 4;
  entidad: number;
  numero: number;
  secuencia: number;
  anterior: { numero: number; secuencia: number } | null;
  elecciones: { codigo: string; nuevas: string[]; cambiadas: string[] }[];
}

const EOL = '\r\n';
/** Lines before the data rows: title, corte, figure names, figures, data header. */
const LINEAS_CABECERA = 5;

/** A results CSV cut in its header lines and its data rows (its rows hold no line break: REGLAS §7). */
export interface CsvPartido {
  /** BOM included in the first line. */
  cabecera: string[];
  filas: string[];
}

export function partirCsv(texto: string): CsvPartido {
  const lineas = texto.split(EOL);
  if (lineas.at(-1) === '') lineas.pop();
  if (lineas.length < LINEAS_CABECERA) throw new Error(`un CSV de resultados tiene ${LINEAS_CABECERA} líneas de cabecera; este tiene ${lineas.length}`);
  return { cabecera: lineas.slice(0, LINEAS_CABECERA), filas: lineas.slice(LINEAS_CABECERA) };
}

export function unirCsv(c: CsvPartido): string {
  return [...c.cabecera, ...c.filas].map((l) => l + EOL).join('');
}

/**
 * The CSV of one election at the diff's corte, from the same election's CSV at the previous corte: the corte
 * and summary lines replaced, each changed row replaced in place, the fuera de catálogo rows replaced when they
 * moved. Throws when the CSV does not have the diff's number of expected rows (not the same election).
 */
export function aplicarDiferencias(csv: CsvPartido, d: DiferenciasEleccion): CsvPartido {
  const esperadas = csv.filas.slice(0, d.esperadas);
  if (esperadas.length !== d.esperadas) throw new Error(`${d.codigo}: el CSV tiene ${csv.filas.length} filas; la diferencia espera ${d.esperadas} actas esperadas`);
  for (const f of d.filas) {
    if (f.indice < 0 || f.indice >= d.esperadas) throw new Error(`${d.codigo}: la fila ${f.indice} de ${f.clave} no existe`);
    esperadas[f.indice] = f.fila;
  }
  const cabecera = csv.cabecera.slice();
  cabecera[1] = d.corte;
  cabecera[3] = d.resumen;
  const fuera = d.fueraCatalogo === null ? csv.filas.slice(d.esperadas) : d.fueraCatalogo.filas;
  return { cabecera, filas: [...esperadas, ...fuera] };
}

/** Whether a parsed diff carries rows (`aplicarDiferencias`): not an older one with claves only, nor one too big to carry them. */
export function esAplicable(d: Diferencias | DiferenciasClaves): d is Diferencias {
  return d.version === VERSION_DIFERENCIAS && d.aplicable;
}
