/**
 * The corte job's own D1 state (data/migrations/0004_cortes.sql): the lease, the configuration of the
 * window and cadence, and the record of every published corte. Every guard is inside SQL (`WHERE …`,
 * `changes()`), never in JavaScript between two awaits.
 */
import { ConfigCortesSchema, type ConfigCortes } from '../domain/corte/calendario.ts';
import { CorteHistorialSchema, PunteroSchema, type CorteHistorial, type Puntero } from '../domain/corte/shards.ts';

// ---------------------------------------------------------------------------------------------------------
// Lease: only one corte runs at a time.

/** Takes the lease when it is free or expired. */
export async function tomarLease(db: D1Database, titular: string, ahora: number, duracionMs: number): Promise<boolean> {
  const r = await db
    .prepare('UPDATE corte_lease SET titular = ?1, vence = ?2 WHERE id = 1 AND (titular IS NULL OR vence <= ?3)')
    .bind(titular, ahora + duracionMs, ahora)
    .run();
  return r.meta.changes === 1;
}

/**
 * Extends the lease; false when it is no longer ours (taken by another run after it expired, or released). A
 * lease that expired but nobody took is still ours to extend: no other run can have started meanwhile (taking
 * it changes the holder), and a long pause (a slow page, a large zip) does not throw away the work done.
 */
export async function renovarLease(db: D1Database, titular: string, ahora: number, duracionMs: number): Promise<boolean> {
  const r = await db.prepare('UPDATE corte_lease SET vence = ?2 WHERE id = 1 AND titular = ?1').bind(titular, ahora + duracionMs).run();
  return r.meta.changes === 1;
}

export async function soltarLease(db: D1Database, titular: string): Promise<void> {
  await db.prepare('UPDATE corte_lease SET titular = NULL, vence = 0 WHERE id = 1 AND titular = ?1').bind(titular).run();
}

// ---------------------------------------------------------------------------------------------------------
// Configuration and turns.

export async function leerConfig(db: D1Database): Promise<ConfigCortes & { ultimoTurno: number | null }> {
  const f = await db
    .prepare('SELECT jornada, inicio_minutos, duracion_minutos, cadencia_minutos, ultimo_turno FROM corte_config WHERE id = 1')
    .first<Record<string, number | string | null>>();
  const config = ConfigCortesSchema.parse({
    jornada: f?.jornada ?? null,
    inicioMinutos: Number(f?.inicio_minutos ?? 1200),
    duracionMinutos: Number(f?.duracion_minutos ?? 1440),
    cadenciaMinutos: Number(f?.cadencia_minutos ?? 5),
  });
  return { ...config, ultimoTurno: f?.ultimo_turno === null || f?.ultimo_turno === undefined ? null : Number(f.ultimo_turno) };
}

export async function guardarConfig(db: D1Database, c: ConfigCortes): Promise<void> {
  await db
    .prepare('UPDATE corte_config SET jornada = ?1, inicio_minutos = ?2, duracion_minutos = ?3, cadencia_minutos = ?4 WHERE id = 1')
    .bind(c.jornada, c.inicioMinutos, c.duracionMinutos, c.cadenciaMinutos)
    .run();
}

function sentenciaTurno(db: D1Database, turno: number): D1PreparedStatement {
  return db.prepare('UPDATE corte_config SET ultimo_turno = max(coalesce(ultimo_turno, ?1), ?1) WHERE id = 1').bind(turno);
}

/** The turn got its corte, or had nothing new: the cron does not try it again. */
export async function marcarTurno(db: D1Database, turno: number): Promise<void> {
  await sentenciaTurno(db, turno).run();
}

// ---------------------------------------------------------------------------------------------------------
// Published cortes.

export interface CorteRegistrado {
  numero: number;
  secuencia: number;
  instante: number;
  final: boolean;
  manifiestoSha256: string;
  manifiestoRuta: string;
  puntero: Puntero;
}

