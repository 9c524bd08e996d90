/**
 * The verifier's check of a corte's change feed against one of the corte's CSVs (from its zip): every line it
 * carries for the election — corte, summary, each changed row at its index, the fuera de catálogo rows — is the
 * CSV's line, and it counts the CSV's expected rows. What a newsroom applies is then what the corte published.
 * Whether it is complete (nothing moved that it does not carry) is the corte's property: cambio.test.ts.
 */
import { partirCsv, type CsvPartido, type DiferenciasEleccion } from '../contrato/index.ts';
import { desdeUtf8 } from './bytes.ts';

/** The first disagreement, as the verifier reports it; null when the diff's lines are the CSV's. */
export function compararDiferencias(e: DiferenciasEleccion, nombre: string, bytes: Uint8Array): string | null {
  let c: CsvPartido;
  try {
    c = partirCsv(desdeUtf8(bytes));
  } catch (x) {
    return `${nombre}: ${(x as Error).message}`;
  }
  if (c.cabecera[1] !== e.corte) return `la diferencia del corte dice «${e.corte}»; ${nombre} línea 2 dice «${c.cabecera[1]}»`;
  if (c.cabecera[3] !== e.resumen) return `la diferencia del corte lleva otro resumen que ${nombre} línea 4`;
  if (c.filas.length < e.esperadas) return `la diferencia del corte cuenta ${e.esperadas} actas esperadas; ${nombre} tiene ${c.filas.length} filas`;
  const otra = e.filas.find((f) => f.indice >= e.esperadas || c.filas[f.indice] !== f.fila);
  if (otra) return `la fila de ${otra.clave} en la diferencia del corte no es ${nombre} línea ${otra.indice + 6}`;
  const fuera = c.filas.slice(e.esperadas);
  if (e.fueraCatalogo && (e.fueraCatalogo.filas.length !== fuera.length || e.fueraCatalogo.filas.some((f, i) => f !== fuera[i]))) {
    return `las filas fuera de catálogo de la diferencia del corte no son las de ${nombre}`;
  }
  return null;
}
