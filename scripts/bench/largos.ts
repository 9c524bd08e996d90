/**
 * The two long measurements of `npm run bench` (issue 16), each the real command a person runs, timed from outside
 * by its wall clock:
 *   - the whole default night: `npm start -- --salir` (build, puesta en ceros, catalogue, staff, the night through
 *     the API, reconciliation, the report), whose figures it leaves in .state/simulacro.json;
 *   - the replay of the largest real file of the committed corpus (`npm run replay`), gunzipped into a temporary
 *     folder.
 * Their output goes to a log under .state/ (the bench's own lines stay readable); the exit code is kept: a night
 * that does not reconcile or a replay that does not match is a failed measurement, not a time.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DIR_ESTADO, RAIZ, entornoSilencioso } from '../lib/local.ts';
import { puertoLibre } from '../lib/pila.ts';

export const CORPUS = path.join(RAIZ, 'data/fixtures/prep-real/corpus');

export interface MedidaComando {
  comando: string;
  /** Wall clock of the whole command. */
  segundos: number;
  codigo: number;
  /** Where its output is. */
  registro: string;
}

export interface MedidaNoche extends MedidaComando {
  /** .state/simulacro.json as the command left it (null if it wrote none). */
  simulacro: Record<string, unknown> | null;
}

export interface MedidaReplay extends MedidaComando {
  carpeta: string;
  filas: number;
  /** The replay's own summary of the sending phase (its line «N actas enviadas por la API en S s …»). */
  envio: string | null;
}

/** Runs `node <args>` from the project's root with its output to `registro`; resolves its exit code and wall time. */
function correrMedido(args: string[], registro: string): Promise<{ segundos: number; codigo: number; salida: string }> {
  mkdirSync(path.dirname(registro), { recursive: true });
  const log = createWriteStream(registro);
  const t0 = performance.now();
  let texto = '';
  return new Promise((resolve) => {
    const hijo = spawn(process.execPath, args, { cwd: RAIZ, env: entornoSilencioso, stdio: ['ignore', 'pipe', 'pipe'] });
    const recibir = (b: Buffer) => {
      log.write(b);
      texto = (texto + b.toString()).slice(-200_000);
    };
    hijo.stdout.on('data', recibir);
    hijo.stderr.on('data', recibir);
    hijo.on('exit', (code) => {
      log.end();
      resolve({ segundos: (performance.now() - t0) / 1000, codigo: code ?? 1, salida: texto });
    });
  });
}

/**
 * `npm start -- --salir` on a free port: the whole default night, as a newcomer runs it (`extra`: other options,
 * e.g. `--actas 300` for a dry run of this measurement).
 */
export async function medirNoche(alAvanzar: (t: string) => void, extra: readonly string[] = []): Promise<MedidaNoche> {
  const puerto = await puertoLibre();
  const registro = path.join(DIR_ESTADO, 'bench-noche.log');
  const args = ['scripts/start.ts', '--salir', '--port', String(puerto), ...extra];
  alAvanzar(`noche${extra.length === 0 ? ' completa' : ''}: ${['npm start -- --salir', ...extra].join(' ')} (salida en ${path.relative(RAIZ, registro)})`);
  const desde = Date.now();
  const r = await correrMedido(args, registro);
  const archivo = path.join(DIR_ESTADO, 'simulacro.json');
  let simulacro: Record<string, unknown> | null = null;
  // Only this run's figures: a file older than the run is an earlier night's (this one ended before writing it).
  if (existsSync(archivo) && statSync(archivo).mtimeMs >= desde) simulacro = JSON.parse(readFileSync(archivo, 'utf8')) as Record<string, unknown>;
  return { comando: ['npm start -- --salir', ...extra].join(' '), segundos: r.segundos, codigo: r.codigo, registro: path.relative(RAIZ, registro), simulacro };
}

/** Data rows of a CSV (lines that are not empty), for choosing the largest file. */
const filasDe = (texto: string) => texto.split('\n').filter((l) => l.trim() !== '').length;

/**
 * The corpus folder whose largest results file has the most rows (the replay's largest real file), with its CSVs
 * in replay order: results first, then candidaturas.
 */
export function archivoMasGrande(corpus = CORPUS): { carpeta: string; archivos: string[]; filas: number } {
  let mejor: { carpeta: string; archivos: string[]; filas: number } | null = null;
  for (const carpeta of readdirSync(corpus, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    const c = archivosDe(carpeta, corpus);
    if (c !== null && (mejor === null || c.filas > mejor.filas)) mejor = c;
  }
  if (mejor === null) throw new Error(`no hay archivos de resultados en ${corpus}`);
  return mejor;
}

/** A corpus folder's CSVs in replay order and its results rows; null unless it holds one results file. */
function archivosDe(carpeta: string, corpus = CORPUS): { carpeta: string; archivos: string[]; filas: number } | null {
  const archivos = readdirSync(path.join(corpus, carpeta)).filter((f) => /\.csv(\.gz)?$/i.test(f));
  // A folder of one corte: one results file and, optionally, its candidaturas (several elections are another run).
  const resultados = archivos.filter((f) => !/candidatura/i.test(f));
  if (resultados.length !== 1) return null;
  return { carpeta, archivos: [...resultados, ...archivos.filter((f) => /candidatura/i.test(f))], filas: filasDe(leerCsv(path.join(corpus, carpeta, resultados[0]!))) };
}

function leerCsv(ruta: string): string {
  const bytes = readFileSync(ruta);
  return (ruta.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('latin1');
}

/** `npm run replay` of the largest real file (or of `carpeta`, for a dry run), gunzipped into a temporary folder. */
export async function medirReplay(alAvanzar: (t: string) => void, carpeta?: string): Promise<MedidaReplay> {
  const elegido = carpeta === undefined ? archivoMasGrande() : archivosDe(carpeta);
  if (elegido === null) throw new Error(`${carpeta}: no es una carpeta del corpus con un archivo de resultados`);
  const dir = mkdtempSync(path.join(tmpdir(), 'prep-bench-replay-'));
  const registro = path.join(DIR_ESTADO, 'bench-replay.log');
  try {
    const rutas = elegido.archivos.map((f) => {
      const destino = path.join(dir, f.replace(/\.gz$/i, ''));
      const bytes = readFileSync(path.join(CORPUS, elegido.carpeta, f));
      writeFileSync(destino, f.endsWith('.gz') ? gunzipSync(bytes) : bytes);
      return destino;
    });
    const comando = `npm run replay -- ${rutas.map((r) => path.basename(r)).join(' ')}`;
    alAvanzar(`replay ${carpeta === undefined ? 'del archivo real más grande' : 'de'}: ${elegido.carpeta} (${elegido.filas.toLocaleString('es-MX')} filas; salida en ${path.relative(RAIZ, registro)})`);
    const r = await correrMedido(['scripts/replay.ts', ...rutas], registro);
    const envio = r.salida.split('\n').find((l) => / actas enviadas por la API en /.test(l))?.trim() ?? null;
    return { comando, segundos: r.segundos, codigo: r.codigo, registro: path.relative(RAIZ, registro), carpeta: elegido.carpeta, filas: elegido.filas, envio };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
