/**
 * Renders the shards the state marks as dirty, children before parents, and hashes them. A shard is compact
 * JSON built in a fixed key order, so the same state gives the same bytes: exactly `JSON.stringify` of its
 * value (a property test parses and re-stringifies every shard), assembled from pieces kept between cortes —
 * the JSON of each acta and of each election's tallies in a sección (by the state), each sección's row in its
 * parents' tables and each distrito's and municipio's row in the entidad's (until its tally or its shard
 * moves), and the catalogue-only openings of every shard. An unchanged shard is never stringified again.
 */
import {
  CONTEO,
  direccionShard,
  grupoDeSeccion,
  rutaShard,
  SECCIONES_POR_GRUPO,
  shardIds,
  VERSION_SHARDS,
  type EntidadRef,
  type GrupoSeccionesShard,
  type GruposDeSecciones,
  type Resultados,
  type ShardId,
  type ShardRef,
  type TerritoriosShard,
} from '../contrato/index.ts';
import { registroOrdenado, sinClaves } from '../conteo/densos.ts';
import { figuras } from '../conteo/figuras.ts';
import { columnasDeBoleta } from './acta-shard.ts';
import { sha256Hex, utf8 } from './bytes.ts';
import type { ConteoTerritorio, EstadoCorte, EstadoEleccion } from './estado.ts';
import type { ActaModelo, CorteModelo, EleccionModelo } from './modelo.ts';

export interface ShardNuevo extends ShardRef {
  contenido: Uint8Array;
}

/**
 * Receives the new shards in batches, as they are rendered: the corte job writes each batch before the next
 * is rendered, so a full corte never holds every shard's bytes at once (a Worker has 128 MB).
 */
export type Entrega = (lote: readonly ShardNuevo[]) => Promise<void>;

export interface ResultadoRender {
  /** Shards whose bytes are new in this corte. */
  nuevos: ShardRef[];
  /** Their bytes, only when no `Entrega` took them. */
  contenidos: Map<ShardId, Uint8Array>;
  /** Shards rendered again whose bytes did not change. */
  iguales: number;
  /** Every shard of the corte, sorted by id. */
  shards: ShardRef[];
}

/** Shards rendered, hashed and delivered at a time. */
export const LOTE_SHARDS = 256;

export function entidadRef(modelo: CorteModelo): EntidadRef {
  const e = modelo.entidad;
  return { id: e.id, nombre: e.nombre, utcOffsetMinutes: e.utcOffsetMinutes, sintetico: e.sintetico };
}

/** The party catalogue a results view draws with (entidad and `secciones/<g>` shards): parties in ballot order. */
function catalogoPartidos(m: CorteModelo): GrupoSeccionesShard['catalogo'] {
  return {
    partidos: [...m.catalogo.partidos].sort((x, y) => x.orden - y.orden).map((p) => ({ siglas: p.siglas, nombre: p.nombre, color: p.color })),
    coaliciones: m.catalogo.coaliciones.map((c) => ({ id: c.id, nombre: c.nombre, partidos: c.partidos })),
  };
}

/** A territory's results: its figures, its votes per column and per candidatura (election order, then others sorted). */
export function resultados(c: ConteoTerritorio, final: boolean): Resultados {
  return {
    figuras: figuras(c.t, { final }),
    votos: registroOrdenado(c.d.votos, c.slot, c.ix.columnas, c.t.votos),
    candidaturas: registroOrdenado(c.d.candidaturas, c.slot, c.ix.candidaturas, c.t.candidaturas),
  };
}

/**
 * Scratch lists of numbers, one per length (reused: a full corte writes ~30k; changing one list's length would
 * reallocate it each time).
 */
const cifras: number[][] = [];

function cifrasDe(n: number): number[] {
  let xs = cifras[n];
  if (xs === undefined) cifras[n] = xs = Array.from({ length: n }, () => 0);
  return xs;
}

/**
 * A number for a scratch list: integers as small integers, which `JSON.stringify` writes natively (the list's
 * JSON is then what `join(',')` in brackets gave for finite numbers, at a fraction of its cost).
 */
