/**
 * The candidaturas as the catalogue names them (names are data), and who leads: what a view's first screen says.
 * The vote columns (combinations, the fixed columns) are read in columnas.ts and the result views' rows built in
 * barras.ts, which only the views that show them load.
 */
import type { Candidato, CoalicionRef, PartidoRef } from '../../worker/domain/contrato/index.ts';

/** What the result views need of the catalogue (the shards carry it). */
export interface Catalogo {
  partidos: readonly PartidoRef[];
  coaliciones: readonly CoalicionRef[];
  /** The fórmulas contested in the territory shown (by PARTIDO_CI), when it is the election's own territory. */
  candidatos?: readonly Pick<Candidato, 'partidoCi' | 'propietaria'>[];
}

/** The candidatura with most votes (null when none has votes, or on a tie for first place). */
export function lider(candidaturas: Readonly<Record<string, number>>): { id: string; votos: number } | null {
  let mejor: { id: string; votos: number } | null = null;
  let empate = false;
  for (const [id, votos] of Object.entries(candidaturas)) {
    if (votos <= 0) continue;
    if (!mejor || votos > mejor.votos) {
      mejor = { id, votos };
      empate = false;
    } else if (votos === mejor.votos) empate = true;
  }
  return empate ? null : mejor;
}

/** Display name of a candidatura id (coalition name, or party siglas). */
export function nombreCandidatura(id: string, cat: Catalogo): string {
  return cat.coaliciones.find((c) => c.id === id)?.nombre ?? cat.partidos.find((p) => p.siglas === id)?.siglas ?? id;
}
