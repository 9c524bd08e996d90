/**
 * The catalogue as a corte sees it: every expected acta with its CSV row number and its tally unit (a sección
 * in a territory: `Unidad`), the sección → distrito / municipio lookups, and per election the vote columns of its results CSV and the order of its candidaturas.
 * Built once per catalogue; every corte (full or incremental) reads it, nothing mutates it.
 */
import { assert } from '../assert.ts';
import { actasEsperadas, type ActaEsperada } from '../acta/esperadas.ts';
import { COLUMNAS_FIJAS } from '../acta/esquema.ts';
import type { Boleta, Catalogo, Distrito, Eleccion, Entidad, Municipio, Seccion } from '../catalogo/esquema.ts';
import { err, ok, type Result } from '../resultado.ts';
import { candidaturaDeColumna } from '../conteo/candidaturas.ts';

/** An expected acta and its row in its election's results CSV (0-based, catalogue order). */
export interface ActaModelo extends ActaEsperada {
  orden: number;
  /** The tally unit it counts in (`Unidad.id`): its sección's id, unless it is a part counted elsewhere. */
  unidad: number;
  /**
   * The columns of its `votos` in its sección shard: its ballot's (and NO_REGISTRADAS, NULOS); where the
   * election's actas of its sección have different ballots (a split casilla's parts), their union in the
   * election's column order, null on the acta where a column is not on its ballot.
   */
  columnas: readonly string[];
  /** The position of each of `columnas` in its election's `columnas` (shared by the actas of one column list). */
  posiciones: Int32Array;
}

/**
 * A tally unit: a sección in a territory. Every sección has one, with the sección's id and its catalogue
 * distrito and municipio; a split casilla's part counted in another distrito or municipio (catalogue `partes`)
 * adds one for that sección there, with an id from `PRIMERA_UNIDAD_EXTRA` on (sección ids end at 9999), so an
 * ordinary catalogue's units are exactly its secciones and cost nothing more.
 */
export interface Unidad {
  id: number;
  seccion: number;
  distrito: number;
  municipio: number;
}

export const PRIMERA_UNIDAD_EXTRA = 10_000;

export interface EleccionModelo {
  eleccion: Eleccion;
  /** Expected actas in CSV order (`actas[i].orden === i`). */
  actas: ActaModelo[];
  /** Vote columns of the results CSV: parties and independents, combinations, NO_REGISTRADAS, NULOS. */
  columnas: string[];
  /** Candidatura ids (coalitions, then parties and independents) in display order. */
  candidaturas: string[];
  /** Ballot per territory (0, distrito or municipio id). */
  boletas: Map<number, Boleta>;
  /** Extra units (`Unidad.id`) with actas of this election: only these add rows to their parents here. */
  unidadesExtra: ReadonlySet<number>;
}

export interface CorteModelo {
  catalogo: Catalogo;
  entidad: Entidad;
  /** By `orden`, then código. */
  elecciones: EleccionModelo[];
  eleccionPorCodigo: Map<string, EleccionModelo>;
  actaPorClave: Map<string, ActaModelo>;
  /** Sorted by id. */
  secciones: Seccion[];
  seccionPorId: Map<number, Seccion>;
  /** Every expected acta of a sección, all elections (election order, then CSV order). */
  actasPorSeccion: Map<number, ActaModelo[]>;
  /** Sorted by id. */
  distritos: Distrito[];
  municipios: Municipio[];
  distritoPorId: Map<number, Distrito>;
  municipioPorId: Map<number, Municipio>;
  /** Secciones of each distrito / municipio, sorted by id. */
  seccionesPorDistrito: Map<number, number[]>;
  seccionesPorMunicipio: Map<number, number[]>;
  /** Tally units: one per sección (same order as `secciones`, id = sección id), then the extra ones. */
  unidades: Unidad[];
  unidadPorId: Map<number, Unidad>;
  /** Every unit of each split sección (its own first); a sección not here has exactly its own. */
  unidadesDeSeccion: Map<number, Unidad[]>;
}

export interface ProblemaModelo {
  mensaje: string;
}

const FIJAS: ReadonlySet<string> = new Set(COLUMNAS_FIJAS);
/** Placeholder until `asignarColumnas`. */
const SIN_POSICIONES = new Int32Array(0);