function entero(x: number): number {
  return x === (x | 0) ? x | 0 : x;
}

/**
 * `JSON.stringify(resultados(c, final))`, its records written from the dense votes without building them (a
 * record of ~40 keys added one by one becomes a hash table, slow to build and to stringify; every parent shard
 * rendered has one of each).
 */
function resultadosJson(c: ConteoTerritorio, final: boolean): string {
  const votos = registroJson(c.d.votos, c.slot, c.ix.columnas, c.t.votos);
  const candidaturas = registroJson(c.d.candidaturas, c.slot, c.ix.candidaturas, c.t.candidaturas);
  return `{"figuras":${JSON.stringify(figuras(c.t, { final }))},"votos":${votos},"candidaturas":${candidaturas}}`;
}

/** Per list of names: each one's `"name":` (null when one is an array index, which a record orders first). */
const clavesJson = new WeakMap<readonly string[], readonly string[] | null>();

function clavesDe(nombres: readonly string[]): readonly string[] | null {
  let ks = clavesJson.get(nombres);
  if (ks === undefined) {
    ks = nombres.some((n) => /^(0|[1-9]\d*)$/.test(n) && Number(n) < 2 ** 32 - 1) ? null : nombres.map((n) => `${JSON.stringify(n)}:`);
    clavesJson.set(nombres, ks);
  }
  return ks;
}

/**
 * `JSON.stringify(registroOrdenado(d, slot, nombres, fuera))`; written directly when `fuera` is empty (as it is
 * unless the catalogue left a column out of the index).
 */
function registroJson(d: Float64Array, slot: number, nombres: readonly string[], fuera: Readonly<Record<string, number>>): string {
  const ks = clavesDe(nombres);
  if (ks === null || !sinClaves(fuera)) return JSON.stringify(registroOrdenado(d, slot, nombres, fuera));
  const partes: string[] = [];
  for (let k = 0, a = slot * nombres.length; k < nombres.length; k++) {
    const v = d[a + k]!;
    if (v !== 0) partes.push(ks[k]! + String(v));
  }
  return `{${partes.join(',')}}`;
}

/**
 * A tally's counters and its votes per candidatura as two JSON lists (`t` and `c` of a compact row), the
 * election's candidaturas in order: exactly the index's, so the dense slot as it is.
 */
function conteoListas(c: ConteoTerritorio): [t: string, c: string] {
  const t = c.t;
  const xs = cifrasDe(CONTEO.length);
  for (let i = 0; i < CONTEO.length; i++) xs[i] = entero(t[CONTEO[i]!]);
  const conteo = JSON.stringify(xs);
  const nombres = c.ix.candidaturas;
  const base = c.slot * nombres.length;
  const d = c.d.candidaturas;
  const r = c.t.candidaturas;
  // The record beside the dense votes is empty unless the catalogue left something out of the index.
  const vacio = sinClaves(r);
  const cs = cifrasDe(nombres.length);
  for (let i = 0; i < nombres.length; i++) cs[i] = entero(vacio ? d[base + i]! : d[base + i]! + (r[nombres[i]!] ?? 0));
  return [conteo, JSON.stringify(cs)];
}

/** `"t":[…],"c":[…]` (FilaCompacta). */
function conteoJson(c: ConteoTerritorio): string {
  const [t, cs] = conteoListas(c);
  return `"t":${t},"c":${cs}`;
}

/** A territory's votes in the given columns (a ballot's), as a JSON list; 0 where it has none. */
function votosEn(c: ConteoTerritorio, columnas: readonly string[]): string {
  const pos = c.ix.posiciones(columnas);
  const base = c.slot * c.ix.columnas.length;
  const v = c.d.votos;
  const r = c.t.votos;
  const vacio = sinClaves(r);
  const xs = cifrasDe(columnas.length);
  for (let i = 0; i < columnas.length; i++) xs[i] = entero((pos[i]! >= 0 ? v[base + pos[i]!]! : 0) + (vacio ? 0 : (r[columnas[i]!] ?? 0)));
  return JSON.stringify(xs);
}

