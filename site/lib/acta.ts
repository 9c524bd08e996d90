/**
 * Which vote rows of an acta a citizen needs at first sight: an acta lists every combination of its coalitions'
 * parties, and most of them hold no vote. Those are put behind a toggle; a party, the fixed columns, and any field
 * read as Ilegible or Sin dato always show.
 */
import type { Valor } from '../../worker/domain/contrato/index.ts';
import { partidosDeColumna } from './columnas.ts';
import type { Catalogo } from './opciones.ts';

export interface FilasActa {
  visibles: [string, Valor][];
  /** Combinations with zero votes. */
  ocultables: [string, Valor][];
}

/** A column that joins two or more known parties (PAN_PRI), not a party whose siglas contain "_". */
export function esCombinacion(columna: string, cat: Pick<Catalogo, 'partidos'>): boolean {
  const siglas = new Set(cat.partidos.map((p) => p.siglas));
  if (siglas.has(columna)) return false;
  return (partidosDeColumna(columna, siglas)?.length ?? 0) >= 2;
}

export function filasActa(votos: Readonly<Record<string, Valor>>, cat: Pick<Catalogo, 'partidos'>): FilasActa {
  const r: FilasActa = { visibles: [], ocultables: [] };
  for (const fila of Object.entries(votos)) {
    (fila[1] === 0 && esCombinacion(fila[0], cat) ? r.ocultables : r.visibles).push(fila);
  }
  return r;
}