/** Builds the model, or says why the catalogue cannot make one (a casilla without sección, a missing ballot). */
export function construirModelo(catalogo: Catalogo): Result<CorteModelo, ProblemaModelo[]> {
  const esperadas = actasEsperadas(catalogo);
  if (!esperadas.ok) return err(esperadas.error.map((p) => ({ mensaje: JSON.stringify(p) })));
  const elecciones = [...catalogo.elecciones].sort((a, b) => a.orden - b.orden || a.codigo.localeCompare(b.codigo));
  const secciones = [...catalogo.secciones].sort((a, b) => a.id - b.id);
  const seccionPorId = new Map(secciones.map((s) => [s.id, s]));
  const { unidades, unidadDe } = unidadesDe(secciones, seccionPorId, esperadas.value);
  const porEleccion = new Map<string, ActaModelo[]>(elecciones.map((e) => [e.codigo, []]));
  for (const a of esperadas.value) {
    const lista = porEleccion.get(a.eleccion.codigo)!;
    lista.push({ ...a, orden: lista.length, unidad: unidadDe(a), columnas: [], posiciones: SIN_POSICIONES });
  }
  const modelosEleccion = elecciones.map((e) => eleccionModelo(catalogo, e, porEleccion.get(e.codigo)!));
  const actaPorClave = new Map<string, ActaModelo>();
  const actasPorSeccion = new Map<number, ActaModelo[]>(secciones.map((s) => [s.id, []]));
  for (const em of modelosEleccion) {
    for (const a of em.actas) {
      actaPorClave.set(a.clave, a);
      actasPorSeccion.get(a.seccion.id)!.push(a);
    }
  }
  return ok({
    catalogo,
    entidad: catalogo.entidad,
    elecciones: modelosEleccion,
    eleccionPorCodigo: new Map(modelosEleccion.map((m) => [m.eleccion.codigo, m])),
    actaPorClave,
    secciones,
    seccionPorId,
    actasPorSeccion,
    distritos: [...catalogo.distritos].sort((a, b) => a.id - b.id),
    municipios: [...catalogo.municipios].sort((a, b) => a.id - b.id),
    distritoPorId: new Map(catalogo.distritos.map((d) => [d.id, d])),
    municipioPorId: new Map(catalogo.municipios.map((m) => [m.id, m])),
    seccionesPorDistrito: agrupar(secciones, (s) => s.distrito),
    seccionesPorMunicipio: agrupar(secciones, (s) => s.municipio),
    unidades,
    unidadPorId: new Map(unidades.map((u) => [u.id, u])),
    unidadesDeSeccion: agruparDivididas(unidades),
  });
}

/** One unit per sección, then one per (sección, distrito, municipio) of a part counted outside its sección's. */
function unidadesDe(secciones: readonly Seccion[], seccionPorId: ReadonlyMap<number, Seccion>, actas: readonly ActaEsperada[]) {
  const unidades: Unidad[] = secciones.map((s) => ({ id: s.id, seccion: s.id, distrito: s.distrito, municipio: s.municipio }));
  const extra = new Map<string, number>();
  for (const a of actas) {
    const s = seccionPorId.get(a.seccion.id)!;
    if (a.parte === 1 || (a.seccion.distrito === s.distrito && a.seccion.municipio === s.municipio)) continue;
    const k = `${s.id}/${a.seccion.distrito}/${a.seccion.municipio}`;
    if (extra.has(k)) continue;
    const id = PRIMERA_UNIDAD_EXTRA + extra.size;
    extra.set(k, id);
    unidades.push({ id, seccion: s.id, distrito: a.seccion.distrito, municipio: a.seccion.municipio });
  }
  // Ordinary actas (nearly all) count in their sección's own unit without a lookup.
  const unidadDe = (a: ActaEsperada) => (a.parte === 1 ? a.seccion.id : (extra.get(`${a.seccion.id}/${a.seccion.distrito}/${a.seccion.municipio}`) ?? a.seccion.id));
  return { unidades, unidadDe };
}

/** The units of each sección with extra ones (its own first): the few whose rows and block are sums. */
function agruparDivididas(unidades: readonly Unidad[]): Map<number, Unidad[]> {
  const out = new Map<number, Unidad[]>();
  for (const u of unidades) {
    if (u.id < PRIMERA_UNIDAD_EXTRA) continue;
    let xs = out.get(u.seccion);
    if (xs === undefined) out.set(u.seccion, (xs = [unidades.find((x) => x.id === u.seccion)!]));
    xs.push(u);
  }
  return out;
}

function agrupar(secciones: readonly Seccion[], clave: (s: Seccion) => number): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const s of secciones) {
    const k = clave(s);
    const lista = out.get(k) ?? [];
    lista.push(s.id);
    out.set(k, lista);
  }
  return out;
}

