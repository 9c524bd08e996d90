/**
 * The worker thread behind scripts/lib/d1-sesion.ts: it keeps one Miniflare (one workerd) per local D1 open and
 * runs each batch exactly as `wrangler d1 execute --local` does (wrangler's own Miniflare, same database id, same
 * persistence folder, one `db.batch` per SQL text, the same row conversion). The main thread waits on `senal`
 * until the answer is posted on `respuestas`, so the scripts keep their synchronous calls.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { NOMBRE_BD, RAIZ } from './local.ts';
import { dividirSql } from './sql-division.ts';

export type Pedido = { tipo: 'lote'; persistTo: string; sql: string } | { tipo: 'cerrar'; persistTo: string | null };
export type Respuesta = { ok: true; filas: Record<string, unknown>[][] } | { ok: false; mensaje: string };

interface D1Resultado {
  results?: Record<string, unknown>[];
}
interface D1Binding {
  prepare(sql: string): unknown;
  batch(sentencias: unknown[]): Promise<D1Resultado[]>;
}
interface Instancia {
  getD1Database(nombre: string): Promise<D1Binding>;
  dispose(): Promise<void>;
}
interface ModuloMiniflare {
  Miniflare: new (opciones: unknown) => Instancia;
  convertV4MiniflareOptions(opciones: unknown): unknown;
}

// The Miniflare wrangler itself runs (`wrangler d1 execute --local`), not a second copy of it.
const cargarMiniflare = () => createRequire(path.join(RAIZ, 'node_modules/wrangler/package.json'))('miniflare') as ModuloMiniflare;

/** The id wrangler gives the local database: preview_database_id, else database_id, else binding (wrangler.toml). */
function idDeLaBase(): string {
  const toml = readFileSync(path.join(RAIZ, 'wrangler.toml'), 'utf8');
  for (const bloque of toml.split(/^\[\[d1_databases\]\]/m).slice(1)) {
    const tabla = bloque.split(/^\[/m)[0]!;
    const campo = (nombre: string) => new RegExp(`^${nombre}\\s*=\\s*"([^"]+)"`, 'm').exec(tabla)?.[1];
    if (campo('database_name') === NOMBRE_BD) {
      const id = campo('preview_database_id') ?? campo('database_id') ?? campo('binding');
      if (id) return id;
    }
  }
  throw new Error(`wrangler.toml no declara la base D1 «${NOMBRE_BD}»`);
}

// Loaded on the first request, so that a failure is an answer to it rather than a thread that never answers.
let miniflare: ModuloMiniflare | null = null;
let id: string | null = null;
/** Open databases, least recently used first. */
const abiertas = new Map<string, { mf: Instancia; db: Promise<D1Binding> }>();
// A script that walks many databases (the national catalogue benchmark: one per entidad) keeps a few workerd
// running, not one per database.
const MAXIMO_ABIERTAS = 4;

async function base(persistTo: string): Promise<D1Binding> {
  let a = abiertas.get(persistTo);
  if (a) {
    abiertas.delete(persistTo);
    abiertas.set(persistTo, a);
  } else {
    const viejas = [...abiertas.keys()].slice(0, Math.max(0, abiertas.size - MAXIMO_ABIERTAS + 1));
    for (const v of viejas) await cerrar(v);
    miniflare ??= cargarMiniflare();
    id ??= idDeLaBase();
    const mf = new miniflare.Miniflare(
      miniflare.convertV4MiniflareOptions({ modules: true, script: '', resourcePersistencePath: path.join(persistTo, 'v3'), d1Databases: { DATABASE: id } }),
    );
    a = { mf, db: mf.getD1Database('DATABASE') };
    abiertas.set(persistTo, a);
    // A database that failed to open is opened afresh on the next request.
    a.db.catch(() => cerrar(persistTo));
  }
  return a.db;
}

/** wrangler's conversion of each row (arrays, i.e. BLOBs, become "[1, 2]") and its JSON round trip. */
function filas(r: D1Resultado): Record<string, unknown>[] {
  const convertidas = (r.results ?? []).map((f) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, Array.isArray(v) ? `[${v.join(', ')}]` : v])));
  return JSON.parse(JSON.stringify(convertidas)) as Record<string, unknown>[];
}

async function lote(persistTo: string, sql: string): Promise<Respuesta> {
  const db = await base(persistTo);
  try {
    const resultados = await db.batch(dividirSql(sql).map((s) => db.prepare(s)));
    return { ok: true, filas: resultados.map(filas) };
  } catch (e) {
    // wrangler reports the cause (the D1/SQLite error) when there is one.
    const causa = (e as { cause?: unknown }).cause ?? e;
    return { ok: false, mensaje: causa instanceof Error ? causa.message : String(causa) };
  }
}

async function cerrar(persistTo: string | null): Promise<Respuesta> {
  const cuales = persistTo === null ? [...abiertas.keys()] : [persistTo];
  for (const p of cuales) {
    const a = abiertas.get(p);
    abiertas.delete(p);
    await a?.mf.dispose();
  }
  return { ok: true, filas: [] };
}

async function atender(p: Pedido): Promise<Respuesta> {
  try {
    return p.tipo === 'lote' ? await lote(p.persistTo, p.sql) : await cerrar(p.persistTo);
  } catch (e) {
    return { ok: false, mensaje: e instanceof Error ? e.message : String(e) };
  }
}

const { senal, respuestas } = workerData as { senal: Int32Array; respuestas: MessagePort };

function responder(r: Respuesta): void {
  respuestas.postMessage(r);
  Atomics.store(senal, 0, 1);
  Atomics.notify(senal, 0);
}

parentPort!.on('message', async (p: Pedido) => responder(await atender(p)));
// The main thread is blocked waiting for an answer: whatever escapes is that answer.
process.on('uncaughtException', (e) => responder({ ok: false, mensaje: e instanceof Error ? e.message : String(e) }));
