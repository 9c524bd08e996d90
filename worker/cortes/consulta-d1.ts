/**
 * What the console shows of the cortes (GET /api/v1/cortes): every recorded corte with what it cost, and the rows
 * the publication latency is computed from (worker/domain/corte/latencia.ts). Two reads in one D1 batch; the
 * latency's read goes over the publication log once (one row per verified acta), so the screen asks for it
 * every 30 s, not every few seconds.
 */
import type { VerificacionRegistrada } from '../domain/corte/latencia.ts';

export interface CorteListado {
  numero: number;
  secuencia: number;
  instante: number;
  final: boolean;
  motivo: 'programado' | 'final' | 'administrador';
  modo: 'completo' | 'incremental';
  actasProcesadas: number;
  milisegundos: number;
  shardsEscritos: number;
  shardsReusados: number;
  bytesEscritos: number;
  problemas: number;
  publicadoAt: number;
  manifiesto: string;
  /** Operator ids: who asked for it by hand, who confirmed the final corte (null for the calendar's). */
  solicitadoPor: string | null;
  confirmadoPor: string | null;
}

const CORTES = `SELECT numero, secuencia, instante, final, motivo, modo, actas_procesadas, milisegundos, shards_escritos, shards_reusados,
  bytes_escritos, problemas, publicado_at, manifiesto_sha256, solicitado_por, confirmado_por FROM corte ORDER BY numero`;

// Per acta: its first log entry, its first entry as verified, and when it was verified (one pass over the log).
const ACTAS = `SELECT min(seq) AS primera, min(CASE WHEN v IS NOT NULL THEN seq END) AS seqv, min(v) AS v
  FROM (SELECT seq, clave, json_extract(payload, '$.verificacionAt') AS v FROM acta_publicacion) GROUP BY clave`;

export interface LecturaCortes {
  cortes: CorteListado[];
  /** Sequence of each acta's first log entry, ascending (how many actas a corte at sequence N includes). */
  primeras: number[];
  verificadas: VerificacionRegistrada[];
}

export async function leerCortes(db: D1Database): Promise<LecturaCortes> {
  const [c, a] = await db.batch<Record<string, number | string | null>>([db.prepare(CORTES), db.prepare(ACTAS)]);
  const cortes = c!.results.map((f) => ({
    numero: Number(f.numero),
    secuencia: Number(f.secuencia),
    instante: Number(f.instante),
    final: Number(f.final) === 1,
    motivo: String(f.motivo) as CorteListado['motivo'],
    modo: String(f.modo) as CorteListado['modo'],
    actasProcesadas: Number(f.actas_procesadas),
    milisegundos: Number(f.milisegundos),
    shardsEscritos: Number(f.shards_escritos),
    shardsReusados: Number(f.shards_reusados),
    bytesEscritos: Number(f.bytes_escritos),
    problemas: Number(f.problemas),
    publicadoAt: Number(f.publicado_at),
    manifiesto: String(f.manifiesto_sha256),
    solicitadoPor: f.solicitado_por === null ? null : String(f.solicitado_por),
    confirmadoPor: f.confirmado_por === null ? null : String(f.confirmado_por),
  }));
  const filas = a!.results;
  const primeras = filas.map((f) => Number(f.primera)).sort((x, y) => x - y);
  const verificadas = filas.filter((f) => f.seqv !== null).map((f) => ({ seq: Number(f.seqv), verificacionAt: Number(f.v) }));
  return { cortes, primeras, verificadas };
}
