/**
 * Operator sessions in D1 (data/migrations/0006_sesion.sql): the sign-in lookup (attempt counted, credential read,
 * one batch), the per-request lookup (session, its token and operator, the rate-limit count and the last use, one
 * batch), and the writes that open and close a session together with their audit entry.
 */
import type { Entrada, EntradaSellada } from '../domain/bitacora/cadena.ts';
import { sellarCon } from '../domain/bitacora/cadena.ts';
import { ventanaDeIntentos } from '../domain/captura/sesion.ts';
import { LEER_PUNTA, puntaDe, sentenciaBitacora } from './bitacora.ts';
import { olvidar, reservar, sha256Sincrono } from './cabeza.ts';
import { ConflictoConcurrente, ejecutarLote, esperaReintento, guardia } from './guardia.ts';
import { CREDENCIAL_SELECT, credencialDe, type Credencial } from './operadores.ts';
import { preparar, sentencia, type Sentencia } from './sentencia.ts';

type Lectura<T> = { sentencias: D1PreparedStatement[]; leer: (r: D1Result<Record<string, unknown>>[]) => T };

/**
 * A sign-in attempt: past windows are dropped, this attempt takes its slot in the operator id's window (before the
 * key is checked, so parallel guesses are counted too) and the token the key names is read, in one batch.
 */
export function consultaIngreso(db: D1Database, operador: string, tokenId: string | null, ahora: number): Lectura<{ intento: number; credencial: Credencial | null }> {
  const ventana = ventanaDeIntentos(ahora);
  return {
    sentencias: [
      db.prepare('DELETE FROM intento_sesion WHERE ventana < ?').bind(ventana),
      db
        .prepare('INSERT INTO intento_sesion (ventana, operador, n) VALUES (?, ?, 1) ON CONFLICT (ventana, operador) DO UPDATE SET n = n + 1 RETURNING n')
        .bind(ventana, operador),
      // A key that is not shaped like a token names no token: the lookup still runs, and finds nothing.
      db.prepare(`${CREDENCIAL_SELECT} WHERE t.id = ?`).bind(tokenId ?? ''),
    ],
    leer: ([, intento, cred]) => ({ intento: Number(intento!.results[0]?.n ?? 0), credencial: credencialDe(cred!.results[0] ?? null) }),
  };
}

export interface SesionGuardada {
  csrf: string;
  expiraAt: number;
  cerradaAt: number | null;
}

/**
 * The session behind a cookie, with its token's credential as it is now, plus (same batch) the request counted
 * against that token's rate limit and the session's last use. `cuenta` is 0 when no such session exists.
 */
export function consultaSesion(
  db: D1Database,
  idHash: string,
  ahora: number,
  ventanaTasa: number,
): Lectura<{ sesion: SesionGuardada | null; credencial: Credencial | null; cuenta: number }> {
  return {
    sentencias: [
      db.prepare('SELECT csrf, expira_at, cerrada_at FROM sesion WHERE id_hash = ?').bind(idHash),
      db.prepare(`${CREDENCIAL_SELECT} WHERE t.id = (SELECT token FROM sesion WHERE id_hash = ?)`).bind(idHash),
      db
        .prepare(
          `INSERT INTO tasa (token, ventana, n) SELECT token, ?, 1 FROM sesion WHERE id_hash = ?
           ON CONFLICT (token, ventana) DO UPDATE SET n = n + 1 RETURNING n`,
        )
        .bind(ventanaTasa, idHash),
      // Minute resolution is enough to see idle sessions, and spares a write on most requests.
      db
        .prepare('UPDATE sesion SET ultimo_uso_at = ? WHERE id_hash = ? AND cerrada_at IS NULL AND ultimo_uso_at < ?')
        .bind(ahora, idHash, ahora - 60_000),
    ],
    leer: ([s, cred, cuenta]) => {
      const fila = s!.results[0] as { csrf: string; expira_at: number; cerrada_at: number | null } | undefined;
      return {
        sesion: fila === undefined ? null : { csrf: fila.csrf, expiraAt: fila.expira_at, cerradaAt: fila.cerrada_at },
        credencial: credencialDe(cred!.results[0] ?? null),
        cuenta: Number(cuenta!.results[0]?.n ?? 0),
      };
    },
  };
}

export interface SesionAAbrir {
  idHash: string;
  operador: string;
  token: string;
  csrf: string;
  creadaAt: number;
  expiraAt: number;
}

/** The new session; the attempt that opened it gives its slot back (only failures count toward the limit). */
export function sentenciasAbrirSesion(s: SesionAAbrir): Sentencia[] {
  return [
    sentencia(
      'INSERT INTO sesion (id_hash, operador, token, csrf, creada_at, expira_at, ultimo_uso_at, cerrada_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)',
      s.idHash, s.operador, s.token, s.csrf, s.creadaAt, s.expiraAt, s.creadaAt,
    ),
    sentencia('UPDATE intento_sesion SET n = n - 1 WHERE ventana = ? AND operador = ? AND n > 0', ventanaDeIntentos(s.creadaAt), s.operador),
  ];
}

/** Sign-out. The guard makes a second, concurrent sign-out of the same session write nothing (no second entry). */
export function sentenciasCerrarSesion(idHash: string, ahora: number): Sentencia[] {
  return [
    guardia('SESION_CERRADA', 'NOT EXISTS (SELECT 1 FROM sesion WHERE id_hash = ? AND cerrada_at IS NULL)', idHash),
    sentencia('UPDATE sesion SET cerrada_at = ? WHERE id_hash = ?', ahora, idHash),
  ];
}

const MAX_INTENTOS = 8;

/**
 * Runs `sentencias` and the audit entry `e` as one batch, sealed over the newest tip this isolate knows (as the
 * workflow's writes do, cabeza.ts), retried if another writer moved the tip. Any other guard is thrown as is.
 */
export async function escribirConBitacora(db: D1Database, sentencias: Sentencia[], e: Omit<Entrada, 'id'>): Promise<EntradaSellada> {
  for (let intento = 0; intento < MAX_INTENTOS; intento++) {
    const leida = { punta: puntaDe(await db.prepare(LEER_PUNTA).first<{ id: number; hash: string }>()), secuencia: 0 };
    const sellada = reservar(db, leida, (base) => {
      const s = sellarCon(sha256Sincrono, base.punta, e);
      return { valor: s, deja: { punta: { id: s.id, hash: s.hash }, secuencia: base.secuencia } };
    });
    try {
      await ejecutarLote(db, [...sentencias, sentenciaBitacora(sellada)].map((s) => preparar(db, s)));
      return sellada;
    } catch (err) {
      olvidar(db);
      if (!(err instanceof ConflictoConcurrente) || err.motivo !== 'BITACORA') throw err;
      await esperaReintento(intento);
    }
  }
  throw new ConflictoConcurrente('BITACORA');
}