export async function ultimoCorte(db: D1Database): Promise<CorteRegistrado | null> {
  const f = await db
    .prepare('SELECT numero, secuencia, instante, final, manifiesto_sha256, manifiesto_ruta, puntero FROM corte ORDER BY numero DESC LIMIT 1')
    .first<Record<string, number | string>>();
  if (f === null) return null;
  return {
    numero: Number(f.numero),
    secuencia: Number(f.secuencia),
    instante: Number(f.instante),
    final: Number(f.final) === 1,
    manifiestoSha256: String(f.manifiesto_sha256),
    manifiestoRuta: String(f.manifiesto_ruta),
    puntero: PunteroSchema.parse(JSON.parse(String(f.puntero))),
  };
}

export async function historialRegistrado(db: D1Database): Promise<CorteHistorial[]> {
  const { results } = await db.prepare('SELECT historial FROM corte ORDER BY numero').all<{ historial: string }>();
  return results.map((r) => CorteHistorialSchema.parse(JSON.parse(r.historial)));
}

export interface NuevoCorte {
  puntero: Puntero;
  historial: CorteHistorial;
  anteriorSha256: string | null;
  actasProcesadas: number;
  shardsEscritos: number;
  shardsReusados: number;
  bytesEscritos: number;
  milisegundos: number;
  /** Log entries the corte could not place (shown by the console). */
  problemas: number;
  modo: 'completo' | 'incremental';
  motivo: 'programado' | 'final' | 'administrador';
  /** Who asked for it (an operator id; null for the calendar's cortes) and, for the final corte, who confirmed it. */
  solicitadoPor: string | null;
  confirmadoPor: string | null;
  /** Turn of the cron this corte covers (scheduled cortes). */
  turno: number | null;
}

/**
 * Records the corte — the moment it exists — only if this run still holds an unexpired lease and the corte
 * before it is still the newest (its number is the next one and its predecessor's manifest is the one it
 * chains to). One batch: the record and the covered turn, or nothing.
 */
export async function registrarCorte(db: D1Database, titular: string, ahora: number, c: NuevoCorte): Promise<boolean> {
  const p = c.puntero;
  const insertar = db
    .prepare(
      `INSERT INTO corte (numero, secuencia, instante, final, manifiesto_sha256, manifiesto_ruta, anterior_sha256, puntero, historial,
         actas_procesadas, shards_escritos, shards_reusados, bytes_escritos, milisegundos, modo, motivo, publicado_at, problemas,
         solicitado_por, confirmado_por)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?19, ?20, ?21
       WHERE EXISTS (SELECT 1 FROM corte_lease WHERE id = 1 AND titular = ?18 AND vence > ?17)
         AND coalesce((SELECT max(numero) FROM corte), 0) = ?1 - 1
         AND (?7 IS NULL OR ?7 = (SELECT manifiesto_sha256 FROM corte WHERE numero = ?1 - 1))`,
    )
    .bind(
      p.numero, p.secuencia, p.instante, p.final ? 1 : 0, p.manifiesto.sha256, p.manifiesto.ruta, c.anteriorSha256,
      JSON.stringify(p), JSON.stringify(c.historial), c.actasProcesadas, c.shardsEscritos, c.shardsReusados, c.bytesEscritos,
      c.milisegundos, c.modo, c.motivo, ahora, titular, c.problemas, c.solicitadoPor, c.confirmadoPor,
    );
  // The turn is covered only if the insert above happened (same batch, so it sees the row).
  const turno = db
    .prepare('UPDATE corte_config SET ultimo_turno = max(coalesce(ultimo_turno, ?1), ?1) WHERE id = 1 AND EXISTS (SELECT 1 FROM corte WHERE numero = ?2 AND manifiesto_sha256 = ?3)')
    .bind(c.turno, p.numero, p.manifiesto.sha256);
  const sentencias = c.turno !== null ? [insertar, turno] : [insertar];
  const [r] = await db.batch(sentencias);
  return r!.meta.changes === 1;
}