function eleccionModelo(cat: Catalogo, eleccion: Eleccion, actas: ActaModelo[]): EleccionModelo {
  const boletas = cat.boletas.filter((b) => b.eleccion === eleccion.codigo).sort((a, b) => a.territorio - b.territorio);
  const columnas = columnasDeEleccion(cat, boletas);
  asignarColumnas(actas, columnas);
  return {
    eleccion,
    actas,
    columnas,
    candidaturas: candidaturasDeEleccion(cat, boletas),
    boletas: new Map(boletas.map((b) => [b.territorio, b])),
    unidadesExtra: new Set(actas.filter((a) => a.unidad >= PRIMERA_UNIDAD_EXTRA).map((a) => a.unidad)),
  };
}

/**
 * Sets each acta's `columnas`: one array per ballot, or per split sección whose actas have several ballots; and
 * their `posiciones` in the election's, one array per column list.
 */
function asignarColumnas(actas: ActaModelo[], deEleccion: readonly string[]): void {
  const porBoleta = new Map<Boleta, readonly string[]>();
  const boletasDe = new Map<number, Set<Boleta>>();
  for (const a of actas) {
    let b = boletasDe.get(a.seccion.id);
    if (b === undefined) boletasDe.set(a.seccion.id, (b = new Set()));
    b.add(a.boleta);
  }
  const union = new Map<number, readonly string[]>();
  for (const [seccion, bs] of boletasDe) {
    if (bs.size < 2) continue;
    const presentes = new Set([...bs].flatMap((b) => b.columnas));
    union.set(seccion, deEleccion.filter((c) => presentes.has(c) || FIJAS.has(c)));
  }
  for (const a of actas) {
    let c = union.get(a.seccion.id) ?? porBoleta.get(a.boleta);
    if (c === undefined) porBoleta.set(a.boleta, (c = [...a.boleta.columnas, ...COLUMNAS_FIJAS]));
    a.columnas = c;
  }
  const indice = new Map(deEleccion.map((c, i) => [c, i]));
  const posiciones = new Map<readonly string[], Int32Array>();
  for (const a of actas) {
    let p = posiciones.get(a.columnas);
    // Every ballot column is one of the election's (`columnasDeEleccion` is their union).
    if (p === undefined) posiciones.set(a.columnas, (p = Int32Array.from(a.columnas, (c) => posicion(indice, c))));
    a.posiciones = p;
  }
}

function posicion(indice: ReadonlyMap<string, number>, columna: string): number {
  const i = indice.get(columna);
  assert(i !== undefined, `columna ${columna} fuera de su elección`);
  return i;
}

/**
 * The vote columns of an election's results CSV: the union of its ballots' columns. Parties and independents
 * first (catalogue `orden`), then combination columns grouped by coalition (catalogue order), larger
 * combinations first, then by first appearance (ballots by territory); NO_REGISTRADAS and NULOS last.
 */
export function columnasDeEleccion(cat: Catalogo, boletas: readonly Boleta[]): string[] {
  const presentes = new Set(boletas.flatMap((b) => b.columnas));
  const partidos = [...cat.partidos].sort((a, b) => a.orden - b.orden).map((p) => p.siglas);
  const esPartido = new Set(partidos);
  const coalicionIndice = new Map(cat.coaliciones.map((c, i) => [c.id, i]));
  const combinaciones: { col: string; coalicion: number; partes: number; aparicion: number }[] = [];
  const vistas = new Set<string>();
  for (const b of boletas) {
    const cand = candidaturaDeColumna(b);
    for (const col of b.columnas) {
      if (esPartido.has(col) || FIJAS.has(col) || vistas.has(col)) continue;
      vistas.add(col);
      const c = cand.get(col);
      combinaciones.push({
        col,
        coalicion: c !== undefined ? (coalicionIndice.get(c) ?? cat.coaliciones.length) : cat.coaliciones.length,
        partes: col.split('_').length,
        aparicion: combinaciones.length,
      });
    }
  }
  combinaciones.sort((a, b) => a.coalicion - b.coalicion || b.partes - a.partes || a.aparicion - b.aparicion);
  return [...partidos.filter((p) => presentes.has(p)), ...combinaciones.map((c) => c.col), ...COLUMNAS_FIJAS];
}

/** Candidaturas of an election: its coalitions (catalogue order), then parties and independents running alone. */
export function candidaturasDeEleccion(cat: Catalogo, boletas: readonly Boleta[]): string[] {
  const presentes = new Set<string>();
  for (const b of boletas) for (const c of candidaturaDeColumna(b).values()) presentes.add(c);
  const orden = [...cat.coaliciones.map((c) => c.id), ...[...cat.partidos].sort((a, b) => a.orden - b.orden).map((p) => p.siglas)];
  const conocidas = orden.filter((c) => presentes.has(c));
  const resto = [...presentes].filter((c) => !orden.includes(c)).sort();
  return [...conocidas, ...resto];
}
