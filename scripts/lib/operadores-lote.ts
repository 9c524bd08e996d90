/**
 * Many operators and their tokens in ONE `wrangler d1 execute --file` (a single all-or-nothing batch), instead of
 * one process per change: the same statements and sealed audit entries as `npm run operators -- crear|token`
 * (worker/db/administracion.ts), chained one after another from the current tip of the log. For simulacros and
 * benchmarks, which create a full night's staff (145 CATDs × roles, ~3,800 PREP Casilla devices) before the
 * server starts. Local D1 runs a file statement by statement (~1 ms each): 34,000 small statements take 30 s, so
 * they are fused into multi-row INSERTs (`fusionar`), which take ~1.5 s.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Punta } from '../../worker/domain/bitacora/cadena.ts';
import { OperadorNuevoSchema, type OperadorNuevo } from '../../worker/domain/captura/operador-nuevo.ts';
import { vigenciaMaximaMs } from '../../worker/domain/captura/vigencia.ts';
import { crearOperador, emitirToken, type Ejecutor } from '../../worker/db/administracion.ts';
import { LEER_PUNTA, puntaDe } from '../../worker/db/bitacora.ts';
import { comoTexto, type Sentencia } from '../../worker/db/sentencia.ts';
import { consultarD1Local, ejecutarArchivoD1Local } from './d1-local.ts';

export interface OpcionesLote {
  vigenciaMs: number;
  limitePorMinuto: number;
  ahora?: number;
}

/**
 * An executor that does not execute: it keeps every statement in order and moves its own copy of the audit
 * tip forward with each sealed entry, so the next change seals over it.
 */
function ejecutorAcumulador(inicial: Punta): Ejecutor & { sentencias: Sentencia[] } {
  let punta = inicial;
  const sentencias: Sentencia[] = [];
  return {
    sentencias,
    punta: async () => punta,
    lote: async (s) => {
      const entrada = s.find((x) => x.sql.trimStart().startsWith('INSERT INTO bitacora'));
      if (entrada === undefined) throw new Error('un cambio administrativo sin entrada de bitácora');
      // sentenciaBitacora binds id first and hash last.
      punta = { id: Number(entrada.params[0]), hash: String(entrada.params.at(-1)) };
      sentencias.push(...s);
    },
  };
}

/**
 * Creates every operator and issues one token each, in one batch on the local D1 at `persistTo` (the server must
 * not be writing to it). Returns operator id → token (the only copy of the secret: it is never written to disk).
 */
export async function crearOperadoresEnLote(persistTo: string, operadores: readonly OperadorNuevo[], o: OpcionesLote): Promise<Map<string, string>> {
  const ahora = o.ahora ?? Date.now();
  const punta = puntaDe(consultarD1Local<{ id: number; hash: string }>(persistTo, LEER_PUNTA)[0]);
  const ej = ejecutorAcumulador(punta);
  const tokens = new Map<string, string>();
  for (const op of operadores) {
    const valido = OperadorNuevoSchema.parse(op);
    await crearOperador(ej, valido, ahora);
    // A simulated night's staff gets the validity asked for, within its ámbito's ceiling (INSTITUTO: 12 h).
    const vigenciaMs = Math.min(o.vigenciaMs, vigenciaMaximaMs(valido.ambito));
    const t = await emitirToken(ej, { operador: valido.id, vigenciaMs, limitePorMinuto: o.limitePorMinuto }, ahora);
    tokens.set(valido.id, t.token);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'prep-operadores-'));
  try {
    const archivo = path.join(dir, 'operadores.sql');
    writeFileSync(archivo, `${fusionar(ej.sentencias).join('\n')}\n`);
    ejecutarArchivoD1Local(persistTo, archivo);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return tokens;
}

/** D1's longest statement is 100,000 bytes; expression depth is limited too, so OR-chains stay short. */
const MAX_BYTES = 90_000;
const MAX_FILAS = 1_000;
const MAX_CONDICIONES = 40;

/**
 * The statements of `crearOperador` / `emitirToken`, fused: every `INSERT INTO t (cols) VALUES (…)` of one table
 * becomes multi-row INSERTs, and the guards of one reason (`INSERT INTO guardia (motivo) SELECT 'X' WHERE c`)
 * become `… WHERE (c1) OR (c2) …` (it aborts if any condition holds, with the same reason). Groups keep the order of their first appearance, rows their
 * own order. That is the same batch for these statements only: a guard group first appears before the inserts
 * it protects (OPERADOR_EXISTE before any operator; OPERADOR_DESCONOCIDO after them and before the tokens), the
 * catalogue guards read tables nobody writes here, and audit entries keep their id order (the chain trigger
 * checks each row against the previous one, row by row).
 */
export function fusionar(sentencias: readonly Sentencia[]): string[] {
  const grupos = new Map<string, { cabecera: string; union: string; max: number; partes: string[] }>();
  for (const s of sentencias) {
    const texto = comoTexto(s).slice(0, -1);
    const guardia = /^INSERT INTO guardia \(motivo\) SELECT '([A-Z_]+)' WHERE ([\s\S]+)$/.exec(texto);
    if (guardia) {
      const motivo = guardia[1]!;
      const g = grupos.get(`guardia:${motivo}`) ?? { cabecera: `INSERT INTO guardia (motivo) SELECT '${motivo}' WHERE `, union: ' OR ', max: MAX_CONDICIONES, partes: [] };
      grupos.set(`guardia:${motivo}`, g);
      g.partes.push(`(${guardia[2]!})`);
      continue;
    }
    const insercion = /^(INSERT INTO \w+ \([^)]*\))\s*VALUES\s*([\s\S]+)$/.exec(texto);
    if (!insercion) throw new Error(`sentencia que no se sabe fusionar: ${texto.slice(0, 80)}`);
    const cabecera = `${insercion[1]!.replace(/\s+/g, ' ')} VALUES `;
    const g = grupos.get(cabecera) ?? { cabecera, union: ', ', max: MAX_FILAS, partes: [] };
    grupos.set(cabecera, g);
    g.partes.push(insercion[2]!);
  }
  const out: string[] = [];
  for (const g of grupos.values()) {
    let actual: string[] = [];
    let bytes = 0;
    const cerrar = () => {
      if (actual.length > 0) out.push(`${g.cabecera + actual.join(g.union)};`);
      actual = [];
      bytes = 0;
    };
    for (const p of g.partes) {
      if (bytes + p.length > MAX_BYTES || actual.length >= g.max) cerrar();
      actual.push(p);
      bytes += p.length + g.union.length;
    }
    cerrar();
  }
  return out;
}
