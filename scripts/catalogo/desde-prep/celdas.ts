/**
 * The text of a published results file read into the one form the rest of from-prep and the replay expect: the
 * corte line in any of the date orders institutes write, the summary's figures without thousands separators,
 * percent signs or apostrophes, OBSERVACIONES written as Python lists, FECHA_HORA_* with microseconds. Every
 * rewrite is a warning (rarezas.ts) naming the rule applied; the value the file meant is kept.
 */
import type { CsvRecord } from '../../../worker/domain/csv/index.ts';
import type { ProblemaArchivo } from '../../../worker/domain/catalogo/archivos/problemas.ts';
import { parseCorteLine, type CorteInstante } from '../../../worker/domain/tiempo/central.ts';
import { CIFRAS_RESUMEN, RESUMEN_EQUIVALENTE, cifraResumen, limpiarCelda, normalizarNombre, type CifraResumen } from './encabezados.ts';
import type { Pos } from '../../../worker/domain/catalogo/archivos/tabla.ts';
import type { ColumnaDatos } from './encabezados.ts';
import type { Rarezas } from './rarezas.ts';

/** The part of a results row this module rewrites (resultados.ts's FilaResultados). */
interface Fila {
  linea: number;
  datos: Partial<Record<ColumnaDatos, string>>;
  pos: Partial<Record<ColumnaDatos, Pos>>;
}

const p2 = (s: string) => s.padStart(2, '0');

/** `03/06/2019 09:15 (UTC-5)` (the reference), `3/6/2019 …` (no padding), `2019/06/03 …` or `2019-06-03 …`. */
const CORTE_DMY = /(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})(?::(\d{2}))? (\(UTC[^)]*\))/;
const CORTE_YMD = /(\d{4})[/-](\d{1,2})[/-](\d{1,2}) (\d{1,2}):(\d{2})(?::(\d{2}))? (\(UTC[^)]*\))/;

interface Corte {
  corte?: CorteInstante;
  linea?: number;
  problema?: ProblemaArchivo;
}

/** The corte instant, from the first line before the data header that holds one. */
export function leerCorte(archivo: string, previos: readonly CsvRecord[], rarezas: Rarezas): Corte {
  for (const r of previos) {
    const texto = r.fields.map((f) => f.value).join(',');
    const dmy = CORTE_DMY.exec(texto);
    const ymd = dmy ? null : CORTE_YMD.exec(texto);
    const m = dmy ?? ymd;
    if (!m) continue;
    const [dia, mes, anio] = dmy ? [m[1]!, m[2]!, m[3]!] : [m[3]!, m[2]!, m[1]!];
    const canonica = `${p2(dia)}/${p2(mes)}/${anio} ${p2(m[4]!)}:${m[5]}${m[6] ? `:${m[6]}` : ''} ${m[7]}`;
    if (canonica !== m[0]) {
      rarezas.anotar('CORTE_FORMATO', `la línea del corte «${m[0]}» no está en DD/MM/AAAA HH:MM: se leyó como ${canonica}`, r.line, 1);
    }
    const c = parseCorteLine(canonica);
    if (c.ok) return { corte: c.value, linea: r.line };
    return { problema: { archivo, linea: r.line, columna: 1, codigo: 'CORTE', mensaje: `la línea del corte «${m[0]}» no es una fecha y hora válida` } };
  }
  return {};
}

interface Resumen {
  resumen: Partial<Record<CifraResumen, string>>;
  lineaResumen?: number;
}

/** The summary row under the header line that names ACTAS_ESPERADAS, by canonical figure. */
export function leerResumen(previos: readonly CsvRecord[], rarezas: Rarezas): Resumen {
  const resumen: Resumen['resumen'] = {};
  const iRes = previos.findIndex((r) => r.fields.some((f) => cifraResumen(f.value) === 'ACTAS_ESPERADAS'));
  const valores = iRes >= 0 ? previos[iRes + 1] : undefined;
  if (!valores) return { resumen };
  const enc = cifrasDelEncabezado(previos[iRes]!, rarezas);
  enc.forEach((c, i) => {
    const f = valores.fields[i];
    if (c && f) resumen[c] = cifraDelResumen(f.value, rarezas, valores.line, f.column);
  });
  return { resumen, lineaResumen: valores.line };
}

