/**
 * Reads a published results CSV back (RFC 4180, worker/domain/csv) and recomputes its summary from its rows:
 * what an outsider does to check that the 13 figures are what the rows add up to (docs/REGLAS.md §5, §7). Knows the
 * layout, not the code that wrote it: every figure is recounted from the cells.
 */
import { parseCsv, type CsvRecord } from '../csv/leer.ts';
import { err, ok, type Result } from '../resultado.ts';
import { FIGURAS, type Figuras } from '../contrato/index.ts';
import { conteoVacio } from '../conteo/conteo.ts';
import { figuras } from '../conteo/figuras.ts';
import { figurasFila } from '../conteo/figuras-csv.ts';
import { sinApostrofo } from '../claves/clave.ts';

export interface ProblemaCsv {
  /** 1-based line of the file (0 when it concerns the whole file). */
  linea: number;
  mensaje: string;
}

export interface CsvLeido {
  titulo: string;
  corte: string;
  resumenCabecera: string[];
  resumen: string[];
  cabecera: string[];
  /** Data rows (line 6 onwards). */
  filas: CsvRecord[];
}

const BOM = '\uFEFF';

export function leerCsvResultados(texto: string): Result<CsvLeido, ProblemaCsv> {
  if (!texto.startsWith(BOM)) return err({ linea: 1, mensaje: 'el archivo no empieza con BOM UTF-8' });
  const r = parseCsv(texto);
  if (!r.ok) return err({ linea: r.error.line, mensaje: `CSV ilegible: ${r.error.mensaje}` });
  const [t, c, rc, rv, cab, ...filas] = r.value;
  if (!t || !c || !rc || !rv || !cab) return err({ linea: 0, mensaje: 'faltan las cinco líneas de encabezado' });
  const valores = (x: CsvRecord) => x.fields.map((f) => f.value);
  if (valores(rc).join(',') !== FIGURAS.join(',')) return err({ linea: 3, mensaje: 'el encabezado del resumen no son las 13 cifras de REGLAS §5 en orden' });
  const cabecera = valores(cab);
  for (const f of filas) {
    if (f.fields.length !== cabecera.length) return err({ linea: f.line, mensaje: `la fila tiene ${f.fields.length} columnas; el encabezado, ${cabecera.length}` });
  }
  return ok({ titulo: t.fields[0]?.value ?? '', corte: c.fields[0]?.value ?? '', resumenCabecera: valores(rc), resumen: valores(rv), cabecera, filas });
}

const INCONSISTENCIAS = new Set(['Excede Lista Nominal', 'Ilegible', 'Sin dato', 'Todos los campos ilegibles', 'Todos los campos vacíos']);
const COLUMNAS_NO_VOTO = new Set([
  'CLAVE_CASILLA', 'CLAVE_ACTA', 'ID_ENTIDAD', 'ENTIDAD', 'ID_DISTRITO_LOCAL', 'DISTRITO_LOCAL', 'ID_MUNICIPIO', 'MUNICIPIO', 'SECCION',
  'ID_CASILLA', 'TIPO_CASILLA', 'EXT_CONTIGUA', 'UBICACION_CASILLA', 'TIPO_ACTA', 'TOTAL_BOLETAS_SOBRANTES', 'TOTAL_PERSONAS_VOTARON',
  'TOTAL_REP_PARTIDO_CI_VOTARON', 'TOTAL_VOTOS_SACADOS', 'TOTAL_VOTOS_ASENTADO', 'TOTAL_VOTOS_CALCULADO', 'LISTA_NOMINAL',
  'REPRESENTANTES_PP_CI', 'OBSERVACIONES', 'CONTABILIZADA', 'MECANISMOS_TRASLADO', 'CODIGO_INTEGRIDAD', 'FECHA_HORA_ACOPIO',
  'FECHA_HORA_CAPTURA', 'FECHA_HORA_VERIFICACION', 'ORIGEN', 'DIGITALIZACION', 'TIPO_DOCUMENTO', 'COTEJADA',
]);

/** The vote columns of a results CSV: between TOTAL_VOTOS_SACADOS and TOTAL_VOTOS_ASENTADO. */
export function columnasDeVoto(cabecera: readonly string[]): string[] {
  return cabecera.filter((c) => !COLUMNAS_NO_VOTO.has(c));
}

