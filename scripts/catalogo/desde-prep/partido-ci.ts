/**
 * What a candidaturas row's PARTIDO_CI names, in the results files' own column names. Real candidaturas files
 * spell their rows in ways the results files do not: `SUM-PAN-PRI-PRD` (IEEC Campeche, IEE Puebla 2018: the
 * coalition's total, not a ballot column), a coalition's column name (`C_PAN_PRD`, IEQROO 2019), a combination
 * spelled with hyphens (`PAN-PRI-PRD`, INE 2023), another spelling of a party (`MOR` for `MORENA`) or of an
 * independent (`CI1` for `CAND_IND_1`), and rows for votes that are no candidatura (CNR, NULOS).
 */
import { columnaEquivalente, type ColumnasDeVoto } from './columnas.ts';

export type PartidoCiLeido =
  /** A row that is no candidatura: skipped, with the rule. */
  | { ignorar: string }
  /** The file column (party, independent or combination) or `C_` + parties' file columns (a coalition). */
  | { nombre: string; reglas: string[] };

/** Rows that count votes, not candidaturas (2018 layouts list them with the parties). */
const NO_CANDIDATURA = new Set(['CNR', 'NO_REGISTRADOS', 'NO_REGISTRADAS', 'CANDIDATOS_NO_REGISTRADOS', 'CANDIDATURAS_NO_REGISTRADAS', 'NULOS', 'VOTOS_NULOS']);

const PREFIJO_COALICION = /^(SUM|C|CC|COA|COALICION)_/;

/** Reads a normalized PARTIDO_CI against the vote columns of the results files. */
export function leerPartidoCi(pc: string, votos: ColumnasDeVoto): PartidoCiLeido {
  if (NO_CANDIDATURA.has(pc)) return { ignorar: `la fila ${pc} cuenta votos (candidaturas no registradas o nulos), no es una candidatura: se ignora` };
  const columnas = new Set(votos.clasificacion.renombre.keys());
  const entero = columnaEquivalente(pc, columnas);
  if (entero) return { nombre: entero.columna, reglas: entero.regla ? [entero.regla] : [] };
  const reglas: string[] = [];
  const prefijo = PREFIJO_COALICION.exec(pc)?.[1];
  if (prefijo === 'SUM') reglas.push('una fila SUM-… es el total de una coalición, no una columna de la boleta: se toma como la coalición de sus partidos');
  const partes = pc.replace(PREFIJO_COALICION, '').split('_');
  if (partes.length < 2) return { nombre: pc, reglas };
  const cols = partes.map((p) => columnaEquivalente(p, columnas));
  if (cols.some((c) => !c || !votos.esPartido.has(votos.catCol(c.columna)))) return { nombre: pc, reglas };
  for (const c of cols) if (c!.regla) reglas.push(c!.regla);
  const combinacion = cols.map((c) => c!.columna).join('_');
  // A combination column of the files with exactly these parties is the most direct reading.
  if (columnas.has(combinacion) && votos.clasificacion.combinaciones.has(votos.catCol(combinacion))) return { nombre: combinacion, reglas };
  return { nombre: `C_${combinacion}`, reglas };
}
