/**
 * The result as of a past corte's loading (components/CortePasado.tsx), built on `publicacion.ts`: kept apart from
 * it and from the night's loader (publicacionHistoria.ts) so its code arrives with the past corte's view, on demand,
 * and no module is shared between the two on-demand chunks.
 */
import {
  resultadosDeFila,
  rutaShard,
  shardIds,
  type CorteHistorial,
  type EntidadShard,
  type FilaHijo,
  type Historial,
  type Tabla,
  type TerritorioShard,
} from '../../worker/domain/contrato/index.ts';
import { NoExiste } from './fallas.ts';
import type { FilaTerritorio, VistaTerritorio } from './modelo.ts';
import { lector, url, type Puntero } from './publicacion.ts';
import { obtenerJson } from './recursos.ts';
import type { Ruta } from './ruta.ts';

/** The views a past corte can be seen in: the entidad, and its distritos or municipios (secciones: the newest only). */
export type VistaConCorte = Extract<Ruta, { vista: 'entidad' | 'territorio' }>;

/** The past cortes an election can be seen as of: those whose historial entry names its entidad shard, newest first. */
export function cortesConsultables(h: Historial, p: Puntero, eleccion: string): CorteHistorial[] {
  return h.cortes.filter((c) => c.numero < p.numero && c.elecciones?.some((e) => e.codigo === eleccion)).reverse();
}

/** Why a past corte cannot be shown: not in the historial, or its entry does not name this election's shard. */
export type SinCortePasado = { tipo: 'no-existe'; ultimo: number } | { tipo: 'sin-shard' };

/** A past shard's rows of its distritos, municipios or secciones as the view's rows (a sección's has no name). */
function filas(nivel: FilaTerritorio['nivel'], fs: readonly (FilaHijo & { nombre?: string })[], tabla: Tabla): FilaTerritorio[] {
  return fs.map((f) => ({ nivel, id: f.id, nombre: f.nombre ?? `Sección ${f.id}`, ...resultadosDeFila(f, tabla) }));
}

type Territorio = Extract<VistaConCorte, { vista: 'territorio' }>;

/**
 * A distrito's or municipio's view from its shard of the past corte whose entidad shard is `ent`: that shard's row
 * names it (`h`), as the newest corte's does (publicacion.ts).
 */
async function territorioPasado(p: Puntero, ent: EntidadShard, v: Territorio): Promise<Omit<VistaTerritorio, 'corte' | 'eleccion'>> {
  const nivel = 'd' in v ? 'distrito' : 'municipio';
  const id = 'd' in v ? v.d : v.m;
  const f = (nivel === 'distrito' ? ent.distritos : ent.municipios).find((x) => x.id === id);
  if (!f) throw new NoExiste(nivel, id, []);
  const t = await obtenerJson(url(rutaShard(p.entidad.id, shardIds[nivel](v.e, id), f.h)), lector<TerritorioShard>(['distrito', 'municipio']));
  return {
    // Diputaciones are contested per distrito and munícipes per municipio: their fórmulas are in these shards.
    catalogo: { ...ent.catalogo, candidatos: t.candidatos },
    ...t.resultados,
    nivel,
    id: t.id,
    nombre: t.nombre,
    hijos: filas('seccion', t.secciones, t),
  };
}

/**
 * View `v` (the entidad, a distrito or a municipio) as of past corte `numero` of historial `h` (read with pointer
 * `p`): only that corte's shards of the view are fetched — its entidad shard (named by its historial entry) and,
 * for a territory, the shard that one names. Content-addressed, so each is fetched once. The corte's own instant
 * and number label it.
 */
export async function cargarCortePasado(h: Historial, p: Puntero, v: VistaConCorte, numero: number): Promise<VistaTerritorio | SinCortePasado> {
  const c = h.cortes.find((x) => x.numero === numero && x.numero <= p.numero);
  if (!c) return { tipo: 'no-existe', ultimo: p.numero };
  const ref = c.elecciones?.find((e) => e.codigo === v.e);
  if (!ref) return { tipo: 'sin-shard' };
  const ent = await obtenerJson(url(ref.ruta), lector<EntidadShard>(['entidad']));
  const base = {
    corte: { numero: c.numero, instante: c.instante, offsetMinutes: h.entidad.utcOffsetMinutes, final: c.final, entidad: p.entidad },
    eleccion: ent.eleccion,
  };
  if (v.vista === 'territorio') return { ...base, ...(await territorioPasado(p, ent, v)) };
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