export interface Recalculo {
  figuras: Figuras;
  /** The summary row as it must read. */
  fila: string[];
  /** Votes of counted rows per vote column (non-zero only). */
  votos: Record<string, number>;
}

/** A non-negative integer cell; `-`, Ilegible and Sin dato are 0 where the rules say so. */
function entero(v: string): number | null {
  return /^\d+$/.test(v) ? Number(v) : null;
}

/**
 * Recounts the 13 figures and the votes per column from the data rows, checking on the way what each row must
 * satisfy by itself (TOTAL_VOTOS_CALCULADO = the sum of its vote cells; CONTABILIZADA is one of 0, 1, 2, `-`).
 */
export function recalcular(csv: CsvLeido, opciones: { final: boolean }): Result<Recalculo, ProblemaCsv> {
  const idx = new Map(csv.cabecera.map((c, i) => [c, i]));
  const col = (f: CsvRecord, c: string) => f.fields[idx.get(c)!]?.value ?? '';
  for (const c of ['CLAVE_ACTA', 'TIPO_CASILLA', 'LISTA_NOMINAL', 'TOTAL_VOTOS_CALCULADO', 'OBSERVACIONES', 'CONTABILIZADA']) {
    if (!idx.has(c)) return err({ linea: 5, mensaje: `falta la columna ${c}` });
  }
  const votosCols = columnasDeVoto(csv.cabecera);
  const t = conteoVacio();
  const votos: Record<string, number> = {};
  for (const f of csv.filas) {
    const clave = sinApostrofo(col(f, 'CLAVE_ACTA'));
    const donde = `línea ${f.line} (CLAVE_ACTA ${clave === '-' ? '-' : `'${clave}`})`;
    const cont = col(f, 'CONTABILIZADA');
    if (clave !== '-') t.esperadas++;
    if (cont === '-') {
      if (clave === '-') return err({ linea: f.line, mensaje: `${donde}: una fila fuera de catálogo debe estar registrada` });
      continue;
    }
    if (cont !== '0' && cont !== '1' && cont !== '2') return err({ linea: f.line, mensaje: `${donde}: CONTABILIZADA «${cont}» no es 0, 1, 2 ni -` });
    if ((cont === '2') !== (clave === '-')) return err({ linea: f.line, mensaje: `${donde}: CONTABILIZADA 2 es exactamente para filas fuera de catálogo` });
    t.registradas++;
    const suma = votosCols.reduce((s, c) => s + (entero(col(f, c)) ?? 0), 0);
    const calculado = col(f, 'TOTAL_VOTOS_CALCULADO');
    if (calculado !== '-' && entero(calculado) !== suma) {
      return err({ linea: f.line, mensaje: `${donde}: TOTAL_VOTOS_CALCULADO ${calculado} no es la suma de sus votos (${suma})` });
    }
    if (cont === '2') {
      t.fueraCatalogo++;
      continue;
    }
    t.capturadas++;
    const obs = col(f, 'OBSERVACIONES').split(', ');
    if (obs.some((o) => INCONSISTENCIAS.has(o))) t.inconsistencias++;
    if (cont === '0') continue;
    t.contabilizadas++;
    const especial = col(f, 'TIPO_CASILLA') === 'S';
    t.votosConEspeciales += suma;
    if (!especial) {
      t.votosSinEspeciales += suma;
      t.listaNominalContabilizadas += entero(col(f, 'LISTA_NOMINAL')) ?? 0;
    }
    for (const c of votosCols) {
      const n = entero(col(f, c));
      if (n) votos[c] = (votos[c] ?? 0) + n;
    }
  }
  const fig = figuras(t, opciones);
  return ok({ figuras: fig, fila: figurasFila(fig), votos });
}

/** Compares the published summary row with the recount; names the first figure that differs. */
export function compararResumen(csv: CsvLeido, r: Recalculo): ProblemaCsv | null {
  for (let i = 0; i < FIGURAS.length; i++) {
    if (csv.resumen[i] !== r.fila[i]) {
      return { linea: 4, mensaje: `${FIGURAS[i]}: el resumen dice ${csv.resumen[i] ?? '(nada)'}, las filas suman ${r.fila[i]}` };
    }
  }
  return null;
}
