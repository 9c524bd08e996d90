/**
 * "Distritos / municipios donde va adelante" (issue 15): how many territories each candidatura leads, counted from
 * the leaders' map itself (`mapaLideres`), so the table and the map cannot disagree; the territories without a
 * leader are split into ties and those without votes counted yet, and every territory is in exactly one row.
 */
import { mapaLideres, type EntradaLeyenda } from './geoLideres.ts';
import type { FilaTerritorio } from './modelo.ts';
import type { Catalogo } from './opciones.ts';

export interface Ganados {
  /** The candidaturas that lead somewhere, most territories first (the map's legend). */
  lideres: readonly EntradaLeyenda[];
  /** Territories where two or more candidaturas tie for first place. */
  empates: number;
  /** Territories without any vote counted yet (no actas contabilizadas, or none with votes). */
  sinVotos: number;
  total: number;
}

export function territoriosGanados(filas: readonly Pick<FilaTerritorio, 'id' | 'candidaturas'>[], cat: Catalogo): Ganados {
  const { lideres, leyenda } = mapaLideres(filas, cat);
  let empates = 0;
  let sinVotos = 0;
  for (const f of filas) {
    if (lideres.get(f.id) !== null) continue;
    if (Object.values(f.candidaturas).some((v) => v > 0)) empates++;
    else sinVotos++;
  }
  return { lideres: leyenda, empates, sinVotos, total: filas.length };
}
