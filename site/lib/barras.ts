/**
 * The rows of the two result views of a territory — by candidatura and by party — from its vote totals and the
 * catalogue's parties and coalitions (names and colours are data). Percentages are of all votes of counted
 * actas (TOTAL_VOTOS_C_CS), so no registradas and nulos are shown with theirs. Apart from opciones.ts so a view
 * that only names the candidaturas (the entidad view's first screen) does not load them.
 */
import type { Barra } from '../components/Barras.tsx';
import { FIJAS, indices, NO_REGISTRADAS, NULOS, partidosDeColumna } from './columnas.ts';
import type { Catalogo } from './opciones.ts';

/** Largest first; the fixed columns (no registradas, nulos) last, in that order. */
function ordenar(barras: Barra[]): Barra[] {
  const fija = (b: Barra) => (b.clave === NO_REGISTRADAS ? 1 : b.clave === NULOS ? 2 : 0);
  return barras.sort((a, b) => fija(a) - fija(b) || b.votos - a.votos || a.clave.localeCompare(b.clave));
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
