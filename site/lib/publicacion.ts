/**
 * The one module of the portal that knows the publication (the contract, worker/domain/contrato): it polls the
 * `latest` pointer and turns the shards of a corte into the view models of `modelo.ts`.
 *
 * Only the shards a view needs are fetched: the pointer names each election's entidad shard; the entidad shard
 * names its distritos' and municipios' shards; those list their secciones' figures. The pointer also names the
 * groups of secciones (`secciones/<g>`), each naming its secciones' shards: a sección opened from a link, or in
 * consulta tu casilla, is read through its group alone (publicacionSeccion.ts). Shards are content-addressed and
 * immutable, so each is fetched once (recursos.ts) and an unchanged one is reused by the next corte.
 *
 * Shapes are checked lightly (kind and version) instead of with the zod schemas: zod would add ~25 KB gzip to
 * every view, and the corte job validates every shard with those schemas before publishing it.
 *
 * The night over time's loader (publicacionHistoria.ts) builds on the exports here, in its own module so its code
 * loads with the chart, on demand; so do the loaders only one other page uses (publicacionInicio.ts,
 * publicacionIndice.ts, publicacionHistorial.ts), off the entidad view's first load.
 */
import {
  filasDeSecciones,
  resultadosDeFila,
  RUTA_LATEST_RAIZ,
  rutaShard,
  shardIds,
  VERSION_SHARDS,
  type EntidadShard,
  type FilaCompacta,
  type FilaHijo,
  type Historial,
  type Puntero as PunteroShard,
  type Tabla,
  type TerritorioShard,
} from '../../worker/domain/contrato/index.ts';
import type { CorteInfo, FilaTerritorio, VistaTerritorio } from './modelo.ts';
import { ErrorRecurso, NoExiste, type Alternativa } from './fallas.ts';
import { obtenerJson } from './recursos.ts';
import { hrefDe, type Ruta } from './ruta.ts';
import { Sondeo } from './sondeo.ts';

/** The small, short-lived pointer to the newest corte (ETag + 304), at the fixed place kept for the portal. */
export const LATEST_URL = `/${RUTA_LATEST_RAIZ}`;

export type Puntero = PunteroShard;

/** Checks the kind and version of a published JSON object. */
export function lector<T extends { tipo: string; version: number }>(tipos: readonly T['tipo'][]) {
  return (json: unknown): T => {
    const o = json as Partial<T> | null;
    if (typeof o !== 'object' || o === null || !tipos.includes(o.tipo as T['tipo']) || o.version !== VERSION_SHARDS) {
      throw new Error(`se esperaba ${tipos.join(' o ')} versión ${VERSION_SHARDS}`);
    }
    return o as T;
  };
}

export const url = (ruta: string) => `/${ruta}`;

export const sondeo = new Sondeo<Puntero>({ url: LATEST_URL, leer: lector<Puntero>(['puntero']) });

/** A corte is identified by its manifest's SHA-256. */
export function idCorte(p: Puntero): string {
  return p.manifiesto.sha256;
}

export function corteInfo(p: Puntero): CorteInfo {
  return { numero: p.numero, instante: p.instante, offsetMinutes: p.entidad.utcOffsetMinutes, final: p.final, entidad: p.entidad, ...(p.mapas ? { mapas: p.mapas } : {}) };
}

/** The elections the corte publishes, as links: what a link to a missing one is offered instead. */
export const elecciones = (p: Puntero): Alternativa[] => p.elecciones.map((e) => ({ texto: e.nombre, href: hrefDe({ vista: 'entidad', e: e.codigo }) }));
/** The election's entidad view (it lists its territories) and the search by sección. */
export const dentroDe = (e: { codigo: string; nombre: string }): Alternativa[] => [
  { texto: `${e.nombre}: resultados y territorios`, href: hrefDe({ vista: 'entidad', e: e.codigo }) },
  { texto: 'Consulta tu casilla por número de sección', href: '/consulta/' },
];

export function entidadShard(p: Puntero, eleccion: string): Promise<EntidadShard> {
  const e = p.elecciones.find((x) => x.codigo === eleccion);
  if (!e) return Promise.reject(new NoExiste('eleccion', eleccion, elecciones(p)));
  return obtenerJson(url(e.ruta), lector<EntidadShard>(['entidad']));
}

/** A parent's row addresses its child's shard (`h`: its SHA-256's first hex digits). */
const territorioShard = (p: Puntero, eleccion: string, nivel: 'distrito' | 'municipio', f: FilaHijo) =>
  obtenerJson(url(rutaShard(p.entidad.id, shardIds[nivel](eleccion, f.id), f.h)), lector<TerritorioShard>(['distrito', 'municipio']));

/** A compact row of a parent shard as the view's row (figures computed without zod, `resultadosDeFila`). */
function fila(nivel: FilaTerritorio['nivel'], f: FilaCompacta & { id: number; nombre: string }, tabla: Tabla): FilaTerritorio {
  return { nivel, id: f.id, nombre: f.nombre, ...resultadosDeFila(f, tabla) };
}

export async function cargarTerritorio(p: Puntero, ruta: Ruta): Promise<VistaTerritorio> {
  const ent = await entidadShard(p, ruta.e);
  const base = { corte: corteInfo(p), eleccion: ent.eleccion, catalogo: { ...ent.catalogo, candidatos: ent.candidatos } };
  if (ruta.vista === 'entidad') {
    const porMunicipio = ent.eleccion.territorio === 'municipio';
    return {
      ...base,
      ...ent.resultados,
      nivel: 'entidad',
      id: 0,
      nombre: ent.entidad.nombre,
      hijos: porMunicipio ? ent.municipios.map((f) => fila('municipio', f, ent)) : ent.distritos.map((f) => fila('distrito', f, ent)),
    };
  }
  if (ruta.vista !== 'territorio') throw new Error('vista sin territorio');
  const nivel = 'd' in ruta ? 'distrito' : 'municipio';
  const id = 'd' in ruta ? ruta.d : ruta.m;
  const f = (nivel === 'distrito' ? ent.distritos : ent.municipios).find((x) => x.id === id);
  if (!f) throw new NoExiste(nivel, id, dentroDe(ent.eleccion));
  const t = await territorioShard(p, ruta.e, nivel, f);
  return {
    ...base,
    // Diputaciones are contested per distrito and munícipes per municipio: their fórmulas are in these shards.
    catalogo: { ...ent.catalogo, candidatos: t.candidatos },
    ...t.resultados,
    nivel,
    id: t.id,
    nombre: t.nombre,
    hijos: filasDeSecciones(t).map((s) => fila('seccion', { ...s, nombre: `Sección ${s.id}` }, t)),
  };
}

/** The history is rewritten each corte, so it is revalidated, never kept. */
export async function historial(p: Puntero): Promise<Historial> {
  const r = await fetch(url(p.historial), { cache: 'no-cache', headers: { accept: 'application/json' } });
  if (!r.ok) throw new ErrorRecurso(p.historial, r.status);
  return lector<Historial>(['historial'])(await r.json());
}