/**
 * The figure each summary header cell is: ours by name, or by a cómputos equivalence (said so, with its rule); a
 * cell that is neither is ignored, and said so. A summary read by equivalences is another layout: the figures
 * of ours it lacks are listed once, so the replay's «sin dato» for them is expected.
 */
function cifrasDelEncabezado(encabezado: CsvRecord, rarezas: Rarezas): (CifraResumen | undefined)[] {
  const propias = new Set(encabezado.fields.map((f) => cifraResumen(f.value)));
  let equivalentes = 0;
  const cifras = encabezado.fields.map((f) => {
    const c = cifraResumen(f.value);
    if (c) return c;
    const nombre = normalizarNombre(f.value);
    const eq = RESUMEN_EQUIVALENTE[nombre];
    if (eq && !propias.has(eq.cifra)) {
      equivalentes++;
      rarezas.anotar('RESUMEN_EQUIVALENTE', `${nombre} del resumen se lee como ${eq.cifra} (regla: ${eq.regla})`, f.line, f.column, `RESUMEN_EQUIVALENTE:${nombre}`);
      return eq.cifra;
    }
    if (nombre !== '') rarezas.anotar('RESUMEN_DESCONOCIDA', `${f.value.trim()} no es una cifra del resumen del PREP (docs/REGLAS.md §5): se ignora`, f.line, f.column, `RESUMEN_DESCONOCIDA:${nombre}`);
    return undefined;
  });
  const faltan = CIFRAS_RESUMEN.filter((c) => !cifras.includes(c));
  if (equivalentes > 0 && faltan.length > 0) {
    rarezas.anotar('RESUMEN_INCOMPLETO', `el resumen no trae ${faltan.join(', ')}: no hay con qué comparar esas cifras (regla: solo se compara lo que el archivo publica)`, encabezado.line, 1);
  }
  return cifras;
}

/** `7,672` → `7672`, `'100.0000%` → `100.0000`: the number a spreadsheet displayed. */
function cifraDelResumen(texto: string, rarezas: Rarezas, linea: number, columna: number): string {
  let t = texto.trim();
  if (t.startsWith("'")) {
    rarezas.anotar('RESUMEN_APOSTROFO', 'cifra del resumen con apóstrofo inicial (texto de Excel): se leyó sin él', linea, columna);
    t = t.slice(1);
  }
  if (/^[\d.,]+%$/.test(t)) {
    rarezas.anotar('RESUMEN_PORCENTAJE', 'porcentaje del resumen con signo %: se leyó sin él', linea, columna);
    t = t.slice(0, -1);
  }
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) {
    rarezas.anotar('RESUMEN_MILES', 'cifra del resumen con separador de miles (,): se leyó sin él', linea, columna);
    t = t.replaceAll(',', '');
  }
  return limpiarCelda(t);
}

/** `['Ilegible', 'Sin dato']` (INE 2023): a Python list printed as text. */
const LISTA_PYTHON = /^\[\s*('[^']*'\s*(,\s*'[^']*'\s*)*)?\]$/;
/** `2021-06-07 11:15:00.000000`: microseconds no other row carries. */
const FECHA_FRACCION = /^(\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}:\d{2})\.\d+$/;
const FECHAS = ['FECHA_HORA_ACOPIO', 'FECHA_HORA_CAPTURA', 'FECHA_HORA_VERIFICACION'] as const;

/** A row's OBSERVACIONES and FECHA_HORA_* in the form the replay reads. */
export function normalizarFila<F extends Fila>(f: F, rarezas: Rarezas): F {
  const obs = f.datos.OBSERVACIONES?.trim();
  if (obs !== undefined && LISTA_PYTHON.test(obs)) {
    const items = [...obs.matchAll(/'([^']*)'/g)].map((m) => m[1]!.trim());
    f.datos.OBSERVACIONES = items.join(', ');
    const p = f.pos.OBSERVACIONES;
    rarezas.anotar('OBSERVACIONES_LISTA', `OBSERVACIONES escritas como lista de Python («${obs}»): se leyeron sus elementos separados por comas`, p?.linea ?? f.linea, p?.columna);
  }
  for (const col of FECHAS) {
    const m = FECHA_FRACCION.exec(f.datos[col]?.trim() ?? '');
    if (!m) continue;
    f.datos[col] = m[1]!;
    const p = f.pos[col];
    rarezas.anotar('FECHA_FRACCION', `${col} con fracciones de segundo («${m[0]}»): se leyó hasta los segundos`, p?.linea ?? f.linea, p?.columna);
  }
  return f;
}
