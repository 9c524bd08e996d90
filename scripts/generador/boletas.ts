/**
 * Ballots (boletas) and candidaturas of every election in every territory. Which parties form each coalition
 * varies by territory (docs/REGLAS.md §9: a coalition may be full, partial or absent), and the ballot's vote columns
 * follow from it: parties in orden, then independents, then each coalition's combination columns.
 */
import type { Boleta, Candidatura, Coalicion, Eleccion, Partido } from '../../worker/domain/catalogo/esquema.ts';
import { formula } from './nombres.ts';
import type { Azar } from './azar.ts';

/** How one coalition varies over the distritos and municipios (the entidad-wide ballot always has it full). */
export interface PlanCoalicion {
  coalicion: Coalicion;
  /** Party kept in every partial version of the coalition (the one that leads it). */
  ancla?: string;
  /** Per distrito or municipio: probability it runs with only some of its parties, and of not running at all. */
  pParcial: number;
  pAusente: number;
  /** This many municipios, chosen by the PRNG, where it does not run (on top of pAusente). */
  ausenteEnMunicipios: number;
}

/** An independent candidacy for munícipes in one municipio: its column (CI_1 …) and its fórmula. */
export interface Independiente {
  siglas: string;
  municipio: number;
  propietaria: string;
  suplente: string;
}

export interface DatosBoletas {
  elecciones: readonly Eleccion[];
  /** Parties and independents, sorted by orden. */
  partidos: readonly Partido[];
  coaliciones: readonly PlanCoalicion[];
  distritos: readonly number[];
  municipios: readonly number[];
  independientes: readonly Independiente[];
}

/**
 * Combination columns of a coalition formed by `partidos` (already in party orden): every subset of ≥ 2 of
 * them, larger subsets first, each named by joining its siglas with `_` (PAN_PRI_PRD, PAN_PRI, PAN_PRD, PRI_PRD).
 */
export function combinaciones(partidos: readonly string[]): string[] {
  const out: string[] = [];
  const elegir = (k: number, desde: number, elegidos: string[]) => {
    if (elegidos.length === k) {
      out.push(elegidos.join('_'));
      return;
    }
    for (let i = desde; i <= partidos.length - (k - elegidos.length); i++) elegir(k, i + 1, [...elegidos, partidos[i]!]);
  };
  for (let k = partidos.length; k >= 2; k--) elegir(k, 0, []);
  return out;
}

/** Which parties form each coalition in one territory; absent coalitions are left out. */
type Composicion = Map<string, string[]>;

function composicion(planes: readonly PlanCoalicion[], azar: Azar, completa: boolean, ausentes: ReadonlySet<string>): Composicion {
  const out: Composicion = new Map();
  for (const plan of planes) {
    const { id, partidos } = plan.coalicion;
    const r = azar.siguiente();
    if (completa) {
      out.set(id, [...partidos]);
    } else if (ausentes.has(id) || r < plan.pAusente) {
    } else if (r < plan.pAusente + plan.pParcial && partidos.length > 2) {
      out.set(id, parcial(plan, azar));
    } else {
      out.set(id, [...partidos]);
    }
  }
  return out;
}

/** A proper subset of ≥ 2 of the coalition's parties, always with the anchor party, in party orden. */
function parcial(plan: PlanCoalicion, azar: Azar): string[] {
  const { partidos } = plan.coalicion;
  const ancla = plan.ancla ?? partidos[0]!;
  const tamano = azar.entero(2, partidos.length - 1);
  const otros = azar.barajar(partidos.filter((p) => p !== ancla)).slice(0, tamano - 1);
  const elegidos = new Set([ancla, ...otros]);
  return partidos.filter((p) => elegidos.has(p));
}

function boleta(eleccion: string, territorio: number, datos: DatosBoletas, composicionTerritorio: Composicion): Boleta {
  const independientes = datos.independientes.filter((i) => eleccion === 'AYUN' && i.municipio === territorio);
  const enBoleta = new Set(independientes.map((i) => i.siglas));
  const columnas = [
    ...datos.partidos.filter((p) => p.tipo === 'partido' || enBoleta.has(p.siglas)).map((p) => p.siglas),
    ...[...composicionTerritorio.values()].flatMap((ps) => combinaciones(ps)),
  ];
  const coaliciones = [...composicionTerritorio].map(([coalicion, partidos]) => ({ coalicion, partidos }));
  return { eleccion, territorio, columnas, coaliciones };
}

/**
 * One candidatura per party running alone and per coalition, in the orden of each one's first party, then
 * the independents of the territory.
 */
function candidaturas(b: Boleta, datos: DatosBoletas, azar: Azar): Candidatura[] {
  const enCoalicion = new Map<string, string>();
  for (const c of b.coaliciones) for (const p of c.partidos) enCoalicion.set(p, c.coalicion);
  const out: Candidatura[] = [];
  const vistos = new Set<string>();
  for (const p of datos.partidos) {
    if (p.tipo !== 'partido') continue;
    const partidoCi = enCoalicion.get(p.siglas) ?? p.siglas;
    if (vistos.has(partidoCi)) continue;
    vistos.add(partidoCi);
    out.push({ eleccion: b.eleccion, territorio: b.territorio, partidoCi, ...formula(azar) });
  }
  for (const i of datos.independientes) {
    if (b.columnas.includes(i.siglas)) {
      out.push({ eleccion: b.eleccion, territorio: b.territorio, partidoCi: i.siglas, propietaria: i.propietaria, suplente: i.suplente });
    }
  }
  return out;
}

function territorios(e: Eleccion, datos: DatosBoletas): readonly number[] {
  if (e.territorio === 'entidad') return [0];
  return e.territorio === 'distrito' ? datos.distritos : datos.municipios;
}

/** Every boleta (elections in orden, territories ascending) and its candidaturas. */
export function construirBoletas(datos: DatosBoletas, azar: Azar): { boletas: Boleta[]; candidaturas: Candidatura[] } {
  // The municipios where a coalition sits out entirely, fixed up front (e.g. FYC in 1 of 125).
  const ausentesEn = new Map<number, Set<string>>();
  for (const plan of datos.coaliciones) {
    for (const m of azar.barajar(datos.municipios).slice(0, plan.ausenteEnMunicipios)) {
      ausentesEn.set(m, (ausentesEn.get(m) ?? new Set()).add(plan.coalicion.id));
    }
  }
  const boletas: Boleta[] = [];
  const todasCandidaturas: Candidatura[] = [];
  for (const e of [...datos.elecciones].sort((a, b) => a.orden - b.orden)) {
    for (const t of territorios(e, datos)) {
      const ausentes = e.territorio === 'municipio' ? (ausentesEn.get(t) ?? new Set<string>()) : new Set<string>();
      const b = boleta(e.codigo, t, datos, composicion(datos.coaliciones, azar, e.territorio === 'entidad', ausentes));
      boletas.push(b);
      todasCandidaturas.push(...candidaturas(b, datos, azar));
    }
  }
  return { boletas, candidaturas: todasCandidaturas };
}
