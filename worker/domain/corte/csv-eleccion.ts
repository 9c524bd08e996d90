/**
 * Each election's results CSV of a corte at its own URL (`rutaCsv`), outside the zip, in INE's layout (the same
 * bytes as the zip's entry) and tidy (csv-ordenado.ts): a newsroom or a script reads one election with one
 * request, and a client that asks for no compression gets the plain file (worker/api/publico/rutas.ts).
 * INE's file is the zip's entry itself (its bytes and SHA-256 taken while the zip is built, `guardandoCsvResultados`),
 * not rendered twice. One election at a time, so that the corte job writes an election's two files before the next
 * tidy one is built.
 */
import { assert } from '../assert.ts';
import { PREFIJO_ZIP_SIMULACRO, rutaCsv, type ArchivoRef, type CsvEleccionRef, type Entorno } from '../contrato/index.ts';
import { formatZipStamp } from '../tiempo/central.ts';
import { sha256Hex, utf8 } from './bytes.ts';
import { csvOrdenado, filasOrdenadas, formaOrdenada } from './csv-ordenado.ts';
import type { ArchivoAbierto } from './abiertos.ts';
import type { EstadoCorte } from './estado.ts';

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
}

export interface CsvEleccion {
  codigo: string;
  resultados: ArchivoCsv;
  ordenado: ArchivoCsv;
}

async function archivo(entidad: number, nombre: string, contenido: Uint8Array): Promise<ArchivoCsv> {
  const sha256 = await sha256Hex(contenido);
  return { ruta: rutaCsv(entidad, sha256, nombre), sha256, bytes: contenido.length, contenido };
}

/** The zip's results CSV entries (`<carpeta>_PREP_<ELECCION>/<ELECCION>.csv`), by election. */
const ENTRADA_RESULTADOS = /_PREP_([^/]+)\/\1\.csv$/;

/** The zip's files as they go by, keeping each election's results CSV bytes in `ine` (by election code). */
export function* guardandoCsvResultados(archivos: Iterable<ArchivoAbierto>, ine: Map<string, Uint8Array>): Generator<ArchivoAbierto> {
  for (const a of archivos) {
    const m = ENTRADA_RESULTADOS.exec(a.nombre);
    if (m) ine.set(m[1]!, a.contenido);
    yield a;
  }
}

/**
 * An election's two CSVs of the corte, election by election (catalogue order). `ine`: the zip's results CSVs
 * (`guardandoCsvResultados`) with the SHA-256 the zip listed; each is dropped from the map once published.
 */
export async function* csvPorEleccion(
  estado: EstadoCorte,
  instante: number,
  entorno: Entorno,
  ine: Map<string, { contenido: Uint8Array; sha256: string }>,
): AsyncGenerator<CsvEleccion> {
  const m = estado.modelo;
  const off = m.entidad.utcOffsetMinutes;
  for (const em of m.elecciones) {
    const codigo = em.eleccion.codigo;
    const deZip = ine.get(codigo);
    assert(deZip?.sha256 !== undefined, `el zip no tiene el CSV de resultados de ${codigo}`);
    ine.delete(codigo);
    const filas = estado.filasCsv(codigo);
    const forma = formaOrdenada(em, off);
    const ordenadas = filasOrdenadas(estado, codigo, [...filas.filas, ...filas.filasFueraCatalogo], forma);
    const nombre = nombreCsvCorte(instante, off, codigo, false, entorno);
    yield {
      codigo,
      resultados: { ruta: rutaCsv(m.entidad.id, deZip.sha256, nombre), sha256: deZip.sha256, bytes: deZip.contenido.length, contenido: deZip.contenido },
      ordenado: await archivo(m.entidad.id, nombreCsvCorte(instante, off, codigo, true, entorno), utf8(csvOrdenado(forma, ordenadas))),
    };
  }
}

/** What the manifest records of an election's CSVs (no bytes). */
export function refCsv(c: CsvEleccion): CsvEleccionRef {
  const ref = (a: ArchivoCsv): ArchivoRef => ({ ruta: a.ruta, sha256: a.sha256, bytes: a.bytes });
  return { codigo: c.codigo, resultados: ref(c.resultados), ordenado: ref(c.ordenado) };
}
