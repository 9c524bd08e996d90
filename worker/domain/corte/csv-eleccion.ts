/**
 * Each election's results CSV of a corte at its own URL (`rutaCsv`), outside the zip, in INE's layout (the same
 * bytes as the zip's entry) and tidy (csv-ordenado.ts): a newsroom or a script reads one election with one
 * request, and a client that asks for no compression gets the plain file (worker/api/publico/rutas.ts).
 * INE's file is the zip's entry itself (its bytes and SHA-256 taken while the zip is built, `guardandoCsvResultados`),
 * not rendered twice. One election at a time, so that the corte job writes an election's two files before the next
 * tidy one is built.
 * Each is stored as its gzip copy (`gzip`, worker/cortes/variantes.ts), made of DEFLATE trozos kept between cortes
 * (trozos-csv.ts): INE's is the zip entry's own data, the tidy one's trozos are deflated again only where a row
 * moved. Brotli of the ~24 MB of both at Jalisco scale, even at quality 1, cost more than the rest of a 1 % corte.
 */
import { assert } from '../assert.ts';
import { PREFIJO_ZIP_SIMULACRO, rutaCsv, type ArchivoRef, type CsvEleccionRef, type Entorno } from '../contrato/index.ts';
import { formatZipStamp } from '../tiempo/central.ts';
import { compresorFflate, NIVEL_ZIP, type ArchivoAbierto, type Compresor } from './abiertos.ts';
import { sha256Hex } from './bytes.ts';
import { cabeceraOrdenada, filasOrdenadas, formaOrdenada } from './csv-ordenado.ts';
import { EOL } from './csv-resultados.ts';
import type { EstadoCorte } from './estado.ts';
import { envolverGzip } from './gzip.ts';
import { filasPorTrozo, textoPorTrozos, trozosDe } from './trozos-csv.ts';

export const SUFIJO_ORDENADO = '_ORDENADO';

/**
 * `YYYYMMDD_HHMM_PREP_<ELECCION>.csv` and `…_ORDENADO.csv` (the zip's folder name, so a saved file says its corte);
 * in `pruebas` with the zip's `SIMULACRO_` prefix.
 */
export function nombreCsvCorte(instante: number, offsetMinutes: number, codigo: string, ordenado: boolean, entorno: Entorno): string {
  const simulacro = entorno === 'pruebas' ? PREFIJO_ZIP_SIMULACRO : '';
  return `${simulacro}${formatZipStamp(instante, offsetMinutes)}_PREP_${codigo}${ordenado ? SUFIJO_ORDENADO : ''}.csv`;
}

export interface ArchivoCsv extends ArchivoRef {
  contenido: Uint8Array;
  /** The gzip file of `contenido`: what is stored (its plain bytes are made back where asked for). */
  gzip: Uint8Array;
}

export interface CsvEleccion {
  codigo: string;
  resultados: ArchivoCsv;
  ordenado: ArchivoCsv;
}

async function archivo(entidad: number, nombre: string, contenido: Uint8Array, gzip: Uint8Array, sha256?: string): Promise<ArchivoCsv> {
  const sha = sha256 ?? (await sha256Hex(contenido));
  return { ruta: rutaCsv(entidad, sha, nombre), sha256: sha, bytes: contenido.length, contenido, gzip };
}

/** The zip's results CSV entries (`<carpeta>_PREP_<ELECCION>/<ELECCION>.csv`), by election. */
const ENTRADA_RESULTADOS = /_PREP_([^/]+)\/\1\.csv$/;

/** An election's results CSV as the zip took it: its bytes, and its DEFLATE data once the zip made it. */
export interface CsvDelZip {
  contenido: Uint8Array;
  deflate: Uint8Array | null;
}

/** The zip's files as they go by, keeping each election's results CSV and its zip data in `ine` (by election code). */
export function* guardandoCsvResultados(archivos: Iterable<ArchivoAbierto>, ine: Map<string, CsvDelZip>): Generator<ArchivoAbierto> {
  for (const a of archivos) {
    const m = ENTRADA_RESULTADOS.exec(a.nombre);
    if (m === null) {
      yield a;
      continue;
    }
    const guardado: CsvDelZip = { contenido: a.contenido, deflate: null };
    ine.set(m[1]!, guardado);
    // The entry's data as construirZip would make it (abiertos.ts), kept on its way into the zip.
    yield { ...a, deflactar: (c) => (guardado.deflate = a.deflactar ? a.deflactar(c) : c.deflateRaw(a.contenido, NIVEL_ZIP)) };
  }
}

/**
 * An election's two CSVs of the corte, election by election (catalogue order). `ine`: the zip's results CSVs
 * (`guardandoCsvResultados`) with the SHA-256 the zip listed; each is dropped from the map once published.
 * `compresor`: the zip's (the tidy file's trozos are kept per compresor, as the zip's).
 */
export async function* csvPorEleccion(
  estado: EstadoCorte,
  instante: number,
  entorno: Entorno,
  ine: Map<string, CsvDelZip & { sha256: string }>,
  compresor: Compresor = compresorFflate,
): AsyncGenerator<CsvEleccion> {
  const m = estado.modelo;
  const off = m.entidad.utcOffsetMinutes;
  for (const em of m.elecciones) {
    const codigo = em.eleccion.codigo;
    const deZip = ine.get(codigo);
    assert(deZip?.sha256 !== undefined && deZip.deflate !== null, `el zip no tiene el CSV de resultados de ${codigo}`);
    ine.delete(codigo);
    const filas = estado.filasCsv(codigo);
    const forma = formaOrdenada(em, off);
    const ordenadas = filasOrdenadas(estado, codigo, [...filas.filas, ...filas.filasFueraCatalogo], forma);
    const n = filas.filas.length;
    const tidy = textoPorTrozos(cabeceraOrdenada(forma) + EOL, ordenadas.slice(0, n), ordenadas.slice(n), trozosDe(estado, codigo + SUFIJO_ORDENADO), filasPorTrozo(em));
    const gzip = (contenido: Uint8Array, deflate: Uint8Array) => envolverGzip(deflate, compresor.crc32(contenido), contenido.length);
    yield {
      codigo,
      resultados: await archivo(m.entidad.id, nombreCsvCorte(instante, off, codigo, false, entorno), deZip.contenido, gzip(deZip.contenido, deZip.deflate), deZip.sha256),
      ordenado: await archivo(m.entidad.id, nombreCsvCorte(instante, off, codigo, true, entorno), tidy.contenido, gzip(tidy.contenido, tidy.deflactar(compresor))),
    };
  }
}

/** What the manifest records of an election's CSVs (no bytes). */
export function refCsv(c: CsvEleccion): CsvEleccionRef {
  const ref = (a: ArchivoCsv): ArchivoRef => ({ ruta: a.ruta, sha256: a.sha256, bytes: a.bytes });
  return { codigo: c.codigo, resultados: ref(c.resultados), ordenado: ref(c.ordenado) };
}
