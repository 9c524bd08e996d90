/**
 * Which candidatura each vote column of a ballot counts for (docs/REGLAS.md §5): a coalition takes the votes of its
 * parties and of their combination columns in the territories where it runs; everything else is its own.
 */
import type { Boleta } from '../catalogo/esquema.ts';
import { COLUMNAS_FIJAS } from '../contrato/index.ts';

/** NO_REGISTRADAS and NULOS: vote columns that are no candidatura. */
const FIJAS: ReadonlySet<string> = new Set(COLUMNAS_FIJAS);

const cacheCandidaturas = new WeakMap<Boleta, ReadonlyMap<string, string>>();

/**
 * Column → candidatura of a ballot: a party of a coalition of this territory, and every combination column of
 * that coalition (or a column named as the coalition itself), go to the coalition id; a party outside any
 * coalition here, and an independent, to its own column. NO_REGISTRADAS and NULOS are not candidaturas and are
 * absent. Computed once per ballot object (cached).
 */
export function candidaturaDeColumna(boleta: Boleta): ReadonlyMap<string, string> {
  let mapa = cacheCandidaturas.get(boleta);
  if (mapa === undefined) {
    mapa = calcularCandidaturas(boleta);
    cacheCandidaturas.set(boleta, mapa);
  }
  return mapa;
}

/**
 * The candidatura a captured vote column counts for, given its ballot's `candidaturaDeColumna`: a column the
 * ballot does not name counts as its own candidatura (the catalogue left it out; its votes are not lost), and
 * NO_REGISTRADAS and NULOS count for none (undefined).
 */
export function candidaturaDe(mapa: ReadonlyMap<string, string>, columna: string): string | undefined {
  return mapa.get(columna) ?? (FIJAS.has(columna) ? undefined : columna);
}

function calcularCandidaturas(boleta: Boleta): Map<string, string> {
  const coaliciones = boleta.coaliciones.map((c) => ({ id: c.coalicion, partidos: new Set(c.partidos) }));
  const mapa = new Map<string, string>();
  for (const col of boleta.columnas) {
    if (FIJAS.has(col)) continue;
    const c =
      coaliciones.find((x) => x.id === col) ??
      coaliciones.find((x) => x.partidos.has(col)) ??
      coaliciones.find((x) => esCombinacion(col, x.partidos));
    mapa.set(col, c ? c.id : col);
  }
  return mapa;
}

/** True when `col` is two or more distinct parties of `partidos` joined by "_" (siglas may contain "_" themselves). */
export function esCombinacion(col: string, partidos: ReadonlySet<string>): boolean {
  const tokens = col.split('_');
  const usados = new Set<string>();
  const desde = (i: number): boolean => {
    if (i === tokens.length) return usados.size >= 2;
    for (let j = i + 1; j <= tokens.length; j++) {
      const p = tokens.slice(i, j).join('_');
      if (partidos.has(p) && !usados.has(p)) {
        usados.add(p);
        if (desde(j)) return true;
        usados.delete(p);
      }
    }
    return false;
  };
  return desde(0);
}