/**
 * A distrito's or municipio's row in the entidad shard (FilaTerritorioHijoSchema) as JSON. `sha256`: the
 * child's, of which the row carries the address. Built with `join` so the cached string is flat: joining
 * thousands of rope strings into a shard, every corte, would walk each rope again.
 */
function filaJson(id: number, nombre: string, sha256: string, c: ConteoTerritorio): string {
  return ['{"id":', String(id), ',"nombre":', JSON.stringify(nombre), ',"h":"', direccionShard(sha256), '",', conteoJson(c), '}'].join('');
}

/** JSON of lists many shards repeat (an election's candidaturas), per list object. */
const listas = new WeakMap<object, string>();

function listaJson(llave: object, lista: () => readonly string[]): string {
  let j = listas.get(llave);
  if (j === undefined) {
    j = JSON.stringify(lista());
    listas.set(llave, j);
  }
  return j;
}

/**
 * A sección shard's opening up to its `final` flag (names, nesting and its ballots' column lists: the
 * catalogue only), and the catalogue-only part of each election's block: its actas there and its opening
 * (`codigo`, which of those lists it points at, `candidaturas`).
 */
interface CabeceraSeccion {
  texto: string;
  bloques: readonly BloqueSeccion[];
}

interface BloqueSeccion {
  eleccion: EleccionModelo;
  propias: readonly ActaModelo[];
  /** `"codigo":…,"boleta":…,"candidaturas":[…],` */
  abre: string;
}

/** Per model, per sección: its opening. */
const cabecerasSeccion = new WeakMap<CorteModelo, Map<number, CabeceraSeccion>>();

function cabeceraSeccion(m: CorteModelo, seccion: number): CabeceraSeccion {
  let porSeccion = cabecerasSeccion.get(m);
  if (porSeccion === undefined) cabecerasSeccion.set(m, (porSeccion = new Map()));
  let c = porSeccion.get(seccion);
  if (c === undefined) {
    const s = m.seccionPorId.get(seccion)!;
    // Each distinct column list once: the elections of a sección mostly share one ballot layout.
    const boletas: (readonly string[])[] = [];
    const porTexto = new Map<string, number>();
    const bloques: BloqueSeccion[] = [];
    for (const em of m.elecciones) {
      const propias = actasDeEleccion(m, em, seccion);
      if (propias.length === 0) continue;
      const columnas = columnasDeBoleta(propias[0]!);
      const clave = columnas.join('\u0000');
      let i = porTexto.get(clave);
      if (i === undefined) porTexto.set(clave, (i = boletas.push(columnas) - 1));
      const cands = listaJson(em.candidaturas, () => em.candidaturas);
      bloques.push({ eleccion: em, propias, abre: `"codigo":${JSON.stringify(em.eleccion.codigo)},"boleta":${i},"candidaturas":${cands},` });
    }
    const texto = JSON.stringify({
      tipo: 'seccion',
      version: VERSION_SHARDS,
      entidad: m.entidad.id,
      seccion,
      distrito: { id: s.distrito, nombre: m.distritoPorId.get(s.distrito)?.cabecera ?? '' },
      municipio: { id: s.municipio, nombre: m.municipioPorId.get(s.municipio)?.nombre ?? '' },
      boletas,
    }).slice(0, -1);
    porSeccion.set(seccion, (c = { texto, bloques }));
  }
  return c;
}

/**
 * One election's block of a sección shard, its pieces pushed onto `partes`. Its tallies' JSON is kept until
 * one of its actas moves: a sección rendered again for another election's acta rebuilds none of this one's
 * tallies.
 */
