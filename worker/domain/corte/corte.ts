/**
 * A publishable corte from the state at its change sequence: the new shards, the open-data zip, the diff,
 * the manifest (chained to the previous one by SHA-256), the `latest` pointer and the history entry. Pure: the
 * adapter (worker/cortes) writes the bytes, in this order: shards, each election's CSVs, zip, diff, manifest, history, pointer.
 */
import { formatCorte } from '../tiempo/central.ts';
import { construirZip, carpetaEleccion, type ArchivoAbierto, type Compresor } from './abiertos.ts';
import { sha256Hex, utf8 } from './bytes.ts';
import { diferenciasCorte, type Cambio } from './cambio.ts';
import { csvCandidaturas } from './csv-candidaturas.ts';
import { cdfPublicable } from '../exportes/cdf-publicable.ts';
import { csvPorEleccion, guardandoCsvResultados, refCsv, type ArchivoCsv, type CsvDelZip } from './csv-eleccion.ts';
import { csvResultadosPorTrozos, trozosDe } from './trozos-csv.ts';
import type { EstadoCorte } from './estado.ts';
import { leeme, NOMBRE_LEEME, nombreCsvCandidaturas, nombreCsvResultados } from './leeme.ts';
import type { CorteModelo } from './modelo.ts';
import { entidadRef, gruposPublicados, renderizar, type Entrega } from './generar-shards.ts';
import {
  leyendaDe,
  rutaAbiertos,
  rutaDiferencias,
  rutaHistorial,
  rutaManifiesto,
  shardIds,
  VERSION_SHARDS,
  type AbiertosRef,
  type ArchivoRef,
  type CorteHistorial,
  type CsvEleccionRef,
  type EntidadRef,
  type Entorno,
  type Historial,
  type IdentidadConstruccion,
  type Manifiesto,
  type Puntero,
  type ShardRef,
} from '../contrato/index.ts';

export type { Cambio } from './cambio.ts';

export interface AnteriorRef {
  numero: number;
  sha256: string;
  ruta: string;
  secuencia: number;
}

/** Where the corte is published and by which build (the Worker's `ENTORNO` and its build identity). */
export interface Publicacion {
  entorno: Entorno;
  construccion: IdentidadConstruccion | null;
}

/** Without a say, a corte is a simulacro's: production must be named (docs/CONTROL-DE-CAMBIOS.md). */
export const PUBLICACION_PRUEBAS: Publicacion = { entorno: 'pruebas', construccion: null };

export interface DatosCorte {
  /** Defaults to `PUBLICACION_PRUEBAS`. */
  publicacion?: Publicacion;
  numero: number;
  instante: number;
  secuencia: number;
  final: boolean;
  anterior: AnteriorRef | null;
  /** What changed since the previous corte (for the diff). */
  cambios: readonly Cambio[];
  /** The audit log's tip read with `secuencia` (null: empty log); recorded in the manifest when given. */
  bitacora?: { id: number; hash: string } | null;
  /** The catalogue's sección maps, named in the pointer when there are any (worker/db/catalogo-mapa.ts). */
  mapas?: Puntero['mapas'];
}

export interface ObjetoPublicable extends ArchivoRef {
  contenido: Uint8Array;
}

export interface CortePublicable {
  /** Shards new in this corte (their bytes went to the `Entrega`, or are in `contenidos`). */
  nuevos: ShardRef[];
  contenidos: Map<string, Uint8Array>;
  /** Dirty shards rendered again with unchanged bytes. */
  iguales: number;
  shards: ShardRef[];
  abiertos: ObjetoPublicable & Pick<AbiertosRef, 'nombre' | 'archivos'>;
  diferencias: ObjetoPublicable;
  /** Each election's CSVs at their own URLs; their bytes are in `csvContenidos` only when no `entregarCsv` took them. */
  csv: CsvEleccionRef[];
  csvContenidos: ArchivoCsv[];
  /** The corte's results in NIST SP 1500-100 (exportes/cdf.ts). */
  cdf: ObjetoPublicable;
  manifiesto: ObjetoPublicable & { valor: Manifiesto };
  puntero: Puntero;
  historial: CorteHistorial;
}

async function objeto(ruta: (sha: string) => string, contenido: Uint8Array): Promise<ObjetoPublicable> {
  const sha256 = await sha256Hex(contenido);
  return { ruta: ruta(sha256), sha256, bytes: contenido.length, contenido };
}

const estaticos = new WeakMap<CorteModelo, Map<string, { candidaturas: Uint8Array; leeme: Uint8Array }>>();

