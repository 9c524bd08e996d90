/**
 * Reading the publication log (D1 `acta_publicacion`, appended by the capture API) as of a change sequence:
 * per clave, the newest entry with seq ≤ N. A few large, indexed, paged queries per corte — never one per
 * acta (a Worker invocation may run at most 1,000 D1 queries). Payloads are parsed with ActaPublicadaSchema
 * at this boundary.
 */
import { ActaPublicadaSchema, type ActaPublicada } from '../domain/acta/publicada.ts';
import type { Cambio } from '../domain/corte/corte.ts';

/** Rows per page: a page of ~1 KB payloads stays around 2 MB. */
export const PAGINA = 2000;
/** Claves per `IN (json_each(?))` list. */
const LOTE_CLAVES = 500;

interface FilaLog {
  seq: number;
  clave: string;
  eleccion: string;
  payload: string;
}

export interface CorteDelLog {
  /** The change sequence of the newest public change (0 when nothing was published to the log). */
  secuencia: number;
  /** Id and hash of the newest audit entry (null: empty log), recorded in the manifest. */
  bitacora: { id: number; hash: string } | null;
}

/**
 * Where a corte cuts: the sequence and the audit tip in ONE statement, so they are one snapshot (a workflow step
 * appends its log entry and its audit entry in one batch).
 */
export async function puntoDeCorte(db: D1Database): Promise<CorteDelLog> {
  const r = await db
    .prepare(
      `SELECT (SELECT coalesce(max(seq), 0) FROM acta_publicacion) AS n,
              (SELECT id FROM bitacora ORDER BY id DESC LIMIT 1) AS id,
              (SELECT hash FROM bitacora ORDER BY id DESC LIMIT 1) AS hash`,
    )
    .first<{ n: number; id: number | null; hash: string | null }>();
  const id = r?.id ?? null;
  return { secuencia: Number(r?.n ?? 0), bitacora: id === null || r?.hash == null ? null : { id: Number(id), hash: r.hash } };
}

function parsear(f: FilaLog): ActaPublicada {
  return actaDelLog(f.payload, `acta_publicacion seq ${f.seq} (${f.clave})`);
}

/**
 * A log entry's payload as the corte takes it: checked against ActaPublicadaSchema, then the value `JSON.parse`
 * made rather than zod's copy (the schema transforms nothing: the same fields, the vote fields in the same order).
 * zod rebuilds `captura.votos` key by key, and a record of more than a dozen keys built that way is a dictionary in
 * V8, slow to walk; the corte walks every acta's vote fields. The full corte of Jalisco took 7–10 % less CPU on
 * the parsed values (the same code alternately on both, 20 rounds; scripts/bench-corte.ts builds its actas through
 * this function). `donde` names the entry in the error.
 */
export function actaDelLog(payload: string, donde: string): ActaPublicada {
  const valor: unknown = JSON.parse(payload);
  const r = ActaPublicadaSchema.safeParse(valor);
  if (!r.success) throw new Error(`${donde} no es un ActaPublicada: ${r.error.message}`);
  return valor as ActaPublicada;
}

/** Every acta's newest entry with seq ≤ hasta, in clave order, a page at a time. */
export async function* leerActas(db: D1Database, hasta: number): AsyncGenerator<ActaPublicada[]> {
  let desde = '';
  for (;;) {
    const { results } = await db
      .prepare(
        `SELECT a.seq, a.clave, a.eleccion, a.payload FROM acta_publicacion a
         WHERE a.clave > ?1 AND a.seq = (SELECT max(b.seq) FROM acta_publicacion b WHERE b.clave = a.clave AND b.seq <= ?2)
         ORDER BY a.clave LIMIT ?3`,
      )
      .bind(desde, hasta, PAGINA)
      .all<FilaLog>();
    if (results.length === 0) return;
    yield results.map(parsear);
    desde = results.at(-1)!.clave;
    if (results.length < PAGINA) return;
  }
}

/** The newest entry with seq in (desde, hasta] of every clave whose log moved in that range, in seq order. */
async function nuevos(db: D1Database, desde: number, hasta: number): Promise<FilaLog[]> {
  const out: FilaLog[] = [];
  let cursor = desde;
  for (;;) {
    const { results } = await db
      .prepare(
        `SELECT a.seq, a.clave, a.eleccion, a.payload FROM acta_publicacion a
         WHERE a.seq > ?1 AND a.seq <= ?2
           AND a.seq = (SELECT max(b.seq) FROM acta_publicacion b WHERE b.clave = a.clave AND b.seq <= ?2)
         ORDER BY a.seq LIMIT ?3`,
      )
      .bind(cursor, hasta, PAGINA)
      .all<FilaLog>();
    out.push(...results);
    if (results.length < PAGINA) return out;
    cursor = results.at(-1)!.seq;
  }
}

/** The entry with the newest seq ≤ hasta of each of the given claves (absent: not registered then). */
async function estadosEn(db: D1Database, claves: readonly string[], hasta: number): Promise<Map<string, ActaPublicada>> {
  const out = new Map<string, ActaPublicada>();
  for (let i = 0; i < claves.length; i += LOTE_CLAVES) {
    const { results } = await db
      .prepare(
        `SELECT a.seq, a.clave, a.eleccion, a.payload FROM acta_publicacion a
         WHERE a.clave IN (SELECT value FROM json_each(?1))
           AND a.seq = (SELECT max(b.seq) FROM acta_publicacion b WHERE b.clave = a.clave AND b.seq <= ?2)`,
      )
      .bind(JSON.stringify(claves.slice(i, i + LOTE_CLAVES)), hasta)
      .all<FilaLog>();
    for (const f of results) out.set(f.clave, parsear(f));
  }
  return out;
}

/** What changed between two cortes: per clave whose log moved, its state at `desde` and at `hasta`. */
export async function leerCambios(db: D1Database, desde: number, hasta: number): Promise<Cambio[]> {
  if (hasta <= desde) return [];
  const filas = await nuevos(db, desde, hasta);
  const antes = desde > 0 ? await estadosEn(db, filas.map((f) => f.clave), desde) : new Map<string, ActaPublicada>();
  return filas.map((f) => ({ clave: f.clave, eleccion: f.eleccion, antes: antes.get(f.clave) ?? null, despues: parsear(f) }));
}
