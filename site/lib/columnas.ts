/**
 * The vote columns of an acta or a territory as the catalogue names them: which parties a combination column
 * joins, the two fixed columns (no registradas, nulos), how a column reads.
 */
import type { Catalogo } from './opciones.ts';

export const NO_REGISTRADAS = 'NO_REGISTRADAS';
export const NULOS = 'NULOS';

/** How the two fixed vote columns read. */
export const FIJAS: Record<string, string> = {
  [NO_REGISTRADAS]: 'Candidaturas no registradas',
  [NULOS]: 'Votos nulos',
};

/**
 * The parties a combination column joins (PAN_PRI → [PAN, PRI]); siglas may contain "_" themselves, so the
 * split is matched against the known siglas. Null when the column is not made only of known parties.
 */
export function partidosDeColumna(columna: string, siglas: ReadonlySet<string>): string[] | null {
  const tokens = columna.split('_');
  const buscar = (i: number): string[] | null => {
    if (i === tokens.length) return [];
    for (let j = tokens.length; j > i; j--) {
      const p = tokens.slice(i, j).join('_');
      if (siglas.has(p)) {
        const resto = buscar(j);
        if (resto) return [p, ...resto];
      }
    }
    return null;
  };
  return buscar(0);
}

/** The catalogue's parties and coalitions by id, and the set of siglas. */
export function indices(cat: Catalogo) {
  const partidos = new Map(cat.partidos.map((p) => [p.siglas, p]));
  const coaliciones = new Map(cat.coaliciones.map((c) => [c.id, c]));
  return { partidos, coaliciones, siglas: new Set(partidos.keys()) };
}

/**
 * How a vote column reads on an acta: party siglas, "PAN + PRI" for a combination, "Votos nulos"… (a column made of
 * unknown siglas is shown as it is).
 */
export function nombreColumna(columna: string, cat: Catalogo): string {
  const { partidos, siglas } = indices(cat);
  if (partidos.has(columna)) return columna;
  if (FIJAS[columna]) return FIJAS[columna];
  return partidosDeColumna(columna, siglas)?.join(' + ') ?? columna;
}