/** The candidaturas CSV and LEEME of an election: they depend on the catalogue (and the LEEME on the environment) only. */
function archivosEstaticos(modelo: CorteModelo, codigo: string, entorno: Entorno) {
  let porEleccion = estaticos.get(modelo);
  if (!porEleccion) estaticos.set(modelo, (porEleccion = new Map()));
  const clave = `${entorno}:${codigo}`;
  let a = porEleccion.get(clave);
  if (!a) {
    const em = modelo.eleccionPorCodigo.get(codigo)!;
    a = { candidaturas: utf8(csvCandidaturas(modelo.catalogo, em)), leeme: utf8(leeme(modelo.catalogo, em, entorno)) };
    porEleccion.set(clave, a);
  }
  return a;
}

/**
 * The files of the open-data zip, per election in election order, built one at a time as they are consumed
 * (each results CSV is a few MB at Jalisco scale).
 */
export function* archivosAbiertos(estado: EstadoCorte, instante: number, final: boolean, entorno: Entorno = 'pruebas'): Generator<ArchivoAbierto> {
  const m = estado.modelo;
  const off = m.entidad.utcOffsetMinutes;
  for (const em of m.elecciones) {
    const codigo = em.eleccion.codigo;
    const carpeta = carpetaEleccion(instante, off, codigo);
    const ee = estado.elecciones.get(codigo)!;
    // Deflated by trozos kept with the state: a corte deflates again only those whose rows changed.
    const csv = csvResultadosPorTrozos({ modelo: m, eleccion: em, ...estado.filasCsv(codigo), conteo: ee.entidad, instante, final }, trozosDe(estado, codigo));
    yield { nombre: `${carpeta}/${nombreCsvResultados(codigo)}`, ...csv };
    const est = archivosEstaticos(m, codigo, entorno);
    yield { nombre: `${carpeta}/${nombreCsvCandidaturas(codigo)}`, contenido: est.candidaturas };
    yield { nombre: `${carpeta}/${NOMBRE_LEEME}`, contenido: est.leeme };
  }
}

/** Each shard's entry in the manifest, per ref: refs stay in the state's table for as long as their shard. */
const entradasManifiesto = new WeakMap<ShardRef, string>();

function entradaManifiesto(x: ShardRef): string {
  let t = entradasManifiesto.get(x);
  if (t === undefined) entradasManifiesto.set(x, (t = JSON.stringify({ id: x.id, ruta: x.ruta, sha256: x.sha256, bytes: x.bytes })));
  return t;
}

/**
 * `JSON.stringify(valor)`, with its shard list (4,224 entries at Jalisco scale, nearly all the same as in the
 * previous corte) joined from cached entries. `refs`: the shard refs `valor.shards` was copied from.
 */
export function textoManifiesto(valor: Manifiesto, refs: readonly ShardRef[]): string {
  const { shards: _, abiertos, diferencias, csv, cdf, ...cabeza } = valor;
  const cola = JSON.stringify({ abiertos, diferencias, csv, cdf }).slice(1);
  return `${JSON.stringify(cabeza).slice(0, -1)},"shards":[${refs.map(entradaManifiesto).join(',')}],${cola}`;
}

/**
 * Renders what changed and assembles everything the corte publishes. New shards go to `entregar` batch by
 * batch while they are rendered (the corte job writes them), or are returned in `contenidos`. `compresor`: the
 * zip's DEFLATE and CRC-32 (the runtime's native zlib from the adapter; fflate when absent). Each election's two
 * CSVs go to `entregarCsv` as they are made (one election's at a time in memory), or are returned in `csvContenidos`.
 */
