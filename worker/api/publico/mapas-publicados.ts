/**
 * A territory's cut of the catalogue's sección boundaries (`datos/<e>/mapas/<huella>/<distrito|municipio>-<id>.json`,
 * as the corte's pointer names it in `mapas`). The cuts live in D1 (worker/db/catalogo-mapa.ts): loading a
 * catalogue publishes nothing. The fingerprint is in the address and the catalogue is frozen at puesta en ceros, so
 * an answer never changes: the public routes serve it as a content-addressed object, through the edge cache, and D1
 * is read once per location per cut, made only when the edge cache misses.
 */
import { CLAVE_INDICE, claveRecorte, sqlPartes, unirPartes, type IndiceMapas } from '../../db/catalogo-mapa.ts';
import type { ClaveTerritorio } from '../../domain/catalogo/mapa-secciones.ts';

export const RUTA_MAPA = /^datos\/(\d{1,3})\/mapas\/([0-9a-f]{16})\/((?:distrito|municipio)-\d{1,4})\.json$/;

/** The cut's JSON text, or null when the address names no cut of the loaded catalogue of that entidad. */
export async function textoDeMapaPublicado(db: D1Database, ruta: string): Promise<string | null> {
  const m = RUTA_MAPA.exec(ruta);
  if (m === null) return null;
  const [, entidad, huella, territorio] = m as unknown as [string, string, string, ClaveTerritorio];
  const [indice, ent] = await db.batch<{ valor?: string; id?: number }>([
    db.prepare('SELECT valor FROM configuracion WHERE clave = ?').bind(CLAVE_INDICE),
    db.prepare('SELECT id FROM entidad LIMIT 1'),
  ]);
  const valor = indice?.results[0]?.valor;
  const i = valor ? (JSON.parse(valor) as IndiceMapas) : null;
  if (i === null || i.huella !== huella || Number(entidad) !== ent?.results[0]?.id || !i.territorios.includes(territorio)) return null;
  return unirPartes((await db.prepare(sqlPartes(claveRecorte(territorio))).all<{ clave: string; valor: string }>()).results);
}
