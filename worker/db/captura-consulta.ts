/** Reads of the capture workflow: an acta's timeline (from the audit log) and the CATD work queues. */
import { z } from 'zod';
import type { CatdAlcance } from '../domain/captura/permisos.ts';

export const EventoSchema = z.object({
  id: z.number().int(),
  at: z.number().int(),
  accion: z.string(),
  operador: z.string().nullable(),
  catd: z.string().nullable(),
  seq: z.number().int().nullable(),
  status: z.number().int(),
  detalle: z.record(z.string(), z.unknown()),
});
export type Evento = z.infer<typeof EventoSchema>;

/** Every successful step recorded for the acta, in order (refusals are in the audit log, not in the timeline). */
export async function leerHistorial(db: D1Database, clave: string): Promise<Evento[]> {
  const r = await db
    .prepare('SELECT id, at, accion, operador, catd, seq, status, detalle FROM bitacora WHERE acta = ? AND status < 400 ORDER BY id')
    .bind(clave)
    .all<Record<string, unknown>>();
  return r.results.map((f) => EventoSchema.parse({ ...f, detalle: JSON.parse(String(f.detalle)) }));
}

export const PasoColaSchema = z.enum(['acopio', 'digitalizacion', 'captura', 'verificacion', 'cotejo']);
export type PasoCola = z.infer<typeof PasoColaSchema>;

export const ElementoColaSchema = z.object({
  clave: z.string(),
  etapa: z.string(),
  /** Since when it waits at this step (epoch ms); null for an expected acta that has not arrived. */
  desde: z.number().int().nullable(),
  ronda: z.number().int().nullable(),
  capturasRonda: z.number().int(),
  cotejada: z.number().int().nullable(),
});
export type ElementoCola = z.infer<typeof ElementoColaSchema>;

/** Which actas a queue covers: one CATD's territory and elections (plus its fuera de catálogo actas), or all. */
function filtro(catd: CatdAlcance | null, alias: string): { sql: string; params: (string | number)[] } {
  if (catd === null) return { sql: '1', params: [] };
  const col = catd.ambito === 'distrito' ? 'distrito' : 'municipio';
  const territorio = `(${alias}.${col} = ? AND ${alias}.eleccion IN (SELECT eleccion FROM catd_eleccion WHERE catd = ?))`;
  return alias === 'a' ? { sql: `(${territorio} OR a.catd_registro = ?)`, params: [catd.territorio, catd.id, catd.id] } : { sql: territorio, params: [catd.territorio, catd.id] };
}

const ETAPA_DE: Record<Exclude<PasoCola, 'acopio'>, string> = {
  digitalizacion: 'DIGITALIZACION',
  captura: 'CAPTURA',
  verificacion: 'VERIFICACION',
  cotejo: 'VERIFICADA',
};

/** What waits at a step, oldest first. Acopio: expected actas not received yet (phone images first). */
export async function leerCola(db: D1Database, paso: PasoCola, catd: CatdAlcance | null, limite: number): Promise<ElementoCola[]> {
  const sql = paso === 'acopio' ? colaAcopio(catd) : colaEtapa(paso, catd);
  const r = await db.prepare(sql.sql).bind(...sql.params, limite).all<Record<string, unknown>>();
  return r.results.map((f) => ElementoColaSchema.parse(f));
}

function colaAcopio(catd: CatdAlcance | null) {
  const f = filtro(catd, 'ae');
  return {
    sql: `SELECT ae.clave_acta AS clave, coalesce(a.etapa, 'PENDIENTE') AS etapa, a.etapa_desde AS desde,
                 json_extract(a.estado, '$.ronda') AS ronda, 0 AS capturasRonda, a.cotejada
          FROM acta_esperada ae LEFT JOIN acta a ON a.clave = ae.clave_acta
          WHERE a.acopio_at IS NULL AND ${f.sql}
          ORDER BY a.etapa_desde IS NULL, a.etapa_desde, ae.eleccion, ae.orden LIMIT ?`,
    params: f.params,
  };
}

function colaEtapa(paso: Exclude<PasoCola, 'acopio'>, catd: CatdAlcance | null) {
  const f = filtro(catd, 'a');
  const extra = paso === 'cotejo' ? ' AND a.cotejada = 0' : '';
  return {
    sql: `SELECT a.clave, a.etapa, a.etapa_desde AS desde, json_extract(a.estado, '$.ronda') AS ronda,
                 (SELECT count(*) FROM captura k WHERE k.acta = a.clave AND k.ronda = json_extract(a.estado, '$.ronda')) AS capturasRonda,
                 a.cotejada
          FROM acta a WHERE a.etapa = ?${extra} AND ${f.sql}
          ORDER BY a.etapa_desde, a.clave LIMIT ?`,
    params: [ETAPA_DE[paso], ...f.params],
  };
}
