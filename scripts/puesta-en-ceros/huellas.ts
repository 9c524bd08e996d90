/**
 * The catalogue's and the configuration's SHA-256 as the puesta en ceros records them (docs/PUESTA-EN-CEROS.md
 * says exactly what text is hashed, so that an auditor can recompute them with sqlite3 and sha256sum). Pure.
 */
import { canonicalJson, sha256Hex } from '../../worker/domain/bitacora/cadena.ts';

/** One catalogue table: its rows as SQLite's json_array of every column in declaration order, sorted as text. */
export interface TablaCatalogo {
  tabla: string;
  filas: readonly string[];
}

/** The text hashed: per table, in the given order, its name on a line and then one line per row. */
export function textoCatalogo(tablas: readonly TablaCatalogo[]): string {
  return tablas.map((t) => `${t.tabla}\n${t.filas.map((f) => `${f}\n`).join('')}`).join('');
}

export function hashCatalogo(tablas: readonly TablaCatalogo[]): Promise<string> {
  return sha256Hex(textoCatalogo(tablas));
}

/** The publication window and cadence (corte_config, without its running state `ultimo_turno`). */
export interface ConfigCortes {
  jornada: string | null;
  inicioMinutos: number;
  duracionMinutos: number;
  cadenciaMinutos: number;
}

export interface Configuracion {
  cortes: ConfigCortes;
  /** wrangler.toml: the Worker's name and ENTORNO of the top level (the local D1's), and the whole file's SHA-256. */
  wrangler: { nombre: string; entorno: string; sha256: string };
}

/** SHA-256 of the canonical JSON (sorted keys, no blanks) of the configuration. */
export function hashConfiguracion(c: Configuracion): Promise<string> {
  return sha256Hex(canonicalJson(c));
}