function bloqueSeccion(estado: EstadoCorte, b: BloqueSeccion, seccion: number, partes: string[]): void {
  const codigo = b.eleccion.eleccion.codigo;
  const ee = estado.elecciones.get(codigo)!;
  const propias = b.propias;
  let cuentas = ee.cuentasBloque.get(seccion);
  if (cuentas === undefined) {
    const c = estado.conteo(codigo, 'seccion', seccion);
    cuentas = [conteoJson(c), ',"v":', votosEn(c, columnasDeBoleta(propias[0]!))].join('');
    ee.cuentasBloque.set(seccion, cuentas);
  }
  partes.push(b.abre, cuentas, ',"actas":[');
  // Each acta's JSON as the state keeps it (flat), copied once into the shard's text.
  partes.push(estado.fragmentoEn(ee, propias[0]!));
  for (let i = 1; i < propias.length; i++) partes.push(',', estado.fragmentoEn(ee, propias[i]!));
  partes.push(']}');
}

/** Per model: the expected actas of each election in each sección (catalogue order). */
const actasPorEleccion = new WeakMap<CorteModelo, Map<string, Map<number, ActaModelo[]>>>();

function actasDeEleccion(m: CorteModelo, em: EleccionModelo, seccion: number): readonly ActaModelo[] {
  let porEleccion = actasPorEleccion.get(m);
  if (porEleccion === undefined) actasPorEleccion.set(m, (porEleccion = new Map()));
  let porSeccion = porEleccion.get(em.eleccion.codigo);
  if (porSeccion === undefined) {
    porSeccion = new Map();
    for (const a of em.actas) {
      let xs = porSeccion.get(a.seccion.id);
      if (xs === undefined) porSeccion.set(a.seccion.id, (xs = []));
      xs.push(a);
    }
    porEleccion.set(em.eleccion.codigo, porSeccion);
  }
  return porSeccion.get(seccion) ?? [];
}

/**
 * A sección shard: `JSON.stringify` of { tipo, version, entidad, seccion, distrito, municipio, boletas, final, elecciones }
 * built from cached pieces (its opening, each election's block).
 */
function textoSeccion(estado: EstadoCorte, seccion: number, final: boolean): string {
  // One join of every piece: the text comes out flat, its ~5 KB copied once (nested joins and templates
  // copied each acta's JSON up to three times, the last when encoding flattened the result).
  const c = cabeceraSeccion(estado.modelo, seccion);
  const partes = [c.texto, final ? ',"final":true,"elecciones":[' : ',"final":false,"elecciones":['];
  for (let i = 0; i < c.bloques.length; i++) {
    partes.push(i === 0 ? '{' : ',{');
    bloqueSeccion(estado, c.bloques[i]!, seccion, partes);
  }
  partes.push(']}');
  return partes.join('');
}

/**
 * A sección's row in a parent's table (`[id, t, c]`, FilaSeccionPadre): the figures of its actas counted there. An
 * ordinary sección's row is the same in both its parents, cached until its tally moves; a split sección's is
 * summed each time.
 */
function filaSeccion(estado: EstadoCorte, ee: EstadoEleccion, seccion: number, nivel: 'distrito' | 'municipio', id: number): string {
  let f = ee.filasSeccion[seccion];
  if (f !== undefined) return f;
  const [t, c] = conteoListas(estado.conteoEn(ee, seccion, nivel, id)!);
  f = ['[', String(seccion), ',', t, ',', c, ']'].join('');
  if (!estado.modelo.unidadesDeSeccion.has(seccion)) ee.filasSeccion[seccion] = f;
  return f;
}

/** Per model, per election: the secciones of each parent that has a split sección's part (rows, by id). */
const filasConPartes = new WeakMap<CorteModelo, Map<string, number[]>>();

/** The secciones with a row in a parent's table: its own, and those with actas of the election counted there. */
function seccionesDe(m: CorteModelo, em: EleccionModelo, nivel: 'distrito' | 'municipio', id: number): readonly number[] {
  const propias = (nivel === 'distrito' ? m.seccionesPorDistrito : m.seccionesPorMunicipio).get(id) ?? [];
  if (em.unidadesExtra.size === 0) return propias;
  let porPadre = filasConPartes.get(m);
  if (porPadre === undefined) filasConPartes.set(m, (porPadre = new Map()));
  const k = `${em.eleccion.codigo}/${nivel}/${id}`;
  let xs = porPadre.get(k);
  if (xs === undefined) {
    const extra = [...em.unidadesExtra].map((u) => m.unidadPorId.get(u)!).filter((u) => u[nivel] === id).map((u) => u.seccion);
    xs = [...new Set([...propias, ...extra])].sort((a, b) => a - b);
    porPadre.set(k, xs);
  }
  return xs;
}

