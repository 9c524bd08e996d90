/**
 * The result as of a past corte's loading (components/CortePasado.tsx), built on `publicacion.ts`: kept apart from
 * it and from the night's loader (publicacionHistoria.ts) so its code arrives with the past corte's view, on demand,
 * and no module is shared between the two on-demand chunks.
 */
import { resultadosDeFila, type CorteHistorial, type EntidadShard, type Historial } from '../../worker/domain/contrato/index.ts';
import type { VistaTerritorio } from './modelo.ts';
import { lector, url, type Puntero } from './publicacion.ts';
import { obtenerJson } from './recursos.ts';

/** The past cortes an election can be seen as of: those whose historial entry names its entidad shard, newest first. */
export function cortesConsultables(h: Historial, p: Puntero, eleccion: string): CorteHistorial[] {
  return h.cortes.filter((c) => c.numero < p.numero && c.elecciones?.some((e) => e.codigo === eleccion)).reverse();
}

/** Why a past corte cannot be shown: not in the historial, or its entry does not name this election's shard. */
export type SinCortePasado = { tipo: 'no-existe'; ultimo: number } | { tipo: 'sin-shard' };

/**
 * One election's entidad view as of past corte `numero` of historial `h` (read with pointer `p`): only that corte's entidad shard is fetched (named by its
 * historial entry; content-addressed, so fetched once). The corte's own instant and number label it.
 */
export async function cargarCortePasado(h: Historial, p: Puntero, eleccion: string, numero: number): Promise<VistaTerritorio | SinCortePasado> {
  const c = h.cortes.find((x) => x.numero === numero && x.numero <= p.numero);
  if (!c) return { tipo: 'no-existe', ultimo: p.numero };
  const ref = c.elecciones?.find((e) => e.codigo === eleccion);
  if (!ref) return { tipo: 'sin-shard' };
  const ent = await obtenerJson(url(ref.ruta), lector<EntidadShard>(['entidad']));
  const porMunicipio = ent.eleccion.territorio === 'municipio';
  const hijos = (porMunicipio ? ent.municipios : ent.distritos).map((f) => ({
    nivel: porMunicipio ? ('municipio' as const) : ('distrito' as const),
    id: f.id,
    nombre: f.nombre,
    ...resultadosDeFila(f, ent),
  }));
  return {
    corte: { numero: c.numero, instante: c.instante, offsetMinutes: h.entidad.utcOffsetMinutes, final: c.final, entidad: p.entidad },
    eleccion: ent.eleccion,
    catalogo: { ...ent.catalogo, candidatos: ent.candidatos },
    ...ent.resultados,
    nivel: 'entidad',
    id: 0,
    nombre: ent.entidad.nombre,
    hijos,
  };
}
