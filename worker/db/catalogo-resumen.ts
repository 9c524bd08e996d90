import type { ResumenCatalogo } from '../domain/contrato/index.ts';

/** Totals of the loaded catalogue (`GET /health`, shown by the portal), in one batch (one consistent read). */
export async function resumenCatalogo(db: D1Database): Promise<ResumenCatalogo> {
  const [entidad, counts] = await db.batch<Record<string, number | string>>([
    db.prepare('SELECT id, nombre, sintetico, utc_offset_minutes FROM entidad LIMIT 1'),
    db.prepare(
      `SELECT (SELECT count(*) FROM eleccion) AS elecciones, (SELECT count(*) FROM distrito) AS distritos,
              (SELECT count(*) FROM municipio) AS municipios, (SELECT count(*) FROM seccion) AS secciones,
              (SELECT count(*) FROM casilla) AS casillas, (SELECT count(*) FROM acta_esperada) AS actasEsperadas,
              (SELECT coalesce(sum(lista_nominal), 0) FROM casilla) AS listaNominal, (SELECT count(*) FROM catd) AS catds`,
    ),
  ]);
  const e = entidad?.results[0];
  const n = counts!.results[0]!;
  return {
    entidad: e
      ? { id: Number(e.id), nombre: String(e.nombre), sintetico: e.sintetico === 1, utcOffsetMinutes: Number(e.utc_offset_minutes) }
      : null,
    elecciones: Number(n.elecciones),
    distritos: Number(n.distritos),
    municipios: Number(n.municipios),
    secciones: Number(n.secciones),
    casillas: Number(n.casillas),
    actasEsperadas: Number(n.actasEsperadas),
    listaNominal: Number(n.listaNominal),
    catds: Number(n.catds),
  };
}
