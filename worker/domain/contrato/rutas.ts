/**
 * The R2 key layout of the publication. Every key starts with `datos/<entidad>/` (a national deployment
 * partitions by entidad) and is served by the Worker at `/<key>`. Content-addressed keys contain the SHA-256
 * of their bytes (shards: its first 20 hex digits, `<h>`) and never change; only `latest.json` and
 * `historial.json` are rewritten, once per corte.
 *
 *   datos/<e>/territorios/<h>.json                   navigation and search (static during the night)
 *   datos/<e>/seccion/<sección>/<h>.json              a sección: its actas of every election
 *   datos/<e>/secciones/<g>/<h>.json                  where the sección shards of group g are (100 secciones)
 *   datos/<e>/<ELECCION>/entidad/<h>.json             entidad summary of one election
 *   datos/<e>/<ELECCION>/distrito/<id>/<h>.json       a distrito: figures and its secciones' rows
 *   datos/<e>/<ELECCION>/municipio/<id>/<h>.json      a municipio: likewise
 *   datos/<e>/diferencias/<sha>.json                  the actas that entered or changed in one corte
 *   datos/<e>/abiertos/<sha>/<YYYYMMDD_HHMM>_PREP.zip  the open-data database of one corte
 *   datos/<e>/csv/<sha>/<YYYYMMDD_HHMM>_PREP_<ELECCION>[_ORDENADO].csv  one election's results CSV of one corte,
 *                                                     INE's layout and the tidy one (csv-ordenado.ts)
 *   datos/<e>/cdf/<sha>.json                          one corte's results in NIST SP 1500-100 (exportes/cdf.ts)
 *   datos/<e>/manifiestos/<sha>.json                  a corte's manifest (chained by hash)
 *   datos/<e>/historial.json                          every corte (mutable, short max-age)
 *   datos/<e>/latest.json                             the newest corte (mutable, short max-age, written last)
 *   datos/latest.json                                 the same pointer at a fixed place for the portal
 *   datos/aviso.json                                  the institute's notice to every portal page (mutable)
 *   datos/<e>/imagenes/<sha>.<ext>                    acta images (written by the capture API)
 */
import type { ImagenActa, MimeImagen } from './acta.ts';

export const RAIZ = 'datos';
export const RUTA_LATEST_RAIZ = `${RAIZ}/latest.json`;
export const RUTA_AVISO = `${RAIZ}/aviso.json`;

/** Logical id of a shard: `territorios`, `seccion/338`, `secciones/3`, `GUB/entidad`, `GUB/distrito/3`, `GUB/municipio/39`. */
export type ShardId = string;

export const shardIds = {
  territorios: (): ShardId => 'territorios',
  seccion: (seccion: number): ShardId => `seccion/${seccion}`,
  /** The group of secciones `grupo·100 …` (`grupoDeSeccion`). */
  grupoSecciones: (grupo: number): ShardId => `secciones/${grupo}`,
  entidad: (eleccion: string): ShardId => `${eleccion}/entidad`,
  distrito: (eleccion: string, id: number): ShardId => `${eleccion}/distrito/${id}`,
  municipio: (eleccion: string, id: number): ShardId => `${eleccion}/municipio/${id}`,
};

export function prefijo(entidad: number): string {
  return `${RAIZ}/${entidad}`;
}

/**
 * Hex digits of a shard's SHA-256 in its key and in its parents' rows (80 bits). Parents carry one address per
 * child, so this length is most of a parent's bytes that never compress; 80 bits keep an accidental collision
 * between two versions of one shard id (the only ones that share a key's folder) below 10⁻¹⁵ over a national
 * night (~69k shard ids × ~300 versions each), and a deliberate one out of reach (2⁴⁰ candidate shards whose
 * every byte an attacker would have to choose). The manifest lists every shard's full SHA-256 and the verifier
 * checks the bytes against it.
 */
export const LONGITUD_DIRECCION = 20;

/** A shard's address: the first `LONGITUD_DIRECCION` hex digits of its SHA-256 (a row's `h` as it is). */
export function direccionShard(sha256: string): string {
  return sha256.slice(0, LONGITUD_DIRECCION);
}

/** A shard's key from its SHA-256 or its address (a parent's row `h`). */
export function rutaShard(entidad: number, id: ShardId, sha256: string): string {
  return `${prefijo(entidad)}/${id}/${direccionShard(sha256)}.json`;
}

export function rutaManifiesto(entidad: number, sha256: string): string {
  return `${prefijo(entidad)}/manifiestos/${sha256}.json`;
}

export function rutaDiferencias(entidad: number, sha256: string): string {
  return `${prefijo(entidad)}/diferencias/${sha256}.json`;
}

export function rutaAbiertos(entidad: number, sha256: string, nombre: string): string {
  return `${prefijo(entidad)}/abiertos/${sha256}/${nombre}`;
}

/** One election's results CSV of one corte at its own URL (`nombreCsvCorte`), outside the zip. */
export function rutaCsv(entidad: number, sha256: string, nombre: string): string {
  return `${prefijo(entidad)}/csv/${sha256}/${nombre}`;
}

/** One corte's results in the NIST SP 1500-100 Election Results Reporting format (JSON). */
export function rutaCdf(entidad: number, sha256: string): string {
  return `${prefijo(entidad)}/cdf/${sha256}.json`;
}

export function rutaLatest(entidad: number): string {
  return `${prefijo(entidad)}/latest.json`;
}

export function rutaHistorial(entidad: number): string {
  return `${prefijo(entidad)}/historial.json`;
}

/** File extension of each image type (a missing type is a compile error). */
const EXTENSION: Readonly<Record<MimeImagen, string>> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' };

/** Where the image of an acta is published (its SHA-256 is CODIGO_INTEGRIDAD). */
export function rutaImagen(entidad: number, imagen: Pick<ImagenActa, 'sha256' | 'mime'>): string {
  return `${prefijo(entidad)}/imagenes/${imagen.sha256}.${EXTENSION[imagen.mime]}`;
}

/** Keys that are rewritten (served with a short max-age); everything else is immutable. */
export function esMutable(ruta: string): boolean {
  return ruta === RUTA_LATEST_RAIZ || ruta === RUTA_AVISO || /^datos\/\d+\/(latest|historial)\.json$/.test(ruta);
}

/** A key the public routes may serve. */
export function esRutaPublica(ruta: string): boolean {
  return /^datos\/[A-Za-z0-9_.\-/]+$/.test(ruta) && !ruta.includes('..') && !ruta.includes('//');
}

/**
 * What a content-addressed key claims of its bytes' SHA-256: all of it, or its first `LONGITUD_DIRECCION` hex
 * digits for a shard (null for mutable keys).
 */
export function shaDeRuta(ruta: string): string | null {
  const m = /\/([0-9a-f]{64}|[0-9a-f]{20})(?:\.json|\/[^/]+)$/.exec(ruta);
  return m ? m[1]! : null;
}
