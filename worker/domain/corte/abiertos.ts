/**
 * The open-data database of a corte: one zip (fflate) holding a folder per election
 * (`YYYYMMDD_HHMM_PREP_<ELECCION>/`) with its results CSV, its candidaturas CSV and its LEEME.txt.
 * Deterministic: files in a fixed order, every entry stamped with the corte's own local time (no clock read),
 * so the same corte always gives the same bytes.
 */
import { deflateSync, Zip, type ZipInputFile } from 'fflate';
import { PREFIJO_ZIP_SIMULACRO, type Entorno } from '../contrato/index.ts';
import { formatZipStamp } from '../tiempo/central.ts';
import { sha256Hex } from './bytes.ts';

export interface ArchivoAbierto {
  /** Path inside the zip. */
  nombre: string;
  contenido: Uint8Array;
  /**
   * Its zip data (raw DEFLATE of `contenido`) when it is not deflated whole: the results CSVs deflate by
   * trozos kept between cortes (trozos-csv.ts).
   */
  deflactar?: (compresor: Compresor) => Uint8Array;
}

export interface ZipAbiertos {
  nombre: string;
  contenido: Uint8Array;
  archivos: { nombre: string; sha256: string; bytes: number }[];
}

/** `YYYYMMDD_HHMM_PREP.zip`; in `pruebas`, `SIMULACRO_YYYYMMDD_HHMM_PREP.zip` (the folders inside keep INE's names). */
export function nombreZip(instante: number, offsetMinutes: number, entorno: Entorno): string {
  return `${entorno === 'pruebas' ? PREFIJO_ZIP_SIMULACRO : ''}${formatZipStamp(instante, offsetMinutes)}_PREP.zip`;
}

export function carpetaEleccion(instante: number, offsetMinutes: number, codigo: string): string {
  return `${formatZipStamp(instante, offsetMinutes)}_PREP_${codigo}`;
}

/**
 * DEFLATE level of files deflated whole (all of them with fflate; with native zlib, all but the results CSVs,
 * which go by trozos at their own level: trozos-csv.ts). Deflating every results CSV whole (~12 MB at Jalisco
 * scale) in every corte made the level most of the open data's cost. Measured on the synthetic Jalisco CSVs
 * (11.9 MB), CPU ms: fflate level 1 3.47 MB in 154, 2 3.38 MB in 150, 3 3.34 MB in 180; native zlib level 1 3.29 MB in 74, 2 3.23 MB in 77, 3 3.16 MB in 98,
 * 4 3.10 MB in 97, 6 2.93 MB in 228. Level 2: 60 KB smaller than level 1 for ~3 ms more.
 */
export const NIVEL_ZIP = 2;

/**
 * Raw DEFLATE and CRC-32. The domain cannot import a runtime's own zlib (it stays pure and portable), so the
 * adapter injects the native one (`node:zlib`, present in Node and in workerd with nodejs_compat), twice as fast
 * as fflate and smaller at the same level; fflate is the fallback (tests, verifier).
 */
export interface Compresor {
  deflateRaw(bytes: Uint8Array, nivel: number): Uint8Array;
  crc32(bytes: Uint8Array): number;
  /**
   * Raw DEFLATE of one piece of a longer stream: references nothing before the piece and at most 2^`ventana`
   * bytes back, ends in a sync flush (byte-aligned, no final block), so pieces deflated alone concatenate into
   * one stream (closed by `FIN_DEFLATE`, trozos-csv.ts). Absent (fflate, whose streaming flush loses data on
   * some inputs in 0.8.3): files are deflated whole.
   */
  deflateRawTrozo?(bytes: Uint8Array, nivel: number, ventana: number): Uint8Array;
}

const TABLA_CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (ISO-HDLC, as zip uses it) in plain JS: fflate does not export its own. */
export function crc32Js(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = TABLA_CRC[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export const compresorFflate: Compresor = {
  deflateRaw: (bytes, nivel) => deflateSync(bytes, { level: nivel as NonNullable<Parameters<typeof deflateSync>[1]>['level'] }),
  crc32: crc32Js,
};

/** fflate's DEFLATE option bits of the zip entry flag for a level (its `dbf`): what ZipDeflate records. */
const banderaNivel = (nivel: number) => (nivel === 1 ? 3 : nivel < 6 ? 2 : nivel === 9 ? 1 : 0);

/**
 * One zip entry whose bytes are already deflated: fflate's Zip keeps writing the container (headers, data
 * descriptor, central directory) while the compression is the `Compresor`'s.
 */
function entradaDeflactada(a: ArchivoAbierto, mtime: Date, compresor: Compresor): { entrada: ZipInputFile; datos: Uint8Array } {
  const entrada: ZipInputFile = {
    filename: a.nombre,
    size: a.contenido.length,
    crc: compresor.crc32(a.contenido),
    compression: 8,
    // Informative only (no reader uses it); the trozos' level 4 has the same bits as level 2.
    flag: banderaNivel(NIVEL_ZIP),
    mtime,
  };
  return { entrada, datos: a.deflactar ? a.deflactar(compresor) : compresor.deflateRaw(a.contenido, NIVEL_ZIP) };
}

/**
 * Zips the files one at a time (fflate's streaming Zip, fed by `compresor`): each file is compressed, hashed
 * and released before the next is built, so a Jalisco-size corte never holds its three CSVs at once (a Worker
 * has 128 MB).
 * fflate writes DOS timestamps from the runtime's local clock fields; workerd runs in UTC, so the entidad's
 * local time of the corte is passed as if it were UTC and the entries show local time.
 */
export async function construirZip(
  instante: number,
  offsetMinutes: number,
  archivos: Iterable<ArchivoAbierto>,
  compresor: Compresor = compresorFflate,
  // Unlabelled names must be asked for: a caller that forgets the environment publishes a SIMULACRO.
  entorno: Entorno = 'pruebas',
): Promise<ZipAbiertos> {
  const mtime = new Date(instante + offsetMinutes * 60_000);
  const partes: Uint8Array[] = [];
  let fallo: Error | null = null;
  const zip = new Zip((e, datos) => {
    if (e) fallo = e;
    else partes.push(datos);
  });
  const lista: ZipAbiertos['archivos'] = [];
  for (const a of archivos) {
    const { entrada, datos } = entradaDeflactada(a, mtime, compresor);
    zip.add(entrada);
    entrada.ondata!(null, datos as Uint8Array<ArrayBuffer>, true);
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
  return { nombre: nombreZip(instante, offsetMinutes, entorno), contenido, archivos: lista };
}
