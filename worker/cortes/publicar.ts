/**
 * One corte, end to end, under the D1 lease:
 *   1. repair: `latest` and the history must show the newest recorded corte (a run that died after recording
 *      its corte left them behind);
 *   2. read the change sequence N with the audit log's tip (recorded in the manifest) and the log entries since
 *      the previous corte; nothing new → no corte (the same sequence publishes once), except the final corte,
 *      which switches participation; the instant is never in the future nor before the previous corte's;
 *   3. move the state forward (the isolate's cached state) or rebuild it from every acta at N;
 *   4. write the new shards (≤ 6 puts at once, renewing the lease), then each election's CSVs, zip, diff and manifest;
 *   5. record the corte in D1 — guarded by the lease and by the chain — and only then write the history and,
 *      last, `latest`.
 * A run that dies before 5 leaves unreferenced objects behind (content-addressed, harmless) and `latest` on
 * the previous complete corte; the next run starts clean.
 */
import { desdeUtf8, utf8 } from '../domain/corte/bytes.ts';
import { historial, prepararCorte, type Cambio, type Publicacion } from '../domain/corte/corte.ts';
import { EstadoCorte } from '../domain/corte/estado.ts';
import { PREFIJO_FINAL, proximoCorte } from '../domain/corte/calendario.ts';
import { instanteDelCorte, type InstanteDecidido } from '../domain/corte/instante.ts';
import { construirModelo } from '../domain/corte/modelo.ts';
import { RUTA_LATEST_RAIZ, rutaHistorial, rutaLatest } from '../domain/contrato/index.ts';
import { ManifiestoSchema, PunteroSchema, type Puntero } from '../domain/corte/shards.ts';
import { METADATO_PROXIMO_CORTE, escribirTodos, type Almacen } from './almacen.ts';
import { cacheDelIsolate, type CacheEstado } from './cache.ts';
import { compresorZlib } from './compresor-zlib.ts';
import { leerCatalogo } from './catalogo-d1.ts';
import { leerMapas } from './mapas-d1.ts';
import { leerActas, leerCambios, puntoDeCorte } from './log-d1.ts';
import {
  historialRegistrado,
  leerConfig,
  marcarTurno,
  registrarCorte,
  renovarLease,
  soltarLease,
  tomarLease,
  ultimoCorte,
  type CorteRegistrado,
} from './registro-d1.ts';

/**
 * How long a lease lasts without renewal. Short, so that a run killed mid-way (a Worker evicted, a deploy) blocks
 * the next one for at most this long — the cron ticks every minute, so the next tick takes over — and renewed
 * every RENOVAR_MS while the run reads the log and writes objects. Safety never depends on its length: a corte is
 * recorded only by the holder of an unexpired lease (registrarCorte), so two runs never both publish.
 */
export const LEASE_MS = 30_000;
/** A run renews its lease when this much time passed since the last renewal (checked between puts and pages). */
export const RENOVAR_MS = 5_000;

export interface Dependencias {
  db: D1Database;
  almacen: Almacen;
  /** The environment and build the corte is published from (`publicacionDelWorker`); a simulacro's when absent. */
  publicacion?: Publicacion;
  ahora?: () => number;
  /** Lease holder id (a random UUID by default). */
  titular?: string;
  cache?: CacheEstado;
  /** Where the per-corte log line goes (console.log by default). */
  bitacora?: (linea: Record<string, unknown>) => void;
}

export interface Pedido {
  /** The corte's instant (epoch ms). */
  instante: number;
  final: boolean;
  motivo: 'programado' | 'final' | 'administrador';
  /** The cron turn this corte covers (scheduled cortes only). */
  turno: number | null;
  /** Who asked for it through the API and, for the final corte, who confirmed it (recorded with the corte). */
  solicitadoPor?: string;
  confirmadoPor?: string;
}

type RechazoInstanteCorte = NonNullable<InstanteDecidido['rechazado']>;

export interface Estadisticas {
  modo: 'completo' | 'incremental';
  /** Log entries applied (incremental) or read (complete). */
  actasProcesadas: number;
  shardsEscritos: number;
  shardsReusados: number;
  bytesEscritos: number;
  milisegundos: number;
  /** Log entries that could not be placed (left out of the corte). */
  problemas: number;
}

export type ResultadoCorte =
  | {
      tipo: 'publicado';
      numero: number;
      secuencia: number;
      final: boolean;
      manifiesto: string;
      estadisticas: Estadisticas;
      /** The instant asked for, when it was refused (in the future, or before the previous corte's). */
      instanteRechazado?: RechazoInstanteCorte;
    }
  | { tipo: 'sin_cambios'; numero: number; secuencia: number }
  | { tipo: 'ocupado' }
  | { tipo: 'cerrado'; numero: number }
  | { tipo: 'sin_catalogo' };

