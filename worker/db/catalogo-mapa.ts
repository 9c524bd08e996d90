/**
 * The catalogue's sección boundaries in D1 (table `configuracion`, no migration): the file's text for export,
 * the index the corte names in its pointer, and each distrito's and municipio's cut that the public route serves
 * (worker/api/publico/mapas-publicados.ts). Values are split into parts under D1's statement size, so a whole entidad's file fits.
 */
import type { Catalogo } from '../domain/catalogo/esquema.ts';
import { huellaMapa, leerMapaSecciones, recortesPorTerritorio, type ClaveTerritorio } from '../domain/catalogo/mapa-secciones.ts';
import type { TableRows } from './sql-lotes.ts';

export const PREFIJO = 'mapa_secciones/';
export const CLAVE_TEXTO = `${PREFIJO}texto`;
export const CLAVE_INDICE = `${PREFIJO}indice`;
export const claveRecorte = (t: ClaveTerritorio) => `${PREFIJO}${t}`;

/** What the pointer carries (`mapas`): where the cuts are and which territories have one. */
export interface IndiceMapas {
  huella: string;
  territorios: ClaveTerritorio[];
}

/** Characters per stored part: well under D1's 100 KB statement with SQL quoting doubled. */
const PARTE = 40_000;
const partes = (clave: string, texto: string): [string, string][] => {
  const out: [string, string][] = [];
  for (let i = 0; i * PARTE < texto.length; i++) out.push([`${clave}/${String(i).padStart(4, '0')}`, texto.slice(i * PARTE, (i + 1) * PARTE)]);
  return out;
};

/** Removes whatever boundaries the previous catalogue had. */
export const BORRAR_MAPA_SQL = `DELETE FROM configuracion WHERE clave LIKE '${PREFIJO}%'`;

/** The rows of a catalogue's boundaries (none without them). */
export function filasMapa(cat: Catalogo): TableRows {
  const rows: [string, string][] = [];
  if (cat.mapaSecciones !== undefined) {
    const t = leerMapaSecciones(cat.mapaSecciones);
    if (!t.ok) throw new Error(`mapa de secciones inválido: ${t.error.map((p) => p.mensaje).join('; ')}`);
    const recortes = recortesPorTerritorio(t.value, cat.secciones);
    const indice: IndiceMapas = { huella: huellaMapa(cat.mapaSecciones), territorios: [...recortes.keys()] };
    rows.push(...partes(CLAVE_TEXTO, cat.mapaSecciones), [CLAVE_INDICE, JSON.stringify(indice)]);
    for (const [k, r] of recortes) rows.push(...partes(claveRecorte(k), JSON.stringify(r)));
  }
  return { table: 'configuracion', columns: ['clave', 'valor'], rows };
}

/** A stored value from its parts' rows (`clave`, `valor`), null when there is none. */
export function unirPartes(filas: readonly { clave: unknown; valor: unknown }[]): string | null {
  if (filas.length === 0) return null;
  return [...filas]
    .sort((a, b) => String(a.clave).localeCompare(String(b.clave)))
    .map((f) => String(f.valor))
    .join('');
}

/** The SQL that reads one stored value's parts. */
export const sqlPartes = (clave: string) => `SELECT clave, valor FROM configuracion WHERE clave LIKE '${clave.replaceAll("'", "''")}/%'`;
