/**
 * The cortes of a whole-night replay, from the folders the user gives (one per published corte, as an institute
 * publishes them: its results CSV(s) and candidaturas CSV(s); other files such as LEEME.txt are not read).
 * Which CSV is which is told by its header, as `from-prep` does, never by its name; a candidaturas CSV goes after
 * the results CSV of its election. The cortes are put in the order of the instant each results file states
 * (not of the folders' names), and folders of the same instant (one per election) make one corte.
 *
 * Pure: bytes in, cortes (or located problems) out.
 */
import type { ArchivoEntrada } from '../../worker/domain/catalogo/archivos/leer.ts';
import type { ProblemaArchivo } from '../../worker/domain/catalogo/archivos/problemas.ts';
import { err, ok, type Result } from '../../worker/domain/resultado.ts';
import { formatCorte } from '../../worker/domain/tiempo/central.ts';
import { pareceCandidaturas } from '../catalogo/desde-prep/candidaturas.ts';
import { leerFuentes } from '../catalogo/desde-prep/fuentes.ts';
import { leerRegistrosPrep } from '../catalogo/desde-prep/registros.ts';
import { pareceResultados } from '../catalogo/desde-prep/resultados.ts';

export interface CarpetaLeida {
  carpeta: string;
  /** Every CSV of the folder, in any order. */
  csv: ArchivoEntrada[];
}

export interface CorteNoche {
  ms: number;
  texto: string;
  carpetas: string[];
  /** Results CSVs, each followed by its candidaturas CSV: what `planearReplay` takes. */
  entradas: ArchivoEntrada[];
}

const base = (nombre: string) => nombre.split(/[\\/]/).pop()!.toUpperCase();
/** `CAMP_GOB_CANDIDATURA_2021.csv` belongs to `CAMP_GOB_2021.csv`. */
const sinCandidatura = (nombre: string) => base(nombre).replace(/_?CANDIDATURAS?/, '');

/** The folder's CSVs as results, each followed by its candidaturas. */
function ordenarCarpeta(c: CarpetaLeida): Result<ArchivoEntrada[], ProblemaArchivo[]> {
  const resultados: ArchivoEntrada[] = [];
  const candidaturas: ArchivoEntrada[] = [];
  const problemas: ProblemaArchivo[] = [];
  for (const e of c.csv) {
    const r = leerRegistrosPrep(e.nombre, e.bytes);
    if (!r.ok) problemas.push(r.error);
    else if (pareceResultados(r.value.registros)) resultados.push(e);
    else if (pareceCandidaturas(r.value.registros)) candidaturas.push(e);
    else problemas.push({ archivo: e.nombre, codigo: 'FORMATO', mensaje: 'no es un CSV de resultados del PREP ni de candidaturas' });
  }
  if (resultados.length === 0 && problemas.length === 0) problemas.push({ archivo: c.carpeta, codigo: 'NOCHE', mensaje: 'la carpeta no tiene ningún CSV de resultados del PREP' });
  resultados.sort((a, b) => base(a.nombre).localeCompare(base(b.nombre)));
  const suyas = new Map<ArchivoEntrada, ArchivoEntrada>();
  for (const k of candidaturas) {
    const r = resultados.length === 1 && candidaturas.length === 1 ? resultados[0] : resultados.find((x) => base(x.nombre) === sinCandidatura(k.nombre));
    if (r === undefined) problemas.push({ archivo: k.nombre, codigo: 'NOCHE', mensaje: 'no se sabe de qué CSV de resultados es (su nombre sin «CANDIDATURA» no es el de ninguno de la carpeta)' });
    else suyas.set(r, k);
  }
  if (problemas.length > 0) return err(problemas);
  return ok(resultados.flatMap((r) => (suyas.has(r) ? [r, suyas.get(r)!] : [r])));
}

/** The night's cortes in time order; every problem of every folder at once. */
export function cortesDeLaNoche(carpetas: readonly CarpetaLeida[]): Result<CorteNoche[], ProblemaArchivo[]> {
  const problemas: ProblemaArchivo[] = [];
  const porInstante = new Map<number, CorteNoche>();
  for (const c of carpetas) {
    const entradas = ordenarCarpeta(c);
    if (!entradas.ok) {
      problemas.push(...entradas.error);
      continue;
    }
    const lectura = leerFuentes(entradas.value);
    if (lectura.problemas.length > 0) {
      problemas.push(...lectura.problemas);
      continue;
    }
    const cortes = lectura.fuentes.map((f) => f.resultados.corte);
    const primero = cortes[0];
    if (primero === undefined || cortes.some((x) => x === undefined)) {
      problemas.push({ archivo: c.carpeta, codigo: 'CORTE', mensaje: 'un CSV de resultados no tiene la línea del corte: no se sabe en qué lugar de la noche va' });
      continue;
    }
    if (cortes.some((x) => x!.ms !== primero.ms)) {
      problemas.push({ archivo: c.carpeta, codigo: 'CORTE', mensaje: `sus CSV son de cortes distintos (${cortes.map((x) => formatCorte(x!.ms, x!.offsetMinutes)).join(', ')}): una carpeta es un corte` });
      continue;
    }
    const corte = porInstante.get(primero.ms) ?? { ms: primero.ms, texto: formatCorte(primero.ms, primero.offsetMinutes), carpetas: [], entradas: [] };
    corte.carpetas.push(c.carpeta);
    corte.entradas.push(...entradas.value);
    porInstante.set(primero.ms, corte);
  }
  if (problemas.length > 0) return err(problemas);
  return ok([...porInstante.values()].sort((a, b) => a.ms - b.ms));
}
