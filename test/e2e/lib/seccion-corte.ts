/**
 * A sección's shard as a corte published it, read the way the portal reads it (site/lib/publicacionSeccion.ts):
 * its group of secciones (`secciones/<g>`) among the corte's groups, then the shard its row there names. The
 * groups are the pointer's for the newest corte, and any corte's entidad shard's (`secciones`) for a past one:
 * a distrito's or municipio's rows carry a sección's figures, never its address.
 */
import { grupoDeSeccion, rutaShard, shardIds, type GruposDeSecciones } from '../../../worker/domain/contrato/index.ts';
import { GrupoSeccionesShardSchema, SeccionShardSchema, type SeccionShard } from '../../../worker/domain/corte/shards.ts';
import type { Pila } from './pila.ts';
import { leerJson } from './pila-ejemplo.ts';

/** The address of sección `s`'s shard in the corte whose groups are `grupos` (entidad `entidad`). */
export async function rutaSeccion(pila: Pila, entidad: number, grupos: GruposDeSecciones, s: number): Promise<string> {
  const g = grupoDeSeccion(s);
  const h = grupos.grupos[g];
  if (!h) throw new Error(`ningún grupo de secciones publicado para la sección ${s}`);
  const grupo = GrupoSeccionesShardSchema.parse(await leerJson(pila, rutaShard(entidad, shardIds.grupoSecciones(g), h)));
  const fila = grupo.secciones.find((x) => x.id === s);
  if (!fila) throw new Error(`la sección ${s} no está en su grupo ${g}`);
  return rutaShard(entidad, shardIds.seccion(s), fila.h);
}

/** Sección `s`'s shard in the corte whose groups are `grupos`, parsed with the corte's own schema. */
export async function seccionDelCorte(pila: Pila, entidad: number, grupos: GruposDeSecciones, s: number): Promise<SeccionShard> {
  return SeccionShardSchema.parse(await leerJson(pila, await rutaSeccion(pila, entidad, grupos, s)));
}
