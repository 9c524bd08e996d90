/**
 * The whole corpus of real published PREP databases (data/fixtures/prep-real/corpus, byte-exact copies gzipped;
 * provenance in PROCEDENCIA.md there): 5 institutes, 2018–2023, 39 results files. Issue 12 asks that every real
 * file derives a catalogue (warnings allowed, each with its rule code and its place) and that each vote column's
 * sum over the imported actas equals the file's own sum of that column outside fuera de catálogo rows. Every
 * results file is derived alone, with its candidaturas file, and together with the other elections of its state
 * and night, on the gunzipped bytes under the .csv name, as `npm run catalogue -- from-prep` reads them; the
 * replay plan and the sums are checked once per file, in the most complete of those cases (see below).
 *
 * The file's sums come from a reader of this test's own (the CSV parser and the layout of docs/REGLAS.md §7, not
 * the from-prep reader), so that a column from-prep misreads or drops shows up as a difference. Where the claim
 * does not hold yet, BRECHAS says which rows or columns of which file make the difference; the difference must be
 * exactly theirs, and an entry that no longer explains any vote fails, so that a fix also removes its entry.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { catalogoAArchivos } from '../../../worker/domain/catalogo/archivos/escribir.ts';
import { archivosACatalogo, type ArchivoEntrada } from '../../../worker/domain/catalogo/archivos/leer.ts';
import { formatProblema, type ProblemaArchivo } from '../../../worker/domain/catalogo/archivos/problemas.ts';
import { parseCsv } from '../../../worker/domain/csv/index.ts';
import { planearReplay, type EleccionReplay } from '../../replay/plan.ts';
import { catalogoDesdePrep } from './derivar.ts';

const RAIZ = join(import.meta.dirname, '../../../data/fixtures/prep-real/corpus');

/** One file of the corpus: its folder (institute, year, election, corte) and its name without `.gz`. */
interface Archivo {
  carpeta: string;
  nombre: string;
}

/** What from-prep is given: results files, each followed by its candidaturas file when the case has it. */
interface Caso {
  nombre: string;
  archivos: Archivo[];
}