export async function prepararCorte(
  estado: EstadoCorte,
  d: DatosCorte,
  entregar?: Entrega,
  compresor?: Compresor,
  entregarCsv?: (archivos: readonly ArchivoCsv[]) => Promise<void>,
): Promise<CortePublicable> {
  const m = estado.modelo;
  const e = m.entidad.id;
  const { entorno, construccion } = d.publicacion ?? PUBLICACION_PRUEBAS;
  const render = await renderizar(estado, { final: d.final }, entregar);
  const ine = new Map<string, CsvDelZip>();
  const archivos = guardandoCsvResultados(archivosAbiertos(estado, d.instante, d.final, entorno), ine);
  const zip = await construirZip(d.instante, m.entidad.utcOffsetMinutes, archivos, compresor, entorno);
  const abiertos = { ...(await objeto((sha) => rutaAbiertos(e, sha, zip.nombre), zip.contenido)), nombre: zip.nombre, archivos: zip.archivos };
  const dif = await objeto((sha) => rutaDiferencias(e, sha), utf8(JSON.stringify(diferenciasCorte(estado, d))));
  const csv: CsvEleccionRef[] = [];
  const csvContenidos: ArchivoCsv[] = [];
  // INE's layout at its own URL is the zip's entry: its bytes and the SHA-256 the zip listed.
  const shaEnZip = new Map(zip.archivos.map((a) => [a.nombre, a.sha256]));
  const deZip = new Map([...ine].map(([codigo, x]) => [codigo, { ...x, sha256: shaEnZip.get(`${carpetaEleccion(d.instante, m.entidad.utcOffsetMinutes, codigo)}/${nombreCsvResultados(codigo)}`)! }]));
  ine.clear();
  for await (const c of csvPorEleccion(estado, d.instante, entorno, deZip, compresor)) {
    if (entregarCsv) await entregarCsv([c.resultados, c.ordenado]);
    else csvContenidos.push(c.resultados, c.ordenado);
    csv.push(refCsv(c));
  }
  const cdf = await cdfPublicable(estado, d.instante, d.final, entorno);
  const corte = formatCorte(d.instante, m.entidad.utcOffsetMinutes);
  const valor: Manifiesto = {
    tipo: 'manifiesto',
    version: VERSION_SHARDS,
    entidad: entidadRef(m),
    entorno,
    simulacro: leyendaDe(entorno),
    construccion: construccion && { commit: construccion.commit, workerSha256: construccion.workerSha256, portalSha256: construccion.portalSha256 },
    numero: d.numero,
    instante: d.instante,
    corte,
    secuencia: d.secuencia,
    final: d.final,
    anterior: d.anterior ? { numero: d.anterior.numero, sha256: d.anterior.sha256, ruta: d.anterior.ruta } : null,
    ...(d.bitacora !== undefined ? { bitacora: d.bitacora && { id: d.bitacora.id, hash: d.bitacora.hash } } : {}),
    elecciones: m.elecciones.map(({ eleccion: x }) => ({ codigo: x.codigo, nombre: x.nombre, territorio: x.territorio })),
    // Fixed key order whatever the refs came from (a previous manifest parsed by zod, or this render).
    shards: render.shards.map((x) => ({ id: x.id, ruta: x.ruta, sha256: x.sha256, bytes: x.bytes })),
    abiertos: { ruta: abiertos.ruta, sha256: abiertos.sha256, bytes: abiertos.bytes, nombre: abiertos.nombre, archivos: abiertos.archivos },
    diferencias: { ruta: dif.ruta, sha256: dif.sha256, bytes: dif.bytes },
    csv,
    cdf: { ruta: cdf.ruta, sha256: cdf.sha256, bytes: cdf.bytes },
  };
  const manifiesto = { ...(await objeto((sha) => rutaManifiesto(e, sha), utf8(textoManifiesto(valor, render.shards)))), valor };
  const porId = new Map(render.shards.map((s) => [s.id, s]));
  const zipRef = { ruta: abiertos.ruta, nombre: abiertos.nombre, sha256: abiertos.sha256, bytes: abiertos.bytes };
  const puntero: Puntero = {
    tipo: 'puntero',
    version: VERSION_SHARDS,
    entidad: entidadRef(m),
    entorno,
    simulacro: leyendaDe(entorno),
    numero: d.numero,
    instante: d.instante,
    corte,
    secuencia: d.secuencia,
    final: d.final,
    manifiesto: { ruta: manifiesto.ruta, sha256: manifiesto.sha256 },
    territorios: porId.get(shardIds.territorios())!.ruta,
    secciones: gruposPublicados(m, (id) => porId.get(id)?.sha256),
    elecciones: valor.elecciones.map((x) => {
      const c = csv.find((y) => y.codigo === x.codigo)!;
      return { ...x, ruta: porId.get(shardIds.entidad(x.codigo))!.ruta, csv: { resultados: c.resultados.ruta, ordenado: c.ordenado.ruta } };
    }),
    abiertos: zipRef,
    diferencias: dif.ruta,
    historial: rutaHistorial(e),
    cdf: cdf.ruta,
    ...(d.mapas ? { mapas: d.mapas } : {}),
  };
  const historial: CorteHistorial = {
    numero: d.numero,
    instante: d.instante,
    corte,
    secuencia: d.secuencia,
    final: d.final,
    manifiesto: puntero.manifiesto,
    anterior: d.anterior?.sha256 ?? null,
    abiertos: zipRef,
    diferencias: dif.ruta,
    elecciones: puntero.elecciones.map(({ codigo, ruta }) => ({ codigo, ruta })),
  };
  return { nuevos: render.nuevos, contenidos: render.contenidos, iguales: render.iguales, shards: render.shards, abiertos, diferencias: dif, csv, csvContenidos, cdf, manifiesto, puntero, historial };
}

/** The history listing from every corte's entry (oldest first). */
export function historial(entidad: EntidadRef, cortes: readonly CorteHistorial[]): Historial {
  return {
    tipo: 'historial',
    version: VERSION_SHARDS,
    entidad,
    cortes: [...cortes].sort((a, b) => a.numero - b.numero),
  };
}

