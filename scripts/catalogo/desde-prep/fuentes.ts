/**
 * The files of a published PREP database, read once: each results CSV, optionally followed by its candidaturas
 * CSV. The catalogue derivation (derivar.ts) and the replay plan (scripts/replay/plan.ts) both start from this
 * reading, so a file is parsed once however many of them use it.
 */
import type { ArchivoEntrada } from '../../../worker/domain/catalogo/archivos/leer.ts';
import type { ProblemaArchivo } from '../../../worker/domain/catalogo/archivos/problemas.ts';
import type { Pos } from '../../../worker/domain/catalogo/archivos/tabla.ts';
import { leerCandidaturas, pareceCandidaturas, type ArchivoCandidaturas } from './candidaturas.ts';
import { leerRegistrosPrep, leerResultados, pareceResultados, type ArchivoResultados } from './resultados.ts';

/** One election's files: its results, and the candidaturas CSV that followed it, if any. */
export interface Fuente {
  resultados: ArchivoResultados;
  candidaturas?: ArchivoCandidaturas;
}

/** Where a row of the derived catalogue came from (to locate the cross-table problems in the input files). */
export interface Origen {
  archivo: string;
  linea: number;
  pos?: Pos;
}

export interface LecturaPrep {
  /** Every results file that parsed, in the order given, with its candidaturas. */
  fuentes: Fuente[];
  /** Every file that did not parse, or came out of order: the derivation stops on any. */
  problemas: ProblemaArchivo[];
  /** What the reading assumed (a Latin-1 file, a `sep=|` line…), located in its file. */
  avisos: ProblemaArchivo[];
}

const NI_RESULTADOS_NI_CANDIDATURAS =
  'no parece un CSV de resultados del PREP (nombre de la elección, corte, resumen y encabezado con SECCION y TIPO_CASILLA) ni de candidaturas (PARTIDO_CI, CANDIDATURA_PROPIETARIA)';

/** Reads every file; a file that fails does not stop the others, so that every problem is listed at once. */
export function leerFuentes(entradas: readonly ArchivoEntrada[]): LecturaPrep {
  const lectura: LecturaPrep = { fuentes: [], problemas: [], avisos: [] };
  for (const e of entradas) leerEntrada(e, lectura);
  return lectura;
}

/** One file: results start a new election, candidaturas complete the election just before them. */
function leerEntrada(e: ArchivoEntrada, lectura: LecturaPrep): void {
  const { fuentes, problemas, avisos } = lectura;
  const r = leerRegistrosPrep(e.nombre, e.bytes);
  if (!r.ok) {
    problemas.push(r.error);
    return;
  }
  if (pareceResultados(r.value.registros)) {
    const res = leerResultados(e.nombre, r.value.registros, r.value.codificacion);
    if (!res.ok) {
      problemas.push(...res.error);
      return;
    }
    fuentes.push({ resultados: res.value });
    avisos.push(...r.value.avisos, ...(res.value.avisos ?? []));
  } else if (pareceCandidaturas(r.value.registros)) {
    const ultima = fuentes.at(-1);
    if (!ultima || ultima.candidaturas) {
      problemas.push({ archivo: e.nombre, codigo: 'ORDEN', mensaje: 'un CSV de candidaturas va justo después del CSV de resultados de su elección' });
      return;
    }
    const c = leerCandidaturas(e.nombre, r.value.registros, avisos);
    if (!c.ok) problemas.push(...c.error);
    else {
      ultima.candidaturas = c.value;
      avisos.push(...r.value.avisos);
    }
  } else {
    problemas.push({ archivo: e.nombre, codigo: 'FORMATO', mensaje: NI_RESULTADOS_NI_CANDIDATURAS });
  }
}
