/**
 * Whether an acta image is public yet: it is once the acta that carries it is in a published corte, i.e. an
 * entry of the publication log (the corte's own input) names that image at a sequence the newest corte of
 * that entidad covers. Before that only operators read it (GET /api/v1/actas/{clave}/imagen). The answer is
 * the image's stored type, which decides its one public URL (worker/domain/contrato/rutas.ts `rutaImagen`).
 * One indexed lookup (data/migrations/0010_imagen_publicada.sql), made only when the edge cache misses.
 */
import { MIMES_IMAGEN, type MimeImagen } from '../../domain/contrato/index.ts';

const CONSULTA = `SELECT json_extract(p.payload, '$.imagen.mime') AS mime FROM acta_publicacion p
  WHERE json_extract(p.payload, '$.imagen.sha256') = ?1
    AND p.seq <= (SELECT c.secuencia FROM corte c WHERE json_extract(c.puntero, '$.entidad.id') = ?2 ORDER BY c.numero DESC LIMIT 1)
  LIMIT 1`;

/** The stored type of a published image of `entidad`, or null while it is in no published corte. */
export async function tipoDeImagenPublicada(db: D1Database, entidad: number, sha256: string): Promise<MimeImagen | null> {
  const fila = await db.prepare(CONSULTA).bind(sha256, entidad).first<{ mime: string | null }>();
  const mime = fila?.mime;
  return MIMES_IMAGEN.find((m) => m === mime) ?? null;
}
