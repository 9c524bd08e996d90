/**
 * The published summary of every contest of a corte, as its shards state it: the `resultados` of the entidad
 * shard for an entidad-wide election, of each distrito's or municipio's shard for one decided there. What
 * `problemasCdf` compares the CDF export with (the verifier reads the shards from R2).
 */
import type { EntidadShard, Resultados, TerritorioShard } from '../contrato/index.ts';
import { idCdf } from './cdf-ids.ts';

export function resumenesDeShards(entidades: ReadonlyMap<string, EntidadShard>, territorios: Iterable<TerritorioShard>): Map<string, Resultados> {
  const out = new Map<string, Resultados>();
  for (const e of entidades.values()) if (e.eleccion.territorio === 'entidad') out.set(idCdf.contienda(e.eleccion.codigo, 0), e.resultados);
  for (const t of territorios) {
    if (entidades.get(t.eleccion)?.eleccion.territorio === t.tipo) out.set(idCdf.contienda(t.eleccion, t.id), t.resultados);
  }
  return out;
}
