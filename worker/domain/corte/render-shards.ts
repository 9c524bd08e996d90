/**
 * Renders the shards the state marks as dirty, children before parents, and hashes them. A shard is compact
 * JSON built in a fixed key order, so the same state gives the same bytes. Pieces that many shards repeat
 * are kept between cortes: the JSON of each registered acta (by the state) and each sección's row in its
 * parents' tables (until its tally or its shard moves). An unchanged shard is never stringified again.
 */
import { COLUMNAS_FIJAS, TOTALES, type Valor } from '../acta/schema.ts';
import { figuras, type Tally } from '../tally/tally.ts';
import type { ActaEnCorte } from './acta-corte.ts';
import { ordenarRegistro, sha256Hex, utf8 } from './bytes.ts';
import type { EstadoCorte, EstadoEleccion } from './estado.ts';
import type { ActaModelo, CorteModelo, EleccionModelo } from './modelo.ts';
import { rutaShard, shardIds, type ShardId } from './rutas.ts';
import { CONTEO } from './lectura.ts';
import {
  SHARD_VERSION,
  type ActaShard,
  type EntidadRef,
  type Resultados,
  type ShardRef,
  type TerritoriosShard,
} from './shards.ts';

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

export function resultados(t: Tally, em: EleccionModelo, final: boolean): Resultados {
  return {
    figuras: figuras(t, { final }),
    votos: ordenarRegistro(t.votos, em.columnas),
    candidaturas: ordenarRegistro(t.candidaturas, em.candidaturas),
  };
}

/** `"t":[…],"c":[…]`: a tally's counters and votes per candidatura (FilaCompacta). */
function conteoJson(t: Tally, em: EleccionModelo): string {
  const conteo = CONTEO.map((k) => t[k]).join(',');
  const c = em.candidaturas.map((x) => t.candidaturas[x] ?? 0).join(',');
  return `"t":[${conteo}],"c":[${c}]`;
}

/**
 * A compact row of a parent's table (see FilaHijoSchema) as JSON. Built with `join` so the cached string is
 * flat: joining thousands of rope strings into every parent shard, every corte, would walk each rope again.
 */
function filaJson(id: number, nombre: string, sha256: string, t: Tally, em: EleccionModelo): string {
  return ['{"id":', String(id), ',"nombre":', JSON.stringify(nombre), ',"sha256":"', sha256, '",', conteoJson(t, em), '}'].join('');
}

const alineado = (r: Readonly<Record<string, Valor>>, columnas: readonly string[]) => columnas.map((c) => r[c] ?? null);

const columnasPorBoleta = new WeakMap<object, readonly string[]>();

/** The vote columns of an expected acta's ballot, in the order of its `votos` array (one array per ballot). */
export function columnasDeBoleta(a: ActaModelo): readonly string[] {
  let c = columnasPorBoleta.get(a.boleta);
  if (c === undefined) columnasPorBoleta.set(a.boleta, (c = [...a.boleta.columnas, ...COLUMNAS_FIJAS]));
  return c;
}

/**
 * An acta as published: registered (`ac`), or its catalogue entry while pending. `columnas`: the order of its
 * `votos` (its ballot's columns; the election's columns for fuera de catálogo).
 */
export function actaShard(a: ActaModelo | null, ac: ActaEnCorte | undefined, columnas: readonly string[]): ActaShard {
  const casilla = a
    ? {
        clave: a.claveCasilla,
        seccion: a.casilla.seccion,
        tipo: a.casilla.tipo,
        id: a.casilla.id,
        extContigua: a.casilla.extContigua,
        ubicacion: a.casilla.ubicacion,
        listaNominal: a.casilla.listaNominal,
        representantes: a.casilla.representantes,
      }
    : { clave: null, ...identificacion(ac!), ubicacion: null, listaNominal: null, representantes: null };
  if (ac === undefined) {
    return {
      clave: a!.clave, casilla, registrada: false, estatus: null, contabilizada: null, observaciones: [], votos: null,
      totales: null, totalVotosCalculado: null, mecanismoTraslado: null, imagen: null, acopioAt: null, capturaAt: null,
      verificacionAt: null, cotejada: null,
    };
  }
  const p = ac.acta;
  return {
    clave: p.clave,
    casilla,
    registrada: true,
    estatus: ac.clasificacion.estatus,
    contabilizada: ac.clasificacion.contabilizada,
    observaciones: ac.clasificacion.observaciones,
    votos: p.captura ? alineado(p.captura.votos, columnas) : null,
    totales: p.captura ? alineado(p.captura.totales, TOTALES) : null,
    totalVotosCalculado: p.captura ? ac.clasificacion.totalVotosCalculado : null,
    mecanismoTraslado: p.mecanismoTraslado,
    imagen: p.imagen,
    acopioAt: p.acopioAt,
    capturaAt: p.capturaAt,
    verificacionAt: p.verificacionAt,
    cotejada: p.cotejada,
  };
}

