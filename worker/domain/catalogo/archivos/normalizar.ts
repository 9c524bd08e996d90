/**
 * The canonical form of a catalogue: the same content always in the same order, whatever order the files (or
 * the database) gave it in. Import returns it, export writes it, so export ∘ import is the identity and two
 * catalogues are equal exactly when their canonical forms are.
 *
 * Orders: elections and parties by `orden` (then code); coalitions and CATDs by id; distritos, municipios and
 * secciones by id; casillas by sección, tipo (B C E S M), id, ext contigua; ballots by election orden and
 * territory (their vote columns keep their publication order); the parties of a coalition by party orden;
 * candidaturas by election, territory and the orden of the party (a coalition by its first party there); parts
 * of split casillas by casilla, election and part number, and only when there are any (an ordinary catalogue
 * has no `partes` at all, so both forms of "none" compare equal).
 */
import type { Catalogo, Casilla, Parte } from '../esquema.ts';

const TIPO_ORDEN: Record<Casilla['tipo'], number> = { B: 0, C: 1, E: 2, S: 3, M: 4 };

const byNum = (a: number, b: number) => a - b;
const byStr = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function compareCasillas(a: Pick<Casilla, 'seccion' | 'tipo' | 'id' | 'extContigua'>, b: Pick<Casilla, 'seccion' | 'tipo' | 'id' | 'extContigua'>): number {
  return a.seccion - b.seccion || TIPO_ORDEN[a.tipo] - TIPO_ORDEN[b.tipo] || a.id - b.id || a.extContigua - b.extContigua;
}

function normalizarPartes(partes: readonly Parte[], porEleccion: (a: string, b: string) => number): Pick<Catalogo, 'partes'> {
  if (partes.length === 0) return {};
  return { partes: partes.map((p) => ({ ...p })).sort((a, b) => compareCasillas(a, b) || porEleccion(a.eleccion, b.eleccion) || a.parte - b.parte) };
}

export function normalizarCatalogo(cat: Catalogo): Catalogo {
  const ordenPartido = new Map(cat.partidos.map((p) => [p.siglas, p.orden]));
  const rankPartido = (s: string) => ordenPartido.get(s) ?? Number.MAX_SAFE_INTEGER;
  const porPartido = (xs: readonly string[]) => [...xs].sort((a, b) => rankPartido(a) - rankPartido(b) || byStr(a, b));
  const coaliciones = cat.coaliciones
    .map((c) => ({ ...c, partidos: porPartido(c.partidos) }))
    .sort((a, b) => byStr(a.id, b.id));
  const primerPartido = new Map(coaliciones.map((c) => [c.id, Math.min(...c.partidos.map(rankPartido))]));
  // A coalition's candidatura sits where its first party would, in that territory's composition if known.
  const primerPartidoEn = new Map<string, number>();
  for (const b of cat.boletas) {
    for (const c of b.coaliciones) primerPartidoEn.set(`${b.eleccion}|${b.territorio}|${c.coalicion}`, Math.min(...c.partidos.map(rankPartido)));
  }
  const rankCandidatura = (c: Catalogo['candidaturas'][number]) =>
    ordenPartido.get(c.partidoCi) ??
    primerPartidoEn.get(`${c.eleccion}|${c.territorio}|${c.partidoCi}`) ??
    primerPartido.get(c.partidoCi) ??
    Number.MAX_SAFE_INTEGER;

  const elecciones = [...cat.elecciones].sort((a, b) => a.orden - b.orden || byStr(a.codigo, b.codigo));
  const ordenEleccion = new Map(elecciones.map((e, i) => [e.codigo, i]));
  const rankEleccion = (c: string) => ordenEleccion.get(c) ?? Number.MAX_SAFE_INTEGER;
  const porEleccion = (a: string, b: string) => rankEleccion(a) - rankEleccion(b) || byStr(a, b);

  return {
    entidad: { ...cat.entidad },
    elecciones,
    partidos: [...cat.partidos].sort((a, b) => a.orden - b.orden || byStr(a.siglas, b.siglas)),
    coaliciones,
    distritos: [...cat.distritos].sort((a, b) => byNum(a.id, b.id)),
    municipios: [...cat.municipios].sort((a, b) => byNum(a.id, b.id)),
    secciones: [...cat.secciones].sort((a, b) => byNum(a.id, b.id)),
    casillas: [...cat.casillas]
      .map((c) => (c.elecciones === undefined ? { ...c } : { ...c, elecciones: [...c.elecciones].sort(porEleccion) }))
      .sort(compareCasillas),
    boletas: cat.boletas
      .map((b) => ({
        ...b,
        columnas: [...b.columnas],
        coaliciones: b.coaliciones
          .map((c) => ({ coalicion: c.coalicion, partidos: porPartido(c.partidos) }))
          .sort((x, y) => byStr(x.coalicion, y.coalicion)),
      }))
      .sort((a, b) => porEleccion(a.eleccion, b.eleccion) || a.territorio - b.territorio),
    candidaturas: [...cat.candidaturas].sort(
      (a, b) =>
        porEleccion(a.eleccion, b.eleccion) ||
        a.territorio - b.territorio ||
        rankCandidatura(a) - rankCandidatura(b) ||
        byStr(a.partidoCi, b.partidoCi),
    ),
    catds: cat.catds
      .map((c) => ({ ...c, elecciones: [...c.elecciones].sort(porEleccion) }))
      .sort((a, b) => byStr(a.id, b.id)),
    ...normalizarPartes(cat.partes ?? [], porEleccion),
    ...(cat.mapaSecciones === undefined ? {} : { mapaSecciones: cat.mapaSecciones }),
  };
}
