/**
 * The rows of the two result views of a territory — by candidatura and by party — from its vote totals and the
 * catalogue's parties and coalitions (names and colours are data). Percentages are of all votes of counted
 * actas (TOTAL_VOTOS_C_CS), so no registradas and nulos are shown with theirs.
 */
import type { Barra } from '../components/Barras.tsx';
import type { Candidato, CoalicionRef, PartidoRef } from '../../worker/domain/contrato/index.ts';

export const NO_REGISTRADAS = 'NO_REGISTRADAS';
export const NULOS = 'NULOS';

const FIJAS: Record<string, string> = {
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

/** What the result views need of the catalogue (the shards carry it). */
export interface Catalogo {
  partidos: readonly PartidoRef[];
  coaliciones: readonly CoalicionRef[];
  /** The fórmulas contested in the territory shown (by PARTIDO_CI), when it is the election's own territory. */
  candidatos?: readonly Pick<Candidato, 'partidoCi' | 'propietaria'>[];
}

function indices(cat: Catalogo) {
  const partidos = new Map(cat.partidos.map((p) => [p.siglas, p]));
  const coaliciones = new Map(cat.coaliciones.map((c) => [c.id, c]));
  return { partidos, coaliciones, siglas: new Set(partidos.keys()) };
}

/** Largest first; the fixed columns (no registradas, nulos) last, in that order. */
function ordenar(barras: Barra[]): Barra[] {
  const fija = (b: Barra) => (b.clave === NO_REGISTRADAS ? 1 : b.clave === NULOS ? 2 : 0);
  return barras.sort((a, b) => fija(a) - fija(b) || b.votos - a.votos || a.clave.localeCompare(b.clave));
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

/** One bar per vote column: parties, independents, coalition combinations, no registradas, nulos. */
export function barrasPorPartido(votos: Readonly<Record<string, number>>, cat: Catalogo): Barra[] {
  const { partidos, siglas } = indices(cat);
  return ordenar(
    Object.entries(votos).map(([col, n]) => {
      const p = partidos.get(col);
      if (p) return { clave: col, etiqueta: p.siglas, detalle: p.nombre, votos: n, colores: [p.color] };
      if (FIJAS[col]) return { clave: col, etiqueta: FIJAS[col], votos: n, colores: [] };
      const miembros = partidosDeColumna(col, siglas);
      return {
        clave: col,
        etiqueta: miembros ? miembros.join(' + ') : col,
        detalle: miembros ? 'Combinación: voto marcado para varios partidos de la coalición' : undefined,
        votos: n,
        colores: (miembros ?? []).map((s) => partidos.get(s)!.color),
      };
    }),
  );
}

/**
 * One bar per candidatura (a coalition with all of its parties' and combinations' votes, or a party or
 * independent running alone), plus no registradas and nulos from the vote columns.
 */
export function barrasPorCandidatura(
  candidaturas: Readonly<Record<string, number>>,
  votos: Readonly<Record<string, number>>,
  cat: Catalogo,
): Barra[] {
  const { partidos, coaliciones } = indices(cat);
  const candidata = new Map((cat.candidatos ?? []).map((c) => [c.partidoCi, c.propietaria]));
  const conCandidata = (id: string, detalle: string | undefined) => {
    const nombre = candidata.get(id);
    return nombre && detalle ? `${nombre} · ${detalle}` : (nombre ?? detalle);
  };
  const barras: Barra[] = Object.entries(candidaturas).map(([id, n]) => {
    const c = coaliciones.get(id);
    if (c) {
      return {
        clave: id,
        etiqueta: c.nombre,
        detalle: conCandidata(id, c.partidos.join(', ')),
        votos: n,
        colores: c.partidos.map((s) => partidos.get(s)?.color).filter((x): x is string => x !== undefined),
      };
    }
    const p = partidos.get(id);
    return { clave: id, etiqueta: p?.siglas ?? id, detalle: conCandidata(id, p?.nombre), votos: n, colores: p ? [p.color] : [] };
  });
  for (const col of [NO_REGISTRADAS, NULOS]) {
    const n = votos[col];
    if (n) barras.push({ clave: col, etiqueta: FIJAS[col]!, votos: n, colores: [] });
  }
  return ordenar(barras);
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
