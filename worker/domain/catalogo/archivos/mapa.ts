/**
 * The catalogue folder's optional `secciones.topojson` (docs/catalogo.md): found by name (any case), decoded as
 * UTF-8 and checked by mapa-secciones.ts. Its text is what the catalogue keeps and export writes back.
 */
import { err, ok, type Result } from '../../resultado.ts';
import { ARCHIVO_MAPA, leerMapaSecciones } from '../mapa-secciones.ts';
import type { ProblemaArchivo } from './problemas.ts';

/** null when the folder has no boundaries file. */
export function leerArchivoMapa(archivos: readonly { nombre: string; bytes: Uint8Array }[]): Result<string | null, ProblemaArchivo[]> {
  const encontrados = archivos.filter((a) => a.nombre.toLowerCase() === ARCHIVO_MAPA);
  if (encontrados.length === 0) return ok(null);
  if (encontrados.length > 1) {
    return err([{ archivo: encontrados[1]!.nombre, codigo: 'ARCHIVO_REPETIDO', mensaje: `el archivo está dos veces (${encontrados.map((a) => a.nombre).join(' y ')})` }]);
  }
  let texto: string;
  try {
    texto = new TextDecoder('utf-8', { fatal: true }).decode(encontrados[0]!.bytes).replace(/^\uFEFF/, '');
  } catch {
    return err([{ archivo: encontrados[0]!.nombre, codigo: 'CODIFICACION', mensaje: 'el archivo no está en UTF-8' }]);
  }
  const t = leerMapaSecciones(texto);
  if (!t.ok) return err(t.error.map((p) => ({ ...p, archivo: encontrados[0]!.nombre })));
  return ok(texto);
}
