/**
 * What the pointer says of the catalogue's sección maps: read from the index that the catalogue load wrote
 * (worker/db/catalogo-mapa.ts), one small row per corte. The cuts themselves are served by the public routes (worker/api/publico/mapas-publicados.ts).
 */
import type { Puntero } from '../domain/contrato/index.ts';
import { prefijo } from '../domain/contrato/rutas.ts';
import { CLAVE_INDICE, type IndiceMapas } from '../db/catalogo-mapa.ts';

/** Where a catalogue's maps are published: under the entidad, addressed by the boundaries' fingerprint. */
export const rutaMapas = (entidad: number, huella: string) => `${prefijo(entidad)}/mapas/${huella}`;

export async function leerMapas(db: D1Database, entidad: number): Promise<Puntero['mapas']> {
  const fila = await db.prepare('SELECT valor FROM configuracion WHERE clave = ?').bind(CLAVE_INDICE).first<{ valor: string }>();
  if (!fila) return undefined;
  const indice = JSON.parse(fila.valor) as IndiceMapas;
  return indice.territorios.length > 0 ? { ruta: rutaMapas(entidad, indice.huella), territorios: indice.territorios } : undefined;
}
