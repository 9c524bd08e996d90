/**
 * Where a warning about the whole derivation points, so that every warning reads `archivo:línea:columna`: a vote
 * column's warning at its header cell in the first file that has it, a missing column's at the header line of
 * the first file that lacks it, a warning about what the database never carries (CATDs, ballots for casillas
 * especiales) at line 1 of the first results file — the file the user gave first, named rather than «.».
 */
import type { ProblemaArchivo } from '../../../worker/domain/catalogo/archivos/problemas.ts';
import type { Fuente } from './fuentes.ts';
import type { ArchivoResultados } from './resultados.ts';

/** The location part of a problem. */
export type Lugar = Pick<ProblemaArchivo, 'archivo' | 'linea' | 'columna'>;

/** The header cell of the vote column `nombre` (normalized) in the first file that has it. */
export function enEncabezadoDeVoto(fuentes: readonly Fuente[], nombre: string): Lugar {
  for (const { resultados: r } of fuentes) {
    const v = r.votos.find((x) => x.nombre === nombre);
    if (v) return { archivo: r.archivo, linea: r.lineaEncabezado, columna: v.columna };
  }
  return alPrincipio(fuentes);
}

/** The header line of a file (column 1: where a missing column would be read from). */
export function enEncabezado(r: ArchivoResultados): Lugar {
  return { archivo: r.archivo, linea: r.lineaEncabezado, columna: 1 };
}

/** Line 1 of the first results file: the election the derivation started from. */
export function alPrincipio(fuentes: readonly Fuente[]): Lugar {
  return { archivo: fuentes[0]?.resultados.archivo ?? '.', linea: 1, columna: 1 };
}