export async function ejecutarCorte(deps: Dependencias, pedido: Pedido): Promise<ResultadoCorte> {
  const ahora = deps.ahora ?? Date.now;
  // A final run says so in its holder id: capture writes are refused from now on (worker/db/captura-lectura.ts).
  const titular = `${pedido.final ? PREFIJO_FINAL : ''}${deps.titular ?? crypto.randomUUID()}`;
  if (!(await tomarLease(deps.db, titular, ahora(), LEASE_MS))) return { tipo: 'ocupado' };
  try {
    return await conLease(deps, titular, pedido);
  } finally {
    // If this fails the lease simply expires (LEASE_MS).
    await soltarLease(deps.db, titular).catch((e: unknown) => console.error('no se pudo soltar el lease del corte', e));
  }
}

async function conLease(deps: Dependencias, titular: string, pedido: Pedido): Promise<ResultadoCorte> {
  const { db } = deps;
  const ahora = deps.ahora ?? Date.now;
  const t0 = ahora();
  const ultimo = await ultimoCorte(db);
  if (ultimo !== null) await repararPublicacion(deps, ultimo);
  if (ultimo?.final) return { tipo: 'cerrado', numero: ultimo.numero };
  const { secuencia, bitacora } = await puntoDeCorte(db);
  if (ultimo !== null && ultimo.secuencia === secuencia && !pedido.final) {
    if (pedido.turno !== null) await marcarTurno(db, pedido.turno);
    return { tipo: 'sin_cambios', numero: ultimo.numero, secuencia };
  }
  const renovar = renovador(deps, titular);
  const cambios = await leerCambios(db, ultimo?.secuencia ?? 0, secuencia);
  const base = await estadoBase(deps, ultimo, secuencia, cambios, renovar);
  if (base === null) return { tipo: 'sin_catalogo' };
  const numero = (ultimo?.numero ?? 0) + 1;
  const anterior = ultimo && { numero: ultimo.numero, sha256: ultimo.manifiestoSha256, ruta: ultimo.manifiestoRuta, secuencia: ultimo.secuencia };
  // Decided under the lease, over the newest recorded corte: never in the future, never before its predecessor.
  const { instante, rechazado } = instanteDelCorte(pedido.instante, ahora(), ultimo?.instante ?? null);
  // New shards are written batch by batch while they are rendered; then zip, diff and manifest.
  const p = await prepararCorte(
    base.estado,
    { publicacion: deps.publicacion, numero, instante, secuencia, final: pedido.final, anterior, cambios, bitacora, mapas: await leerMapas(db, base.estado.modelo.entidad.id) },
    (lote) => escribirTodos(deps.almacen, lote, renovar),
    compresorZlib,
    // Each election's CSVs at their own URLs, written as they are made.
    (archivos) => escribirTodos(deps.almacen, archivos, renovar),
  );
  await escribirTodos(deps.almacen, [p.abiertos, p.diferencias, p.cdf], renovar);
  await deps.almacen.put(p.manifiesto.ruta, p.manifiesto.contenido);
  await renovar();
  const estadisticas: Estadisticas = {
    modo: base.modo,
    actasProcesadas: base.procesadas,
    shardsEscritos: p.nuevos.length,
    shardsReusados: p.shards.length - p.nuevos.length,
    bytesEscritos: [...p.nuevos, ...p.csv.flatMap((c) => [c.resultados, c.ordenado]), p.abiertos, p.diferencias, p.cdf, p.manifiesto].reduce((s, o) => s + o.bytes, 0),
    milisegundos: ahora() - t0,
    problemas: base.problemas,
  };
  const registrado = await registrarCorte(db, titular, ahora(), {
    puntero: p.puntero,
    historial: p.historial,
    anteriorSha256: anterior?.sha256 ?? null,
    ...estadisticas,
    motivo: pedido.motivo,
    turno: pedido.turno,
    solicitadoPor: pedido.solicitadoPor ?? null,
    confirmadoPor: pedido.confirmadoPor ?? null,
  });
  if (!registrado) throw new Error(`corte ${numero}: no se registró (se perdió el lease u otro corte se publicó antes); no se publica`);
  await publicarIndices(deps, p.puntero);
  (deps.cache ?? cacheDelIsolate).guardar(p.manifiesto.sha256, base.estado);
  const linea = { evento: 'corte', numero, secuencia, instante, final: pedido.final, motivo: pedido.motivo, ...estadisticas };
  (deps.bitacora ?? ((l) => console.log(JSON.stringify(l))))(rechazado === null ? linea : { ...linea, instanteRechazado: rechazado });
  return { tipo: 'publicado', numero, secuencia, final: pedido.final, manifiesto: p.manifiesto.sha256, estadisticas, ...(rechazado ? { instanteRechazado: rechazado } : {}) };
}

interface Base {
  estado: EstadoCorte;
  modo: 'completo' | 'incremental';
  procesadas: number;
  problemas: number;
}