type Candidato = { partidoCi: string; propietaria: string; suplente: string };

/** Candidatos per election and territory (catalogue order), grouped once per model. */
const candidatosPorModelo = new WeakMap<CorteModelo, Map<string, Candidato[]>>();

function candidatos(estado: EstadoCorte, eleccion: string, territorio: number): Candidato[] {
  const m = estado.modelo;
  let grupos = candidatosPorModelo.get(m);
  if (grupos === undefined) {
    grupos = new Map();
    for (const c of m.catalogo.candidaturas) {
      const k = `${c.eleccion}\u0000${c.territorio}`;
      let g = grupos.get(k);
      if (g === undefined) grupos.set(k, (g = []));
      g.push({ partidoCi: c.partidoCi, propietaria: c.propietaria, suplente: c.suplente });
    }
    candidatosPorModelo.set(m, grupos);
  }
  return grupos.get(`${eleccion}\u0000${territorio}`) ?? [];
}

/**
 * Per model, per parent shard id: the parts of its opening that depend on the catalogue only — up to its
 * `candidaturas` (`abre`) and from `catalogo` / `candidatos` to its table (`sigue`, never empty: it always has
 * `candidatos`) — so a parent rendered again rebuilds only its `final` flag and its results.
 */
const aperturas = new WeakMap<CorteModelo, Map<ShardId, { abre: string; sigue: string }>>();

function apertura(m: CorteModelo, id: ShardId, construir: () => { abre: object; sigue: object }): { abre: string; sigue: string } {
  let porId = aperturas.get(m);
  if (porId === undefined) aperturas.set(m, (porId = new Map()));
  let a = porId.get(id);
  if (a === undefined) {
    const partes = construir();
    // `{…}` without its closing brace, and `{…}` without its opening one: spliced around `final` and results.
    a = { abre: JSON.stringify(partes.abre).slice(0, -1), sigue: JSON.stringify(partes.sigue).slice(1, -1) };
    porId.set(id, a);
  }
  return a;
}

/**
 * `JSON.stringify({ ...abre, final, resultados, ...sigue, [tabla]: [filas], … })`, from its pieces, in one join
 * (the text comes out flat: its rows copied once). `tablas`: each table's key and rows.
 */
function textoPadre(a: { abre: string; sigue: string }, final: boolean, c: ConteoTerritorio, tablas: readonly (readonly [string, readonly string[]])[], cierre = ''): string {
  const partes = [a.abre, final ? ',"final":true,"resultados":' : ',"final":false,"resultados":', resultadosJson(c, final), ',', a.sigue];
  for (const [clave, filas] of tablas) {
    partes.push(`,"${clave}":[`);
    if (filas.length > 0) partes.push(filas[0]!);
    for (let i = 1; i < filas.length; i++) partes.push(',', filas[i]!);
    partes.push(']');
  }
  partes.push(cierre, '}');
  return partes.join('');
}

function textoTerritorio(estado: EstadoCorte, em: EleccionModelo, nivel: 'distrito' | 'municipio', id: number, final: boolean): string {
  const m = estado.modelo;
  const ee = estado.elecciones.get(em.eleccion.codigo)!;
  const a = apertura(m, shardIds[nivel](em.eleccion.codigo, id), () => ({
    abre: {
      tipo: nivel,
      version: VERSION_SHARDS,
      entidad: m.entidad.id,
      eleccion: em.eleccion.codigo,
      id,
      nombre: nivel === 'distrito' ? (m.distritoPorId.get(id)?.cabecera ?? '') : (m.municipioPorId.get(id)?.nombre ?? ''),
      columnas: em.columnas,
      candidaturas: em.candidaturas,
    },
    sigue: { candidatos: em.eleccion.territorio === nivel ? candidatos(estado, em.eleccion.codigo, id) : [] },
  }));
  const filas = seccionesDe(m, em, nivel, id).map((s) => filaSeccion(estado, ee, s, nivel, id));
  return textoPadre(a, final, estado.conteo(em.eleccion.codigo, nivel, id), [['secciones', filas]]);
}

