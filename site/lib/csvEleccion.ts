/**
 * Each election's CSVs of the newest corte, as the datos abiertos page links them: from the pointer
 * (`elecciones[].csv`, absent in pointers published before these files), with the file name a download keeps.
 */
import type { Puntero } from '../../worker/domain/contrato/index.ts';

export interface CsvEnlace {
  codigo: string;
  nombre: string;
  /** INE's layout (the zip's file). */
  resultados: { url: string; archivo: string };
  /** The tidy layout. */
  ordenado: { url: string; archivo: string };
}

const enlace = (ruta: string) => ({ url: `/${ruta}`, archivo: ruta.slice(ruta.lastIndexOf('/') + 1) });

export function enlacesCsv(p: Puntero): CsvEnlace[] {
  return p.elecciones.flatMap((e) => (e.csv ? [{ codigo: e.codigo, nombre: e.nombre, resultados: enlace(e.csv.resultados), ordenado: enlace(e.csv.ordenado) }] : []));
}