/** The state at `secuencia`: the cached one moved forward by the changes, or a full rebuild. */
async function estadoBase(
  deps: Dependencias,
  ultimo: CorteRegistrado | null,
  secuencia: number,
  cambios: readonly Cambio[],
  renovar: () => Promise<void>,
): Promise<Base | null> {
  const guardado = (deps.cache ?? cacheDelIsolate).tomar(ultimo?.manifiestoSha256 ?? null);
  if (guardado !== null) {
    const r = guardado.aplicar(cambios);
    return { estado: guardado, modo: 'incremental', procesadas: r.procesadas, problemas: r.problemas.length };
  }
  const catalogo = await leerCatalogo(deps.db);
  if (catalogo === null) return null;
  const modelo = construirModelo(catalogo);
  if (!modelo.ok) throw new Error(`el catálogo no permite un corte: ${modelo.error.map((p) => p.mensaje).join('; ')}`);
  // Page by page: the log entries are dropped once their tallies, shard JSON and CSV row are taken.
  const estado = EstadoCorte.iniciarCompleto(modelo.value);
  const resultado = { procesadas: 0, problemas: 0 };
  for await (const pagina of leerActas(deps.db, secuencia)) {
    const r = estado.aplicar(pagina.map((despues) => ({ antes: null, despues })));
    resultado.procesadas += r.procesadas;
    resultado.problemas += r.problemas.length;
    await renovar();
  }
  estado.terminarCompleto();
  if (ultimo !== null) {
    // The previous corte's shards are in R2 already: an unchanged one is reused, not written again.
    const previo = await deps.almacen.get(ultimo.manifiestoRuta);
    const m = previo && ManifiestoSchema.safeParse(JSON.parse(desdeUtf8(previo.bytes)));
    if (m?.success) for (const s of m.data.shards) estado.shards.set(s.id, s);
  }
  return { estado, modo: 'completo', procesadas: resultado.procesadas, problemas: resultado.problemas };
}

/** Renews the lease every RENOVAR_MS while the corte reads and writes; throws once it is lost. */
function renovador(deps: Dependencias, titular: string): () => Promise<void> {
  const ahora = deps.ahora ?? Date.now;
  let renovado = ahora();
  return async () => {
    if (ahora() - renovado < RENOVAR_MS) return;
    if (!(await renovarLease(deps.db, titular, ahora(), LEASE_MS))) throw new Error('se perdió el lease del corte mientras se escribía');
    renovado = ahora();
  };
}

/** A corte's instant this close to the server's clock is on real time (a cron run, a corte asked for now). */
const RELOJ_DE_LA_NOCHE_MS = 10 * 60_000;

/** The history listing, then `latest` (per entidad and at the fixed root path): written last. */
async function publicarIndices(deps: Dependencias, puntero: Puntero): Promise<void> {
  const e = puntero.entidad;
  const cortes = await historialRegistrado(deps.db);
  // When the next corte is due travels beside the bytes: the edge cache keeps the indices fresh until then. Only
  // on the server's clock: a simulacro's compressed clock or a replay's file instants say nothing of real time.
  const enHora = Math.abs((deps.ahora ?? Date.now)() - puntero.instante) <= RELOJ_DE_LA_NOCHE_MS;
  const proximo = proximoCorte(await leerConfig(deps.db), e.utcOffsetMinutes, puntero.instante, puntero.final);
  const metadatos = enHora ? { [METADATO_PROXIMO_CORTE]: proximo === null ? 'ninguno' : String(proximo) } : undefined;
  await deps.almacen.put(rutaHistorial(e.id), utf8(JSON.stringify(historial(e, cortes))), metadatos ? { metadatos } : {});
  await escribirPuntero(deps.almacen, rutaLatest(e.id), puntero, metadatos);
  await escribirPuntero(deps.almacen, RUTA_LATEST_RAIZ, puntero, metadatos);
}

async function numeroPublicado(almacen: Almacen, ruta: string): Promise<{ numero: number; etag: string } | null> {
  const o = await almacen.get(ruta);
  if (o === null) return null;
  const p = PunteroSchema.safeParse(JSON.parse(desdeUtf8(o.bytes)));
  return { numero: p.success ? p.data.numero : 0, etag: o.etag };
}

/** Writes the pointer unless a newer corte is already there; a concurrent rewrite makes it look again. */
export async function escribirPuntero(almacen: Almacen, ruta: string, puntero: Puntero, metadatos?: Record<string, string>): Promise<void> {
  const bytes = utf8(JSON.stringify(puntero));
  for (let intento = 0; intento < 3; intento++) {
    const actual = await numeroPublicado(almacen, ruta);
    if (actual !== null && actual.numero >= puntero.numero) return;
    if (await almacen.put(ruta, bytes, { ...(actual ? { siEtag: actual.etag } : {}), ...(metadatos ? { metadatos } : {}) })) return;
  }
  throw new Error(`no se pudo escribir ${ruta}: cambia en cada intento`);
}

/** A recorded corte whose `latest` is missing or older (its run died after recording it) is published now. */
async function repararPublicacion(deps: Dependencias, ultimo: CorteRegistrado): Promise<void> {
  const actual = await numeroPublicado(deps.almacen, rutaLatest(ultimo.puntero.entidad.id));
  if (actual === null || actual.numero < ultimo.numero) await publicarIndices(deps, ultimo.puntero);
}
