/**
 * The result as of a past corte's loading (components/CortePasado.tsx), built on `publicacion.ts`: kept apart from
 * it and from the night's loader (publicacionHistoria.ts) so its code arrives with the past corte's view, on demand,
 * and no module is shared between the two on-demand chunks. A sección's (publicacionSeccionPasada.ts) starts here
 * too, with the corte's entidad shard (`entidadPasada`).
 *
 * How long a past corte can be read: every object a corte publishes is content-addressed and immutable, and no
 * part of the project deletes one (worker/cortes writes, never removes; `historial.json` names every corte of the
 * night, docs/CORTES.md), so each corte the historial names stays readable. An object that is gone all the same
 * (a bucket pruned by hand) is told apart from a server error: `sin-datos`, a sentence instead of an empty view.
 */
import {
  filasDeSecciones,
  resultadosDeFila,
  rutaShard,
  shardIds,
  type CorteHistorial,
  type EntidadShard,
  type FilaCompacta,
  type Historial,
  type Tabla,
  type TerritorioShard,
} from '../../worker/domain/contrato/index.ts';
import { ErrorRecurso, NoExiste } from './fallas.ts';
import type { CorteInfo, FilaTerritorio, VistaTerritorio } from './modelo.ts';
import { corteInfo, lector, url, type Puntero } from './publicacion.ts';
import { obtenerJson } from './recursos.ts';
import type { Ruta } from './ruta.ts';

/** The views a past corte can be seen in: all of them (the entidad, a distrito or municipio, a sección, an acta). */
export type VistaConCorte = Ruta;

/** The past cortes an election can be seen as of: those whose historial entry names its entidad shard, newest first. */
export function cortesConsultables(h: Historial, p: Puntero, eleccion: string): CorteHistorial[] {
  return h.cortes.filter((c) => c.numero < p.numero && c.elecciones?.some((e) => e.codigo === eleccion)).reverse();
}

/**
 * Why a past corte cannot be shown: not in the historial, its entry does not name this election's shard, or its
 * objects are no longer on the server.
 */
export type SinCortePasado = { tipo: 'no-existe'; ultimo: number } | { tipo: 'sin-shard' } | { tipo: 'sin-datos' };

const MOTIVOS: ReadonlySet<unknown> = new Set<SinCortePasado['tipo']>(['no-existe', 'sin-shard', 'sin-datos']);

/** Whether a past loader's answer is a reason rather than a view or a shard (a shard's `tipo` is none of these). */
export const esSinCorte = (r: object): r is SinCortePasado => 'tipo' in r && MOTIVOS.has(r.tipo);

/** A past corte's objects read through `leer`; a 404 or 410 (the object is gone) is `sin-datos`, not a failure. */
export async function siExiste<T>(leer: () => Promise<T>): Promise<T | SinCortePasado> {
  try {
    return await leer();
  } catch (e) {
    if (e instanceof ErrorRecurso && (e.status === 404 || e.status === 410)) return { tipo: 'sin-datos' };
    throw e;
  }
}

/**
 * Past corte `numero` of historial `h` (read with pointer `p`) for election `codigo`: its label and its entidad
 * shard (named by its historial entry), or why it cannot be shown.
 */
export async function entidadPasada(h: Historial, p: Puntero, codigo: string, numero: number): Promise<{ corte: CorteInfo; ent: EntidadShard } | SinCortePasado> {
  const c = h.cortes.find((x) => x.numero === numero && x.numero <= p.numero);
  if (!c) return { tipo: 'no-existe', ultimo: p.numero };
  const ref = c.elecciones?.find((e) => e.codigo === codigo);
  if (!ref) return { tipo: 'sin-shard' };
  // What the night does not change (the entidad, its offset, its maps) as the pointer says; the rest, that corte's.
  const corte = { ...corteInfo(p), numero: c.numero, instante: c.instante, final: c.final };
  return siExiste(async () => ({ corte, ent: await obtenerJson(url(ref.ruta), lector<EntidadShard>(['entidad'])) }));
}

/** The shard of distrito or municipio `id` the past entidad shard `ent` names (its row's address). */
async function territorioDe(p: Puntero, ent: EntidadShard, nivel: 'distrito' | 'municipio', id: number): Promise<TerritorioShard> {
  const f = (nivel === 'distrito' ? ent.distritos : ent.municipios).find((x) => x.id === id);
  if (!f) throw new NoExiste(nivel, id, []);
  return obtenerJson(url(rutaShard(p.entidad.id, shardIds[nivel](ent.eleccion.codigo, id), f.h)), lector<TerritorioShard>(['distrito', 'municipio']));
}

/** A past shard's rows of its distritos, municipios or secciones as the view's rows (a sección's has no name). */
function filas(nivel: FilaTerritorio['nivel'], fs: readonly (FilaCompacta & { id: number; nombre?: string })[], tabla: Tabla): FilaTerritorio[] {
  return fs.map((f) => ({ nivel, id: f.id, nombre: f.nombre ?? `Sección ${f.id}`, ...resultadosDeFila(f, tabla) }));
}

type Territorio = Extract<VistaConCorte, { vista: 'territorio' }>;

/**
 * A distrito's or municipio's view from its shard of the past corte whose entidad shard is `ent`: that shard's row
 * names it (`h`), as the newest corte's does (publicacion.ts).
 */
async function territorioPasado(p: Puntero, ent: EntidadShard, v: Territorio): Promise<Omit<VistaTerritorio, 'corte' | 'eleccion'>> {
  const nivel = 'd' in v ? 'distrito' : 'municipio';
  const t = await territorioDe(p, ent, nivel, 'd' in v ? v.d : v.m);
  return {
    // Diputaciones are contested per distrito and munícipes per municipio: their fórmulas are in these shards.
    catalogo: { ...ent.catalogo, candidatos: t.candidatos },
    ...t.resultados,
    nivel,
    id: t.id,
    nombre: t.nombre,
    hijos: filas('seccion', filasDeSecciones(t), t),
  };
}

/**
 * View `v` (the entidad, a distrito or a municipio) as of past corte `numero` of historial `h` (read with pointer
 * `p`): only that corte's shards of the view are fetched — its entidad shard (named by its historial entry) and,
 * for a territory, the shard that one names. Content-addressed, so each is fetched once. The corte's own instant
 * and number label it.
 */
export async function cargarCortePasado(h: Historial, p: Puntero, v: Extract<VistaConCorte, { vista: 'entidad' | 'territorio' }>, numero: number): Promise<VistaTerritorio | SinCortePasado> {
  const r = await entidadPasada(h, p, v.e, numero);
  if (esSinCorte(r)) return r;
  const { corte, ent } = r;
  const base = { corte, eleccion: ent.eleccion };
  if (v.vista === 'territorio') {
    const t = await siExiste(() => territorioPasado(p, ent, v));
    return esSinCorte(t) ? t : { ...base, ...t };
  }
  return {
    ...base,
    catalogo: { ...ent.catalogo, candidatos: ent.candidatos },
    ...ent.resultados,
    nivel: 'entidad',
    id: 0,
    nombre: ent.entidad.nombre,
    hijos: ent.eleccion.territorio === 'municipio' ? filas('municipio', ent.municipios, ent) : filas('distrito', ent.distritos, ent),
  };
}