function identificacion(ac: ActaEnCorte) {
  const i = ac.acta.identificacion;
  return { seccion: i.seccion, tipo: i.tipo, id: i.id, extContigua: i.extContigua };
}

/** JSON of lists many shards repeat (a ballot's columns, an election's candidaturas), per list object. */
const listas = new WeakMap<object, string>();

function listaJson(llave: object, lista: () => readonly string[]): string {
  let j = listas.get(llave);
  if (j === undefined) {
    j = JSON.stringify(lista());
    listas.set(llave, j);
  }
  return j;
}

function textoSeccion(estado: EstadoCorte, seccion: number, final: boolean): string {
  const m = estado.modelo;
  const s = m.seccionPorId.get(seccion)!;
  const cabecera = {
    tipo: 'seccion',
    version: SHARD_VERSION,
    entidad: m.entidad.id,
    seccion,
    distrito: { id: s.distrito, nombre: m.distritoPorId.get(s.distrito)?.cabecera ?? '' },
    municipio: { id: s.municipio, nombre: m.municipioPorId.get(s.municipio)?.nombre ?? '' },
    final,
  };
  const actas = m.actasPorSeccion.get(seccion)!;
  const elecciones: string[] = [];
  for (const em of m.elecciones) {
    const codigo = em.eleccion.codigo;
    const propias = actas.filter((a) => a.eleccion.codigo === codigo);
    if (propias.length === 0) continue;
    const boleta = propias[0]!.boleta;
    const columnas = columnasDeBoleta(propias[0]!);
    const frags = propias.map((a) => estado.fragmento(a));
    const t = estado.elecciones.get(codigo)!.secciones.get(seccion)!;
    const v = columnas.map((c) => t.votos[c] ?? 0).join(',');
    const cols = listaJson(boleta, () => columnas);
    const cands = listaJson(em.candidaturas, () => em.candidaturas);
    elecciones.push(`{"codigo":${JSON.stringify(codigo)},"columnas":${cols},"candidaturas":${cands},${conteoJson(t, em)},"v":[${v}],"actas":[${frags.join(',')}]}`);
  }
  return `${JSON.stringify(cabecera).slice(0, -1)},"elecciones":[${elecciones.join(',')}]}`;
}

