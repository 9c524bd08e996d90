/**
 * Datos abiertos' list of cortes, from the historial (publicacion.ts reads it), in its own module so only that
 * page loads it.
 */
import type { CortePublicado } from './modelo.ts';
import { historial, url, type Puntero } from './publicacion.ts';

/** Every corte, newest first. */
export async function cargarHistorial(p: Puntero): Promise<readonly CortePublicado[]> {
  const h = await historial(p);
  return h.cortes
    .map((c) => ({
      numero: c.numero,
      instante: c.instante,
      final: c.final,
      offsetMinutes: h.entidad.utcOffsetMinutes,
      manifiesto: { url: url(c.manifiesto.ruta), sha256: c.manifiesto.sha256 },
      anterior: c.anterior,
      zip: { url: url(c.abiertos.ruta), nombre: c.abiertos.nombre, sha256: c.abiertos.sha256, bytes: c.abiertos.bytes },
    }))
    .reverse();
}