/** A distrito's or municipio's row in the entidad shard, cached until that territory's shard is rendered again. */
function filaTerritorio(estado: EstadoCorte, ee: EstadoEleccion, nivel: 'distrito' | 'municipio', territorio: number, nombre: string): string {
  const id = shardIds[nivel](ee.modelo.eleccion.codigo, territorio);
  let f = ee.filasTerritorio.get(id);
  if (f === undefined) {
    f = filaJson(territorio, nombre, estado.shards.get(id)!.sha256, estado.conteo(ee.modelo.eleccion.codigo, nivel, territorio));
    ee.filasTerritorio.set(id, f);
  }
  return f;
}

function textoEntidad(estado: EstadoCorte, em: EleccionModelo, final: boolean): string {
  const m = estado.modelo;
  const ee = estado.elecciones.get(em.eleccion.codigo)!;
  const codigo = em.eleccion.codigo;
  const a = apertura(m, shardIds.entidad(codigo), () => ({
    abre: {
      tipo: 'entidad',
      version: VERSION_SHARDS,
      entidad: entidadRef(m),
      eleccion: { codigo, nombre: em.eleccion.nombre, territorio: em.eleccion.territorio },
      columnas: em.columnas,
      candidaturas: em.candidaturas,
    },
    sigue: {
      catalogo: catalogoPartidos(m),
      candidatos: em.eleccion.territorio === 'entidad' ? candidatos(estado, codigo, 0) : [],
    },
  }));
  const distritos = m.distritos.map((d) => filaTerritorio(estado, ee, 'distrito', d.id, d.cabecera));
  const municipios = m.municipios.map((x) => filaTerritorio(estado, ee, 'municipio', x.id, x.nombre));
  const fc = estado.fueraCatalogo(codigo).map((x) => x.fragmento);
  const grupos = gruposPublicados(m, (id) => estado.shards.get(id)?.sha256);
  return textoPadre(
    a,
    final,
    estado.conteo(codigo, 'entidad'),
    [
      ['distritos', distritos],
      ['municipios', municipios],
      ['fueraCatalogo', fc],
    ],
    `,"secciones":${JSON.stringify(grupos)}`,
  );
}

/**
 * Where each group of secciones is (the pointer and every entidad shard carry it): group g's address at index g,
 * null for a hundred without secciones. `sha256De`: a shard's SHA-256 by id.
 */
export function gruposPublicados(m: CorteModelo, sha256De: (id: ShardId) => string | undefined): GruposDeSecciones {
  const grupos = gruposDeSecciones(m);
  const n = grupos.size === 0 ? 0 : Math.max(...grupos.keys()) + 1;
  return {
    porGrupo: SECCIONES_POR_GRUPO,
    grupos: Array.from({ length: n }, (_, g) => {
      const sha = sha256De(shardIds.grupoSecciones(g));
      return sha === undefined ? null : direccionShard(sha);
    }),
  };
}

/** Per model: each group's secciones (catalogue order) and its JSON up to its rows (catalogue only). */
const gruposPorModelo = new WeakMap<CorteModelo, Map<number, { secciones: number[]; abre: string }>>();

/** The groups of secciones (`secciones/<g>`) of a catalogue, each with its secciones, by group. */
export function gruposDeSecciones(m: CorteModelo): ReadonlyMap<number, { secciones: readonly number[]; abre: string }> {
  let grupos = gruposPorModelo.get(m);
  if (grupos === undefined) {
    grupos = new Map();
    for (const s of m.secciones) {
      const g = grupoDeSeccion(s.id);
      let x = grupos.get(g);
      if (x === undefined) {
        const apertura: GrupoSeccionesShard = { tipo: 'secciones', version: VERSION_SHARDS, entidad: m.entidad.id, grupo: g, catalogo: catalogoPartidos(m), secciones: [] };
        // Without its empty table's `[]}`: the rows go there.
        grupos.set(g, (x = { secciones: [], abre: JSON.stringify(apertura).slice(0, -3) }));
      }
      x.secciones.push(s.id);
    }
    gruposPorModelo.set(m, grupos);
  }
  return grupos;
}