/** A sección's row in its parents' tables, cached until its tally or its shard moves. */
function filaSeccion(estado: EstadoCorte, ee: EstadoEleccion, seccion: number): string {
  let f = ee.filasSeccion.get(seccion);
  if (f === undefined) {
    const sha = estado.shards.get(shardIds.seccion(seccion))!.sha256;
    f = filaJson(seccion, String(seccion), sha, ee.secciones.get(seccion)!, ee.modelo);
    ee.filasSeccion.set(seccion, f);
  }
  return f;
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

function tabla(em: EleccionModelo, final: boolean) {
  return { columnas: em.columnas, candidaturas: em.candidaturas, final };
}

function textoTerritorio(estado: EstadoCorte, em: EleccionModelo, nivel: 'distrito' | 'municipio', id: number, final: boolean): string {
  const m = estado.modelo;
  const ee = estado.elecciones.get(em.eleccion.codigo)!;
  const tally = (nivel === 'distrito' ? ee.distritos : ee.municipios).get(id)!;
  const nombre = nivel === 'distrito' ? (m.distritoPorId.get(id)?.cabecera ?? '') : (m.municipioPorId.get(id)?.nombre ?? '');
  const cabecera = {
    tipo: nivel,
    version: SHARD_VERSION,
    entidad: m.entidad.id,
    eleccion: em.eleccion.codigo,
    id,
    nombre,
    ...tabla(em, final),
    resultados: resultados(tally, em, final),
    candidatos: em.eleccion.territorio === nivel ? candidatos(estado, em.eleccion.codigo, id) : [],
  };
  const secciones = (nivel === 'distrito' ? m.seccionesPorDistrito : m.seccionesPorMunicipio).get(id) ?? [];
  const filas = secciones.map((s) => filaSeccion(estado, ee, s));
  return `${JSON.stringify(cabecera).slice(0, -1)},"secciones":[${filas.join(',')}]}`;
}

function textoEntidad(estado: EstadoCorte, em: EleccionModelo, final: boolean): string {
  const m = estado.modelo;
  const ee = estado.elecciones.get(em.eleccion.codigo)!;
  const codigo = em.eleccion.codigo;
  const sha = (id: ShardId) => estado.shards.get(id)!.sha256;
  const cabecera = {
    tipo: 'entidad',
    version: SHARD_VERSION,
    entidad: entidadRef(m),
    eleccion: { codigo, nombre: em.eleccion.nombre, territorio: em.eleccion.territorio },
    ...tabla(em, final),
    resultados: resultados(ee.entidad, em, final),
    catalogo: {
      partidos: [...m.catalogo.partidos].sort((a, b) => a.orden - b.orden).map((p) => ({ siglas: p.siglas, nombre: p.nombre, color: p.color })),
      coaliciones: m.catalogo.coaliciones.map((c) => ({ id: c.id, nombre: c.nombre, partidos: c.partidos })),
    },
    candidatos: em.eleccion.territorio === 'entidad' ? candidatos(estado, codigo, 0) : [],
  };
  const distritos = m.distritos.map((d) => filaJson(d.id, d.cabecera, sha(shardIds.distrito(codigo, d.id)), ee.distritos.get(d.id)!, em));
  const municipios = m.municipios.map((x) => filaJson(x.id, x.nombre, sha(shardIds.municipio(codigo, x.id)), ee.municipios.get(x.id)!, em));
  const fc = estado.fueraCatalogo(codigo).map((x) => x.fragmento);
  return `${JSON.stringify(cabecera).slice(0, -1)},"distritos":[${distritos.join(',')}],"municipios":[${municipios.join(',')}],"fueraCatalogo":[${fc.join(',')}]}`;
}

export function textoTerritorios(modelo: CorteModelo): string {
  const c = modelo.catalogo;
  const shard: TerritoriosShard = {
    tipo: 'territorios',
    version: SHARD_VERSION,
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
 * marks. Three waves, children first: secciones (one whose bytes changed marks its parents in every election:
 * they carry its SHA-256), then distritos and municipios, then the entidad of each election. New shards go
 * to `entregar` batch by batch, or are kept in the result when none is given.
 */
export async function renderizar(estado: EstadoCorte, opciones: { final: boolean }, entregar?: Entrega): Promise<ResultadoRender> {
  const { final } = opciones;
  if (estado.finalRenderizado !== final) estado.marcarTodo();
  const m = estado.modelo;
  const salida: Omit<ResultadoRender, 'shards'> = { nuevos: [], contenidos: new Map(), iguales: 0 };
  const secciones = [...estado.seccionesSucias].sort((a, b) => a - b).map((s) => ({ id: shardIds.seccion(s), texto: () => textoSeccion(estado, s, final) }));
  if (!estado.shards.has(shardIds.territorios())) secciones.push({ id: shardIds.territorios(), texto: () => textoTerritorios(m) });
  await ola(estado, secciones, salida, entregar, (n) => {
    const s = /^seccion\/(\d+)$/.exec(n.id);
    if (s) for (const em of m.elecciones) estado.marcarPadres(em.eleccion.codigo, Number(s[1]));
  });
  const territorios: { id: ShardId; texto: () => string }[] = [];
  for (const em of m.elecciones) {
    const codigo = em.eleccion.codigo;
    for (const d of m.distritos) {
      const id = shardIds.distrito(codigo, d.id);
      if (estado.territoriosSucios.has(id)) territorios.push({ id, texto: () => textoTerritorio(estado, em, 'distrito', d.id, final) });
    }
    for (const x of m.municipios) {
      const id = shardIds.municipio(codigo, x.id);
      if (estado.territoriosSucios.has(id)) territorios.push({ id, texto: () => textoTerritorio(estado, em, 'municipio', x.id, final) });
    }
  }
  await ola(estado, territorios, salida, entregar);
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