const CARPETAS = readdirSync(RAIZ, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

const esCandidaturas = (nombre: string) => /CANDIDATURA/i.test(nombre);

function archivosDe(carpeta: string): { resultados: Archivo; candidaturas: Archivo | null } {
  const csv = readdirSync(join(RAIZ, carpeta))
    .filter((f) => f.endsWith('.csv.gz'))
    .map((f) => ({ carpeta, nombre: f.slice(0, -'.gz'.length) }));
  const resultados = csv.filter((a) => !esCandidaturas(a.nombre));
  if (resultados.length !== 1) throw new Error(`${carpeta}: se esperaba un CSV de resultados, hay ${resultados.length}`);
  return { resultados: resultados[0]!, candidaturas: csv.find((a) => esCandidaturas(a.nombre)) ?? null };
}

const conCandidaturas = (carpeta: string): Archivo[] => {
  const { resultados, candidaturas } = archivosDe(carpeta);
  return candidaturas ? [resultados, candidaturas] : [resultados];
};

/** The Campeche night's cortes (one folder per election and corte): the part after `IEEC-CAMP_2021_GOB_`. */
const CORTES_CAMPECHE = CARPETAS.filter((c) => c.startsWith('IEEC-CAMP_2021_GOB_')).map((c) => c.slice('IEEC-CAMP_2021_GOB_'.length));

/**
 * Several elections of one state and night, in the order an institute would list them. Campeche only at its final
 * corte: its earlier cortes are the same catalogue with fewer actas, and each of their files is planned alone.
 */
const GRUPOS: Caso[] = [
  { nombre: 'IEE Puebla 2018: GOB, DIP_LOC, AYUN', archivos: ['GOB', 'DIP_LOC', 'AYUN'].flatMap((e) => conCandidaturas(`IEE-PUE_2018_${e}_20180702_2000`)) },
  {
    nombre: `IEEC Campeche 2021, corte ${CORTES_CAMPECHE.at(-1)}: GOB, DIP_LOC, AYUN, JUNTAS`,
    archivos: ['GOB', 'DIP_LOC', 'AYUN', 'JUNTAS'].flatMap((e) => conCandidaturas(`IEEC-CAMP_2021_${e}_${CORTES_CAMPECHE.at(-1)}`)),
  },
  { nombre: 'CEE Nuevo León 2021: GOB, AYUN', archivos: ['GOB', 'AYUN'].flatMap((e) => conCandidaturas(`CEE-NL_2021_${e}_20210613_0932`)) },
];

/** Folders whose results file is planned in a group (its sums are checked there). */
const EN_GRUPO = new Set(GRUPOS.flatMap((g) => g.archivos.map((a) => a.carpeta)));

/**
 * Where the issue's sum claim does not hold yet, by results file (`carpeta/archivo`): the rows or columns whose
 * votes the imported actas do not carry.
 * - voto_extranjero: an expected acta without a sección that is not the votes from abroad (tipo M) has no place
 *   in the catalogue (plan.ts: registro `sin_seccion`); no file of the corpus has one any more.
 * (A sección split between two territories, which publishes a second acta with the same CLAVE_ACTA, is no longer
 * one: each row is a part of the acta in the catalogue, `CLAVE_ACTA-n`.)
 * - columna_repetida: a second vote column with the name of an earlier one whose votes are not imported (none
 *   left: IEE Puebla 2019 AYUN's are now read from whichever cell is not `-`).
 * - columna_ignorada:<header>: a vote column from-prep does not recognise, so the actas are captured without it
 *   (none left: CEE NL 2018's `Votos Anulados` are now read as NULOS).
 */
type Brecha = 'voto_extranjero' | 'columna_repetida' | `columna_ignorada:${string}`;

const BRECHAS: Record<string, readonly Brecha[]> = {};

// ---- the file's own sums, read independently of from-prep ----------------------------------------------------

const bytesLeidos = new Map<string, Uint8Array>();

/** The file's original bytes (gunzipped once per run: groups reuse the files of the single cases). */
function bytesDe(a: Archivo): Uint8Array {
  const ruta = join(RAIZ, a.carpeta, `${a.nombre}.gz`);
  let b = bytesLeidos.get(ruta);
  if (!b) bytesLeidos.set(ruta, (b = new Uint8Array(gunzipSync(readFileSync(ruta)))));
  return b;
}

interface Tabla {
  encabezado: string[];
  filas: { linea: number; celdas: string[] }[];
}

/** UTF-8 when it decodes as such, else Windows-1252 (the Latin-1 files of the corpus). */
function decodificar(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The data header (the first record naming SECCION) and the non-blank records after it, cells trimmed. */
function leerTabla(bytes: Uint8Array): Tabla {
  const texto = decodificar(bytes);
  const separador = /^sep=(.)/.exec(texto)?.[1] ?? ',';
  const r = parseCsv(texto, { delimiter: separador, tolerante: true });
  if (!r.ok) throw new Error(`el CSV no se lee: ${r.error.mensaje} (línea ${r.error.line})`);
  const celdas = (x: (typeof r.value)[number]) => x.fields.map((f) => f.value.trim());
  const i = r.value.findIndex((x) => celdas(x).includes('SECCION'));
  if (i < 0) throw new Error('sin encabezado con SECCION');
  const filas = r.value.slice(i + 1).map((x) => ({ linea: x.line, celdas: celdas(x) }));
  return { encabezado: celdas(r.value[i]!), filas: filas.filter((f) => f.celdas.some((c) => c !== '')) };
}

/** The vote columns of docs/REGLAS.md §7: after TIPO_ACTA / TOTAL_VOTOS_SACADOS, before the first TOTAL_VOTOS*. */
function indicesDeVotos(encabezado: readonly string[]): number[] {
  const desde = Math.max(encabezado.indexOf('TIPO_ACTA'), encabezado.indexOf('TOTAL_VOTOS_SACADOS')) + 1;
  const hasta = encabezado.findIndex((h, i) => i >= desde && /^TOTAL_VOTOS/.test(h));
  if (desde <= 0 || hasta < 0) throw new Error(`columnas de votos no encontradas en ${encabezado.join(',')}`);
  return Array.from({ length: hasta - desde }, (_, k) => desde + k);
}

/** The catalogue column a file's vote column is captured in: the two fixed ones by name, the rest as from-prep renamed them. */
function columnaDelCatalogo(h: string, renombre: Readonly<Record<string, string>>): string {
  if (/NO.?REGISTRAD|^CNR$/i.test(h)) return 'NO_REGISTRADAS';
  if (/NULOS|ANULADOS/i.test(h)) return 'NULOS';
  return renombre[h] ?? `(sin columna del catálogo) ${h}`;
}

const sinApostrofo = (t: string) => t.replace(/^'/, '');
const entero = (t: string | undefined) => (t !== undefined && /^\d+$/.test(t) ? Number(t) : 0);

/** The file's fuera de catálogo rows: OBSERVACIONES says so (any accent or case), or CONTABILIZADA 2 (INE). */
function esFueraDeCatalogo(celdas: readonly string[], enc: readonly string[]): boolean {
  return /fuera\s+del?\s+cat[aá]logo/i.test(celdas[enc.indexOf('OBSERVACIONES')] ?? '') || celdas[enc.indexOf('CONTABILIZADA')] === '2';
}

/** Per catalogue column: the file's sum outside fuera de catálogo rows, and the part of it each brecha explains. */
interface SumasArchivo {
  total: Map<string, number>;
  explicado: Map<string, number>;
  porBrecha: Map<Brecha, number>;
  filasFueraDeCatalogo: number;
}

const sumar = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

/** The brechas a cell falls under (row-wise: its row's kind; column-wise: its header). */
function brechasDeCelda(brechas: readonly Brecha[], fila: { voto_extranjero: boolean }, h: string, repetida: boolean): Brecha[] {
  return brechas.filter((b) =>
    b === 'voto_extranjero' ? fila.voto_extranjero : b === 'columna_repetida' ? repetida : b === `columna_ignorada:${h}`,
  );
}

function sumasDelArchivo(tabla: Tabla, renombre: Readonly<Record<string, string>>, brechas: readonly Brecha[]): SumasArchivo {
  const { encabezado: enc } = tabla;
  const votos = indicesDeVotos(enc);
  const iSeccion = enc.indexOf('SECCION');
  const s: SumasArchivo = { total: new Map(), explicado: new Map(), porBrecha: new Map(), filasFueraDeCatalogo: 0 };
  for (const { celdas } of tabla.filas) {
    if (esFueraDeCatalogo(celdas, enc)) {
      s.filasFueraDeCatalogo++;
      continue;
    }
    const fila = { voto_extranjero: /^(0+|N\/?A)$/i.test(sinApostrofo(celdas[iSeccion] ?? '')) };
    for (const i of votos) {
      const v = entero(celdas[i]);
      const col = columnaDelCatalogo(enc[i]!, renombre);
      sumar(s.total, col, v);
      const bs = brechasDeCelda(brechas, fila, enc[i]!, enc.indexOf(enc[i]!) < i);
      if (bs.length > 0 && v > 0) {
        sumar(s.explicado, col, v);
        for (const b of bs) s.porBrecha.set(b, (s.porBrecha.get(b) ?? 0) + v);
      }
    }
  }
  return s;
}

/** Per catalogue column: the sum of the values the plan captures for the election's expected actas. */
function sumasDelPlan(e: EleccionReplay): Map<string, number> {
  const m = new Map<string, number>();
  for (const a of e.actas) {
    if (a.registro.tipo !== 'captura') continue;
    for (const [col, v] of Object.entries(a.registro.captura.votos)) if (typeof v === 'number') sumar(m, col, v);
  }
  return m;
}

// ---- the checks -----------------------------------------------------------------------------------------------

const entradaDe = (a: Archivo): ArchivoEntrada => ({ nombre: a.nombre, bytes: bytesDe(a) });

/** A warning without a rule code (COLUMNA_REPETIDA…) or not placed at file:línea:columna of one of the files given. */
function avisoSinLugar(a: ProblemaArchivo, nombres: ReadonlySet<string>): boolean {
  const posicion = a.linea !== undefined && a.linea >= 1 && a.columna !== undefined && a.columna >= 1;
  return !/^[A-Z][A-Z0-9_]*$/.test(a.codigo) || !nombres.has(a.archivo) || !posicion;
}

type Columnas = Readonly<Record<string, Readonly<Record<string, string>>>>;

/**
 * from-prep as the CLI runs it: no refusal, every warning with its rule and place, and a catalogue that passes the
 * validation of `npm run catalogue -- import` on the files from-prep writes and reads back as itself. Gives each
 * results file's column renames (file header → catalogue column).
 */
function comprobarDerivacion(caso: Caso): Columnas {
  const d = catalogoDesdePrep(caso.archivos.map(entradaDe));
  expect(d.ok ? [] : d.error.map(formatProblema), 'from-prep no rechaza').toEqual([]);
  if (!d.ok) return {};
  const nombres = new Set(caso.archivos.map((a) => a.nombre));
  expect(d.value.avisos.filter((a) => avisoSinLugar(a, nombres)).map(formatProblema), 'avisos sin código o sin lugar').toEqual([]);
  const escritos = catalogoAArchivos(d.value.catalogue).map((a) => ({ nombre: a.nombre, bytes: new TextEncoder().encode(a.texto) }));
  const importado = archivosACatalogo(escritos);
  expect(importado.ok ? [] : importado.error.map(formatProblema), 'el catálogo derivado se importa').toEqual([]);
  if (importado.ok) expect(importado.value).toEqual(d.value.catalogue);
  return Object.fromEntries(d.value.columnas.map((c) => [c.archivo, c.renombre]));
}

/** The replay plan of the case, and per election and vote column: Σ file − Σ BRECHAS = Σ planned captures. */
function comprobarPlan(caso: Caso, columnas: Columnas): void {
  const p = planearReplay(caso.archivos.map(entradaDe), { final: false });
  expect(p.ok ? [] : p.error.map(formatProblema), 'el replay se planea').toEqual([]);
  if (!p.ok) return;
  const resultados = caso.archivos.filter((a) => !esCandidaturas(a.nombre));
  expect(p.value.elecciones.map((e) => e.archivo)).toEqual(resultados.map((a) => a.nombre));
  for (const e of p.value.elecciones) comprobarSumas(resultados.find((a) => a.nombre === e.archivo)!, e, columnas[e.archivo] ?? {});
}

function comprobarSumas(archivo: Archivo, e: EleccionReplay, renombre: Readonly<Record<string, string>>): void {
  const brechas = BRECHAS[`${archivo.carpeta}/${archivo.nombre}`] ?? [];
  const s = sumasDelArchivo(leerTabla(bytesDe(archivo)), renombre, brechas);
  expect(e.actas.filter((a) => a.registro.tipo === 'fuera_catalogo').length, `${e.archivo}: filas fuera de catálogo`).toBe(s.filasFueraDeCatalogo);
  expect(diferencias(s, sumasDelPlan(e)), `${e.archivo}: Σ por columna de votos (archivo − brechas = plan)`).toEqual({});
  const sinVotos = brechas.filter((b) => !s.porBrecha.get(b));
  expect(sinVotos, `${e.archivo}: brechas que ya no explican ningún voto (quítelas de BRECHAS)`).toEqual([]);
}

/** Differences between the file's sums (less what BRECHAS explains) and the plan's, by column; none expected. */
function diferencias(s: SumasArchivo, plan: ReadonlyMap<string, number>): Record<string, { archivo: number; brechas: number; plan: number }> {
  const d: Record<string, { archivo: number; brechas: number; plan: number }> = {};
  for (const col of new Set([...s.total.keys(), ...plan.keys()])) {
    const archivo = s.total.get(col) ?? 0;
    const brechas = s.explicado.get(col) ?? 0;
    const p = plan.get(col) ?? 0;
    if (archivo - brechas !== p) d[col] = { archivo, brechas, plan: p };
  }
  return d;
}

describe('the corpus of real PREP databases (data/fixtures/prep-real/corpus)', () => {
  it('holds 39 results files of 5 institutes and 4 years, 36 with their candidaturas', () => {
    const archivos = CARPETAS.map(archivosDe);
    expect(archivos).toHaveLength(39);
    expect(archivos.filter((a) => a.candidaturas !== null)).toHaveLength(36);
    expect(new Set(CARPETAS.map((c) => c.split('_')[0]))).toEqual(new Set(['CEE-NL', 'IEE-PUE', 'IEEC-CAMP', 'IEQROO', 'INE']));
    expect(new Set(CARPETAS.map((c) => c.split('_')[1]))).toEqual(new Set(['2018', '2019', '2021', '2023']));
    expect(CORTES_CAMPECHE).toHaveLength(7);
    expect(EN_GRUPO.size).toBe(9);
  });

  it('gunzips to the published bytes (SHA256SUMS)', () => {
    const sumas = readFileSync(join(RAIZ, 'SHA256SUMS'), 'utf8').trim().split('\n');
    expect(sumas).toHaveLength(75);
    for (const linea of sumas) {
      const [sha, ruta] = linea.split(/\s+/) as [string, string];
      const [carpeta, nombre] = ruta.split('/') as [string, string];
      expect(createHash('sha256').update(bytesDe({ carpeta, nombre })).digest('hex'), ruta).toBe(sha);
    }
  });
});

// Reading a results file is most of the cost (~1 s per MB on 2 busy cores) and from-prep and the plan read it
// again: every case is derived and imported, and each file's sums are checked once, where it is given as an
// institute gives it: in its group, else with its candidaturas, else alone.
// Timeouts catch hangs: the Puebla 2018 night takes ~8 s of CPU, and ~30 s on 2 cores shared with 15 processes.
describe('every results file alone: from-prep derives a catalogue that imports', { timeout: 120_000 }, () => {
  it.each(CARPETAS)('%s', (carpeta) => {
    const { resultados, candidaturas } = archivosDe(carpeta);
    const caso = { nombre: carpeta, archivos: [resultados] };
    const columnas = comprobarDerivacion(caso);
    if (candidaturas === null && !EN_GRUPO.has(carpeta)) comprobarPlan(caso, columnas);
  });
});

describe('every results file with its candidaturas file: derived and imported; planned with equal vote sums', { timeout: 120_000 }, () => {
  it.each(CARPETAS.filter((c) => archivosDe(c).candidaturas !== null))('%s', (carpeta) => {
    const caso = { nombre: carpeta, archivos: conCandidaturas(carpeta) };
    const columnas = comprobarDerivacion(caso);
    if (!EN_GRUPO.has(carpeta)) comprobarPlan(caso, columnas);
  });
});

describe('the elections of one state and night together, as one catalogue: derived, imported, planned, vote sums equal', { timeout: 120_000 }, () => {
  it.each(GRUPOS.map((g) => [g.nombre, g] as const))('%s', (_, caso) => comprobarPlan(caso, comprobarDerivacion(caso)));
});
