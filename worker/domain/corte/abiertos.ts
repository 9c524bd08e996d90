/**
 * The open-data database of a corte: one zip (fflate) holding a folder per election
 * (`YYYYMMDD_HHMM_PREP_<ELECCION>/`) with its results CSV, its candidaturas CSV and its LEEME.txt.
 * Deterministic: files in a fixed order, every entry stamped with the corte's own local time (no clock read),
 * so the same corte always gives the same bytes.
 */
import { Zip, ZipDeflate } from 'fflate';
import { formatZipStamp } from '../time/central.ts';
import { sha256Hex } from './bytes.ts';

export interface ArchivoAbierto {
  /** Path inside the zip. */
  nombre: string;
  contenido: Uint8Array;
}

export interface ZipAbiertos {
  nombre: string;
  contenido: Uint8Array;
  archivos: { nombre: string; sha256: string; bytes: number }[];
}

export function nombreZip(instante: number, offsetMinutes: number): string {
  return `${formatZipStamp(instante, offsetMinutes)}_PREP.zip`;
}

export function carpetaEleccion(instante: number, offsetMinutes: number, codigo: string): string {
  return `${formatZipStamp(instante, offsetMinutes)}_PREP_${codigo}`;
}

/**
 * DEFLATE level. Every corte deflates every results CSV whole (~12 MB at Jalisco scale), so the level is most of
 * the open data's cost. Measured with fflate on the synthetic Jalisco CSVs (11.8 MB): level 1 3.44 MB in 164 ms,
 * 2 3.35 MB in 176 ms, 3 3.31 MB in 235 ms, 6 3.18 MB in 385 ms. Level 2 costs 1.2 % more bytes than 3 (41 KB)
 * for a quarter less time.
 */
export const NIVEL_ZIP = 2;

/**
 * Zips the files one at a time (fflate's streaming Zip): each file is compressed, hashed and released before
 * the next is built, so a Jalisco-size corte never holds its three CSVs at once (a Worker has 128 MB).
 * fflate writes DOS timestamps from the runtime's local clock fields; workerd runs in UTC, so the entidad's
 * local time of the corte is passed as if it were UTC and the entries show local time.
 */
export async function construirZip(instante: number, offsetMinutes: number, archivos: Iterable<ArchivoAbierto>): Promise<ZipAbiertos> {
  const mtime = new Date(instante + offsetMinutes * 60_000);
  const partes: Uint8Array[] = [];
  let fallo: Error | null = null;
  const zip = new Zip((e, datos) => {
    if (e) fallo = e;
    else partes.push(datos);
  });
  const lista: ZipAbiertos['archivos'] = [];
  for (const a of archivos) {
    const entrada = new ZipDeflate(a.nombre, { level: NIVEL_ZIP });
    entrada.mtime = mtime;
    zip.add(entrada);
    entrada.push(a.contenido, true);
    lista.push({ nombre: a.nombre, sha256: await sha256Hex(a.contenido), bytes: a.contenido.length });
  }
  zip.end();
  if (fallo) throw fallo;
  const contenido = new Uint8Array(partes.reduce((n, p) => n + p.length, 0));
  let i = 0;
  for (const p of partes) {
    contenido.set(p, i);
    i += p.length;
  }
  return { nombre: nombreZip(instante, offsetMinutes), contenido, archivos: lista };
}
