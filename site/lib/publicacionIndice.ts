/**
 * Consulta tu casilla's index: the elections, distritos and municipios with their secciones, from the
 * territories shard, in its own module so only that page loads it (publicacion.ts reads the other shards).
 */
import type { TerritoriosShard } from '../../worker/domain/contrato/index.ts';
import type { Indice } from './modelo.ts';
import { corteInfo, lector, url, type Puntero } from './publicacion.ts';
import { obtenerJson } from './recursos.ts';

const territorios = (p: Puntero) => obtenerJson(url(p.territorios), lector<TerritoriosShard>(['territorios']));

export async function cargarIndice(p: Puntero): Promise<Indice> {
  const t = await territorios(p);
  const porMunicipio = new Map<number, number[]>();
  for (const s of t.secciones) {
    const lista = porMunicipio.get(s.municipio) ?? [];
    lista.push(s.id);
    porMunicipio.set(s.municipio, lista);
  }
  return {
    corte: corteInfo(p),
    elecciones: t.elecciones,
    distritos: t.distritos,
    municipios: [...t.municipios]
      .sort((a, b) => a.nombre.localeCompare(b.nombre, 'es-MX'))
      .map((m) => ({ ...m, secciones: porMunicipio.get(m.id) ?? [] })),
  };
}