/** A group's shard: its opening and a row per sección with its shard's current address. */
function textoGrupo(estado: EstadoCorte, grupo: number): string {
  const g = gruposDeSecciones(estado.modelo).get(grupo)!;
  const filas = g.secciones.map((s) => `{"id":${s},"h":"${direccionShard(estado.shards.get(shardIds.seccion(s))!.sha256)}"}`);
  return `${g.abre}[${filas.join(',')}]}`;
}

export function textoTerritorios(modelo: CorteModelo): string {
  const c = modelo.catalogo;
  const shard: TerritoriosShard = {
    tipo: 'territorios',
    version: VERSION_SHARDS,
    entidad: entidadRef(modelo),
    elecciones: modelo.elecciones.map(({ eleccion: e }) => ({ codigo: e.codigo, nombre: e.nombre, territorio: e.territorio, tipoActa: e.tipoActa })),
    partidos: [...c.partidos].sort((a, b) => a.orden - b.orden).map((p) => ({ siglas: p.siglas, nombre: p.nombre, color: p.color, tipo: p.tipo })),
    coaliciones: c.coaliciones.map((x) => ({ id: x.id, nombre: x.nombre, partidos: x.partidos })),
    distritos: modelo.distritos.map((d) => ({ id: d.id, nombre: d.cabecera })),
    municipios: modelo.municipios.map((x) => ({ id: x.id, nombre: x.nombre })),
    secciones: modelo.secciones.map((s) => ({ id: s.id, distrito: s.distrito, municipio: s.municipio })),
  };
  return JSON.stringify(shard);
}

interface Pendiente {
  id: ShardId;
  contenido: Uint8Array;
  sha256: Promise<string>;
}

/** Encodes and starts hashing a rendered shard (digests run concurrently). */
function iniciar(id: ShardId, texto: string): Pendiente {
  const contenido = utf8(texto);
  return { id, contenido, sha256: sha256Hex(contenido) };
}

/** Records hashed shards in the table; returns those whose bytes are new. */
async function registrar(estado: EstadoCorte, pendientes: readonly Pendiente[]): Promise<{ nuevos: ShardNuevo[]; iguales: number }> {
  const hashes = await Promise.all(pendientes.map((p) => p.sha256));
  const nuevos: ShardNuevo[] = [];
  let iguales = 0;
  pendientes.forEach((p, i) => {
    const sha256 = hashes[i]!;
    if (estado.shards.get(p.id)?.sha256 === sha256) {
      iguales++;
      return;
    }
    const ref: ShardRef = { id: p.id, ruta: rutaShard(estado.modelo.entidad.id, p.id, sha256), sha256, bytes: p.contenido.length };
    estado.shards.set(p.id, ref);
    nuevos.push({ ...ref, contenido: p.contenido });
  });
  return { nuevos, iguales };
}

/** One wave: renders, hashes and delivers its shards a batch at a time. */
async function ola(
  estado: EstadoCorte,
  trabajos: readonly { id: ShardId; texto: () => string }[],
  salida: Omit<ResultadoRender, 'shards'>,
  entregar: Entrega | undefined,
  alNuevo: (n: ShardRef) => void = () => {},
): Promise<void> {
  for (let i = 0; i < trabajos.length; i += LOTE_SHARDS) {
    const lote = trabajos.slice(i, i + LOTE_SHARDS).map((t) => iniciar(t.id, t.texto()));
    const r = await registrar(estado, lote);
    salida.iguales += r.iguales;
    if (entregar) await entregar(r.nuevos);
    for (const n of r.nuevos) {
      const { contenido, ...ref } = n;
      if (!entregar) salida.contenidos.set(n.id, contenido);
      salida.nuevos.push(ref);
      alNuevo(ref);
    }
  }
}

