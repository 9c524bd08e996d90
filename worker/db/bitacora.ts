/**
 * The audit log in D1. Chaining without a read-then-write race: the writer reads the tip (id, hash) in its
 * snapshot, seals its entry over it in JS (worker/domain/bitacora/cadena.ts), and inserts it in the same batch as the
 * change it records. The trigger `bitacora_encadena` aborts the batch unless the entry is the next id and links
 * to the current tip's hash, so a concurrent writer that appended first makes this batch fail as a whole; the
 * caller re-reads and retries. Entries can therefore only be appended at the tip, in order, with no gaps.
 */
import {
  PUNTA_VACIA,
  aFila,
  sellarCon,
  verificarCadena,
  type Entrada,
  type EntradaSellada,
  type FilaBitacora,
  type Punta,
  type ResultadoCadena,
} from '../domain/bitacora/cadena.ts';
import { ConflictoConcurrente, ejecutarLote, esperaReintento } from './guardia.ts';
import { preparar, sentencia, type Sentencia } from './sentencia.ts';
import { olvidar, reservar, sha256Sincrono } from './cabeza.ts';

export const LEER_PUNTA = 'SELECT id, hash FROM bitacora ORDER BY id DESC LIMIT 1';

export function puntaDe(fila: { id: number; hash: string } | null | undefined): Punta {
  return fila ? { id: fila.id, hash: fila.hash } : PUNTA_VACIA;
}

export function sentenciaBitacora(e: EntradaSellada): Sentencia {
  const f = aFila(e);
  return sentencia(
    `INSERT INTO bitacora (id, at, operador, token, catd, accion, acta, seq, status, detalle, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    f.id, f.at, f.operador, f.token, f.catd, f.accion, f.acta, f.seq, f.status, f.detalle, f.prev_hash, f.hash,
  );
}

const MAX_INTENTOS = 8;

/**
 * Appends one entry on its own (e.g. a refusal, which changes nothing else), over the newest tip this isolate
 * knows (cabeza.ts); retried if another writer moved it.
 */
export async function anotar(db: D1Database, e: Omit<Entrada, 'id'>): Promise<EntradaSellada> {
  for (let intento = 0; intento < MAX_INTENTOS; intento++) {
    const leida = { punta: puntaDe(await db.prepare(LEER_PUNTA).first<{ id: number; hash: string }>()), secuencia: 0 };
    const sellada = reservar(db, leida, (base) => {
      const s = sellarCon(sha256Sincrono, base.punta, e);
      return { valor: s, deja: { punta: { id: s.id, hash: s.hash }, secuencia: base.secuencia } };
    });
    try {
      await ejecutarLote(db, [preparar(db, sentenciaBitacora(sellada))]);
      return sellada;
    } catch (err) {
      olvidar(db);
      if (!(err instanceof ConflictoConcurrente)) throw err;
      await esperaReintento(intento);
    }
  }
  throw new ConflictoConcurrente('BITACORA');
}

/** Stored rows with id > desde, in order, at most `limite`. */
export async function leerTramo(db: D1Database, desde: number, limite: number): Promise<FilaBitacora[]> {
  const r = await db
    .prepare('SELECT id, at, operador, token, catd, accion, acta, seq, status, detalle, prev_hash, hash FROM bitacora WHERE id > ? ORDER BY id LIMIT ?')
    .bind(desde, limite)
    .all<FilaBitacora>();
  return r.results;
}

/** Checks the whole chain in D1, page by page; names the first broken entry. */
export function verificarBitacora(db: D1Database, pagina = 1000): Promise<ResultadoCadena> {
  return verificarCadena((desde, limite) => leerTramo(db, desde, limite), pagina);
}

const MINUTO_MS = 60_000;

/**
 * One more refusal of `codigo` from `direccion` in the clock minute of `at`, in the unchained count
 * `rechazo_agregado` (data/migrations/0009_rechazos.sql): what a refusal beyond the first few of a minute from one
 * address costs instead of a chained entry.
 */
export async function contarRechazo(db: D1Database, r: { at: number; direccion: string; codigo: string }): Promise<void> {
  await db
    .prepare(
      `INSERT INTO rechazo_agregado (ventana, direccion, codigo, n, primero_at, ultimo_at) VALUES (?, ?, ?, 1, ?, ?)
       ON CONFLICT (ventana, direccion, codigo) DO UPDATE SET n = n + 1, ultimo_at = excluded.ultimo_at`,
    )
    .bind(Math.floor(r.at / MINUTO_MS), r.direccion.slice(0, 64), r.codigo.slice(0, 40), r.at, r.at)
    .run();
}
