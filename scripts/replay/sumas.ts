/**
 * Each vote column's sum over one election's actas (issue 12, "Done when"), three ways:
 *   ours    Σ over the expected-acta rows of our results CSV (fuera de catálogo rows left out);
 *   file    Σ over every row of the file that is not fuera de catálogo (repeated CLAVE_ACTA and rows without a
 *           sección included: what anyone adding up the file's column gets);
 *   REGLAS  Σ of what REGLAS give for those rows (plan.ts `cifrasReglas`): one row per CLAVE_ACTA, a sin acta or
 *           unsendable row adds nothing, a `-` in a ballot field is 0.
 * Only integer cells add: Ilegible, Sin dato, `-` and empty add 0 (docs/REGLAS.md §4). Ours must be REGLAS'; where the
 * file's is not, the difference is broken down by the rule of the rows that make it up. Pure.
 */
import { sinApostrofo } from '../../worker/domain/claves/clave.ts';
import type { CsvLeido } from '../../worker/domain/corte/verificar-csv.ts';
import { celdaComparable, REGLA_DUPLICADA, reglaDelArchivo, type Juicio } from './cifras.ts';
import type { ActaReplay, EleccionReplay } from './plan.ts';

export interface SumaColumna {
  columna: string;
  nuestro: number;
  /** Null: the file has no such column (the catalogue took it from the candidaturas file). */
  archivo: number | null;
  reglas: number;
  juicio: Juicio | 'sin_dato';
  /** REGLAS' votes of the rows without a sección (N/A): the catalogue cannot hold them, so ours lacks them. */
  sinSeccion: { votos: number; filas: number };
  /** File − REGLAS, by the rule of the rows whose cells differ (largest first). */
  desglose: { regla: string; diferencia: number; filas: number }[];
}

const REGLA_SIN_SECCION = 'acta esperada sin sección (N/A): el catálogo no la admite y nuestra publicación no la tiene (✗ en las actas)';

/** An integer cell's value; anything else adds 0. */
function entero(texto: string | undefined): number {
  if (texto === undefined) return 0;
  const c = celdaComparable(texto);
  return /^\d+$/.test(c) ? Number(c) : 0;
}

/** REGLAS' value of a row's cell; for a row without sección (not in our CSV), its classified capture's. */
function deReglas(a: ActaReplay, columna: string): number {
  if (a.registro.tipo !== 'sin_seccion') return entero(a.cifrasReglas[columna]);
  const v = a.entradaReglas?.votos?.[columna];
  return typeof v === 'number' ? v : 0;
}

function sumasNuestras(csv: CsvLeido, columnas: readonly string[]): Map<string, number> {
  const iClave = csv.cabecera.indexOf('CLAVE_ACTA');
  const indices = columnas.map((c) => [c, csv.cabecera.indexOf(c)] as const);
  const m = new Map(columnas.map((c) => [c, 0]));
  for (const f of csv.filas) {
    if (sinApostrofo(f.fields[iClave]?.value ?? '-') === '-') continue;
    for (const [c, i] of indices) if (i >= 0) m.set(c, m.get(c)! + entero(f.fields[i]?.value));
  }
  return m;
}

export function sumarColumnas(e: EleccionReplay, csv: CsvLeido): SumaColumna[] {
  const nuestras = sumasNuestras(csv, e.columnas);
  const filas = [
    ...e.actas.filter((a) => a.registro.tipo !== 'fuera_catalogo').map((a) => ({ a, duplicada: false })),
    ...e.duplicadas.map((d) => ({ a: d.acta, duplicada: true })),
  ];
  return e.columnas.map((columna) => {
    const lleva = filas.some(({ a }) => columna in a.archivoDice.cifras);
    let archivo = 0;
    let reglas = 0;
    const sinSeccion = { votos: 0, filas: 0 };
    const desglose = new Map<string, { diferencia: number; filas: number }>();
    for (const { a, duplicada } of filas) {
      const texto = a.archivoDice.cifras[columna];
      const f = entero(texto);
      const r = duplicada ? 0 : deReglas(a, columna);
      archivo += f;
      reglas += r;
      if (a.registro.tipo === 'sin_seccion' && r !== 0) {
        sinSeccion.votos += r;
        sinSeccion.filas++;
      }
      if (f === r) continue;
      const regla = duplicada ? REGLA_DUPLICADA : a.registro.tipo === 'sin_seccion' ? REGLA_SIN_SECCION : reglaDelArchivo(a, columna, texto ?? '', a.cifrasReglas[columna] ?? '-').regla;
      const d = desglose.get(regla) ?? { diferencia: 0, filas: 0 };
      desglose.set(regla, { diferencia: d.diferencia + f - r, filas: d.filas + 1 });
    }
    const nuestro = nuestras.get(columna) ?? 0;
    const juicio = nuestro !== reglas ? 'nuestra' : !lleva ? 'sin_dato' : archivo !== reglas ? 'archivo' : 'coincide';
    return {
      columna,
      nuestro,
      archivo: lleva ? archivo : null,
      reglas,
      juicio,
      sinSeccion,
      desglose: [...desglose].map(([regla, d]) => ({ regla, ...d })).sort((x, y) => Math.abs(y.diferencia) - Math.abs(x.diferencia)),
    };
  });
}
