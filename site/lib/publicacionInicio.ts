/**
 * Inicio's data: every election's entidad figures, from their entidad shards (publicacion.ts reads them), in its
 * own module so only inicio loads it.
 */
import type { VistaInicio } from './modelo.ts';
import { corteInfo, entidadShard, type Puntero } from './publicacion.ts';

export async function cargarInicio(p: Puntero): Promise<VistaInicio> {
  const shards = await Promise.all(p.elecciones.map((e) => entidadShard(p, e.codigo)));
  return {
    corte: corteInfo(p),
    elecciones: shards.map((s) => ({ eleccion: s.eleccion, catalogo: { ...s.catalogo, candidatos: s.candidatos }, ...s.resultados })),
  };
}
