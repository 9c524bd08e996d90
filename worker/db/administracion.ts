/**
 * Administrative changes (operators, tokens) with their audit entry, in one batch, through any executor: the
 * Worker's D1 binding (tests) or `wrangler d1 execute` on the local database (scripts/operators.ts). The entry is
 * sealed over the tip read just before; if another writer moved the tip, the batch aborts and is retried.
 */
import { sellar, type Entrada, type EntradaSellada, type Punta } from '../domain/bitacora/cadena.ts';
import type { OperadorNuevo } from '../domain/captura/operador-nuevo.ts';
import { tokenDesdeBytes } from '../domain/captura/token.ts';
import { LEER_PUNTA, puntaDe, sentenciaBitacora } from './bitacora.ts';
import { ConflictoConcurrente, ejecutarLote, esperaReintento } from './guardia.ts';
import { sentenciasCrearOperador, sentenciasEmitirToken, sentenciasRevocar } from './operadores.ts';
import { preparar, type Sentencia } from './sentencia.ts';

export interface Ejecutor {
  punta(): Promise<Punta>;
  /** Runs the statements as one all-or-nothing batch; a tripped guard throws ConflictoConcurrente. */
  lote(sentencias: Sentencia[]): Promise<void>;
}

export function ejecutorD1(db: D1Database): Ejecutor {
  return {
    punta: async () => puntaDe(await db.prepare(LEER_PUNTA).first<{ id: number; hash: string }>()),
    lote: async (sentencias) => {
      await ejecutarLote(db, sentencias.map((s) => preparar(db, s)));
    },
  };
}

/** A refused administrative change (unknown CATD, operator already exists …). */
export class CambioRechazado extends Error {
  readonly motivo: string;
  constructor(motivo: string) {
    super(`rechazado: ${motivo}`);
    this.motivo = motivo;
  }
}

type EntradaAdmin = Omit<Entrada, 'id' | 'at' | 'token' | 'catd' | 'seq' | 'status'>;

export async function administrar(ej: Ejecutor, sentencias: Sentencia[], e: EntradaAdmin, ahora: number): Promise<EntradaSellada> {
  for (let intento = 0; intento < 8; intento++) {
    const sellada = await sellar(await ej.punta(), { ...e, at: ahora, token: null, catd: null, seq: null, status: 0 });
    try {
      await ej.lote([...sentencias, sentenciaBitacora(sellada)]);
      return sellada;
    } catch (err) {
      if (!(err instanceof ConflictoConcurrente)) throw err;
      if (err.motivo !== 'BITACORA') throw new CambioRechazado(err.motivo);
      await esperaReintento(intento);
    }
  }
  throw new ConflictoConcurrente('BITACORA');
}

/** Who performs administrative changes from the command line. */
export const ADMIN_LOCAL = 'sistema:operators';

export function crearOperador(ej: Ejecutor, o: OperadorNuevo, ahora: number, por = ADMIN_LOCAL): Promise<EntradaSellada> {
  return administrar(ej, sentenciasCrearOperador(o, ahora), { operador: por, accion: 'OPERADOR_CREADO', acta: null, detalle: { ...o } }, ahora);
}

export interface Emision {
  operador: string;
  /** Validity in ms from `ahora`. */
  vigenciaMs: number;
  limitePorMinuto: number;
}

/** Issues a token; returns it (the only time it exists in clear) with its id. The log records only the id. */
export async function emitirToken(ej: Ejecutor, e: Emision, ahora: number, por = ADMIN_LOCAL): Promise<{ id: string; token: string; expiraAt: number }> {
  const t = await tokenDesdeBytes(crypto.getRandomValues(new Uint8Array(8)), crypto.getRandomValues(new Uint8Array(32)));
  const expiraAt = ahora + e.vigenciaMs;
  const datos = { id: t.id, hash: t.hash, operador: e.operador, emitidoAt: ahora, expiraAt, limitePorMinuto: e.limitePorMinuto };
  await administrar(
    ej,
    sentenciasEmitirToken(datos),
    { operador: por, accion: 'TOKEN_EMITIDO', acta: null, detalle: { token: t.id, operador: e.operador, expiraAt, limitePorMinuto: e.limitePorMinuto } },
    ahora,
  );
  return { id: t.id, token: t.token, expiraAt };
}

export function revocar(ej: Ejecutor, objetivo: { token: string } | { operador: string }, ahora: number, por = ADMIN_LOCAL): Promise<EntradaSellada> {
  return administrar(ej, sentenciasRevocar(objetivo, ahora), { operador: por, accion: 'TOKEN_REVOCADO', acta: null, detalle: { ...objetivo } }, ahora);
}
