/**
 * The catalogue as a corte sees it: every expected acta with its CSV row number, the sección → distrito /
 * municipio lookups, and per election the vote columns of its results CSV and the order of its candidaturas.
 * Built once per catalogue; every corte (full or incremental) reads it, nothing mutates it.
 */
import { actasEsperadas, type ActaEsperada } from '../acta/esperadas.ts';
import { COLUMNAS_FIJAS } from '../acta/esquema.ts';
import type { Boleta, Catalogo, Distrito, Eleccion, Entidad, Municipio, Seccion } from '../catalogo/esquema.ts';
import { err, ok, type Result } from '../resultado.ts';
import { candidaturaDeColumna } from '../conteo/candidaturas.ts';

/** An expected acta and its row in its election's results CSV (0-based, catalogue order). */
export interface ActaModelo extends ActaEsperada {
  orden: number;
}

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
}

export interface ProblemaModelo {
  mensaje: string;
}

const FIJAS: ReadonlySet<string> = new Set(COLUMNAS_FIJAS);

/** Builds the model, or says why the catalogue cannot make one (a casilla without sección, a missing ballot). */
export function construirModelo(catalogo: Catalogo): Result<CorteModelo, ProblemaModelo[]> {
  const esperadas = actasEsperadas(catalogo);
  if (!esperadas.ok) return err(esperadas.error.map((p) => ({ mensaje: JSON.stringify(p) })));
  const elecciones = [...catalogo.elecciones].sort((a, b) => a.orden - b.orden || a.codigo.localeCompare(b.codigo));
  const porEleccion = new Map<string, ActaModelo[]>(elecciones.map((e) => [e.codigo, []]));
  for (const a of esperadas.value) {
    const lista = porEleccion.get(a.eleccion.codigo)!;
    lista.push({ ...a, orden: lista.length });
  }
  const modelosEleccion = elecciones.map((e) => eleccionModelo(catalogo, e, porEleccion.get(e.codigo)!));
  const secciones = [...catalogo.secciones].sort((a, b) => a.id - b.id);
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
    seccionPorId: new Map(secciones.map((s) => [s.id, s])),
    actasPorSeccion,
    distritos: [...catalogo.distritos].sort((a, b) => a.id - b.id),
    municipios: [...catalogo.municipios].sort((a, b) => a.id - b.id),
    distritoPorId: new Map(catalogo.distritos.map((d) => [d.id, d])),
    municipioPorId: new Map(catalogo.municipios.map((m) => [m.id, m])),
    seccionesPorDistrito: agrupar(secciones, (s) => s.distrito),
    seccionesPorMunicipio: agrupar(secciones, (s) => s.municipio),
  });
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
  return {
    eleccion,
    actas,
    columnas: columnasDeEleccion(cat, boletas),
    candidaturas: candidaturasDeEleccion(cat, boletas),
    boletas: new Map(boletas.map((b) => [b.territorio, b])),
  };
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