/** Ids of a state's shard table, sorted. */
const ordenIds = new WeakMap<EstadoCorte, ShardId[]>();

/**
 * Renders every dirty shard (all of them the first time, or when the final flag changes) and clears the
 * marks. Three waves, children first: secciones (one whose bytes changed marks its group, which carries its
 * address; its parents were marked when its tally moved), then the groups of secciones, distritos and
 * municipios, then the entidad of each election (it names the groups). New shards go to `entregar` batch by
 * batch, or are kept in the result when none is given.
 */
export async function renderizar(estado: EstadoCorte, opciones: { final: boolean }, entregar?: Entrega): Promise<ResultadoRender> {
  const { final } = opciones;
  const todo = estado.finalRenderizado !== final;
  if (todo) estado.marcarTodo();
  const m = estado.modelo;
  const salida: Omit<ResultadoRender, 'shards'> = { nuevos: [], contenidos: new Map(), iguales: 0 };
  const secciones = [...estado.seccionesSucias].sort((a, b) => a - b).map((s) => ({ id: shardIds.seccion(s), texto: () => textoSeccion(estado, s, final) }));
  if (!estado.shards.has(shardIds.territorios())) secciones.push({ id: shardIds.territorios(), texto: () => textoTerritorios(m) });
  // A group carries its secciones' addresses: it is rendered when one of them moved (or it was never rendered).
  const grupos = new Set<number>();
  await ola(estado, secciones, salida, entregar, (n) => {
    const s = /^seccion\/(\d+)$/.exec(n.id);
    if (s) grupos.add(grupoDeSeccion(Number(s[1])));
  });
  for (const g of gruposDeSecciones(m).keys()) if (!estado.shards.has(shardIds.grupoSecciones(g))) grupos.add(g);
  const territorios: { id: ShardId; texto: () => string }[] = [...grupos]
    .sort((a, b) => a - b)
    .map((g) => ({ id: shardIds.grupoSecciones(g), texto: () => textoGrupo(estado, g) }));
  for (const em of m.elecciones) {
    const codigo = em.eleccion.codigo;
    const ee = estado.elecciones.get(codigo)!;
    // A territory rendered again gets a new row in the entidad shard (its address and figures).
    const sucio = (id: ShardId) => {
      if (!estado.territoriosSucios.has(id)) return false;
      ee.filasTerritorio.delete(id);
      return true;
    };
    for (const d of m.distritos) {
      const id = shardIds.distrito(codigo, d.id);
      if (sucio(id)) territorios.push({ id, texto: () => textoTerritorio(estado, em, 'distrito', d.id, final) });
    }
    for (const x of m.municipios) {
      const id = shardIds.municipio(codigo, x.id);
      if (sucio(id)) territorios.push({ id, texto: () => textoTerritorio(estado, em, 'municipio', x.id, final) });
    }
  }
  // Every entidad shard names the groups (a past corte's secciones are reached from it): a moved group moves them.
  await ola(estado, territorios, salida, entregar, (n) => {
    if (n.id.startsWith('secciones/')) for (const em of m.elecciones) estado.territoriosSucios.add(shardIds.entidad(em.eleccion.codigo));
  });
  const entidades = m.elecciones
    .filter((em) => estado.territoriosSucios.has(shardIds.entidad(em.eleccion.codigo)))
    .map((em) => ({ id: shardIds.entidad(em.eleccion.codigo), texto: () => textoEntidad(estado, em, final) }));
  await ola(estado, entidades, salida, entregar);
  estado.seccionesSucias.clear();
  estado.territoriosSucios.clear();
  estado.finalRenderizado = final;
  // Shards are only ever added to the table: the sorted ids are kept until one is (4,224 at Jalisco scale).
  let ids = ordenIds.get(estado);
  if (ids === undefined || ids.length !== estado.shards.size) {
    ids = [...estado.shards.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    ordenIds.set(estado, ids);
  }
  const shards = ids.map((id) => estado.shards.get(id)!);
  return { ...salida, shards };
}
