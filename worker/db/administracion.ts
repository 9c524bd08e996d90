/**
 * Administrative changes (operators, tokens) with their audit entry, in one batch, through any executor: the
 * Worker's D1 binding (tests) or `wrangler d1 execute` on the local database (scripts/operators.ts). The entry is
 * sealed over the tip read just before; if another writer moved the tip, the batch aborts and is retried.
 */
import { sellar, type Entrada, type EntradaSellada, type Punta } from '../domain/bitacora/cadena.ts';
import type { OperadorNuevo } from '../domain/captura/operador-nuevo.ts';
import type { Ambito } from '../domain/captura/permisos.ts';
import { resolverVigencia, vigenciaExcedida } from '../domain/captura/vigencia.ts';
import { tokenDesdeBytes } from '../domain/captura/token.ts';
import { LEER_PUNTA, puntaDe, sentenciaBitacora } from './bitacora.ts';
import { ConflictoConcurrente, ejecutarLote, esperaReintento } from './guardia.ts';
import { sentenciasCrearOperador, sentenciasEmitirToken, sentenciasRevocar, sentenciasVincularCasillas } from './operadores.ts';
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
  /** What the caller needs to explain the refusal (e.g. the ámbito's longest validity), when known. */
  readonly detalles?: unknown;
  constructor(motivo: string, detalles?: unknown) {
    super(`rechazado: ${motivo}`);
    this.motivo = motivo;
    if (detalles !== undefined) this.detalles = detalles;
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

export interface Solicitud {
  operador: string;
  /** The operator's ámbito as the caller read it (the batch checks the stored one again). */
  ambito: Ambito;
  /** Hours asked; the ámbito's default when absent (worker/domain/captura/vigencia.ts). */
  horas?: number;
  limitePorMinuto: number;
}

/**
 * Issues a secret as a person asks for one (the CLI and the API): the validity resolved by the ámbito's rule, a
 * refusal with its ceiling (CambioRechazado VIGENCIA_EXCEDIDA, details from the rule) instead of a bare guard.
 */
export async function emitirSecreto(ej: Ejecutor, s: Solicitud, ahora: number, por = ADMIN_LOCAL): Promise<{ id: string; token: string; expiraAt: number }> {
  const vigencia = resolverVigencia(s.ambito, s.horas);
  if (!vigencia.ok) throw new CambioRechazado(vigencia.error.code, vigencia.error.details);
  try {
    return await emitirToken(ej, { operador: s.operador, vigenciaMs: vigencia.value, limitePorMinuto: s.limitePorMinuto }, ahora, por);
  } catch (e) {
    // The stored ámbito differs from the one read (it cannot change today, but the guard is the authority).
    if (e instanceof CambioRechazado && e.motivo === 'VIGENCIA_EXCEDIDA') throw new CambioRechazado(e.motivo, vigenciaExcedida(s.ambito, s.horas ?? null).details);
    throw e;
  }
}

/** Binds a PREP Casilla device to exactly these casillas (replacing the previous ones). */
export function vincularCasillas(ej: Ejecutor, operador: string, casillas: readonly string[], ahora: number, por = ADMIN_LOCAL): Promise<EntradaSellada> {
  const unicas = [...new Set(casillas)];
  return administrar(ej, sentenciasVincularCasillas(operador, unicas), { operador: por, accion: 'CASILLAS_VINCULADAS', acta: null, detalle: { operador, casillas: unicas } }, ahora);
}

export function revocar(ej: Ejecutor, objetivo: { token: string } | { operador: string }, ahora: number, por = ADMIN_LOCAL): Promise<EntradaSellada> {
  return administrar(ej, sentenciasRevocar(objetivo, ahora), { operador: por, accion: 'TOKEN_REVOCADO', acta: null, detalle: { ...objetivo } }, ahora);
}
