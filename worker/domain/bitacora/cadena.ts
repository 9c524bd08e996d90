/**
 * The audit log (bitácora) as a hash chain. Each entry stores the previous entry's hash and its own:
 *   hash = SHA-256( prev_hash || canonicalJson(entry) )      (hex, lower case)
 * where `entry` is every stored column except the two hashes. The first entry's prev_hash is GENESIS_HASH.
 * Altering, deleting or reordering any stored entry breaks the chain at that entry; `verificarTramo` finds the
 * first broken link. (Cutting entries off the end is not visible from the chain alone: the tip hash is what a
 * reader must pin elsewhere.) Pure: Web Crypto only, runs in workerd and in Node.
 */
import { z } from 'zod';

export const GENESIS_HASH = '0'.repeat(64);

const Hash = z.string().regex(/^[0-9a-f]{64}$/);

/** The content of an entry, as stored (`detalle` is a JSON object). */
export const EntradaSchema = z.strictObject({
  id: z.number().int().min(1),
  /** Server time, epoch ms. */
  at: z.number().int(),
  operador: z.string().nullable(),
  token: z.string().nullable(),
  catd: z.string().nullable(),
  /** ACOPIO, DIGITALIZACION, CAPTURA, VERIFICACION, COTEJO, RECHAZO, OPERADOR_CREADO, TOKEN_EMITIDO … */
  accion: z.string().regex(/^[A-Z_]{2,40}$/),
  acta: z.string().nullable(),
  /** The change sequence value this entry's change produced (null when nothing changed, e.g. a refusal). */
  seq: z.number().int().nullable(),
  /** HTTP status of the request (or 0 for changes made outside the API). */
  status: z.number().int().min(0).max(599),
  detalle: z.record(z.string(), z.unknown()),
});
export type Entrada = z.infer<typeof EntradaSchema>;

export const EntradaSelladaSchema = EntradaSchema.extend({ prevHash: Hash, hash: Hash });
export type EntradaSellada = z.infer<typeof EntradaSelladaSchema>;

/** The tip of the chain: the last entry's id and hash, or id 0 and GENESIS_HASH when empty. */
export interface Punta {
  id: number;
  hash: string;
}
export const PUNTA_VACIA: Punta = { id: 0, hash: GENESIS_HASH };

/**
 * JSON with object keys sorted at every level and no whitespace: one text per value. Refuses values that JSON
 * cannot represent faithfully (non-finite numbers, undefined inside arrays, functions …).
 *
 * Every write of the capture API serializes several values this way, so the common case goes through the
 * engine's own JSON.stringify with a replacer that re-creates each object with its keys in order. That cannot
 * order keys that start with a digit or a symbol below '9' (an object lists integer-like keys first), so a value
 * holding one is written by the plain recursive version instead. Both give the same text (a property test holds
 * them to it).
 */
export function canonicalJson(value: unknown): string {
  try {
    const texto = JSON.stringify(value, ordenarClaves);
    if (texto === undefined) throw new Error(`canonicalJson: tipo no representable ${typeof value}`);
    return texto;
  } catch (e) {
    if (e === CLAVE_NO_ORDENABLE) return canonicalJsonRecursivo(value);
    throw e;
  }
}

const CLAVE_NO_ORDENABLE = Symbol('clave no ordenable');

function ordenarClaves(this: unknown, _clave: string, v: unknown): unknown {
  switch (typeof v) {
    case 'number':
      if (!Number.isFinite(v)) throw new Error(`canonicalJson: número no finito ${v}`);
      return v;
    case 'undefined':
      if (Array.isArray(this)) throw new Error('canonicalJson: undefined dentro de un arreglo');
      return v;
    case 'function':
    case 'symbol':
    case 'bigint':
      throw new Error(`canonicalJson: tipo no representable ${typeof v}`);
    case 'object':
      return v === null || Array.isArray(v) ? v : ordenado(v as Record<string, unknown>);
    default:
      return v;
  }
}

function ordenado(o: Record<string, unknown>): Record<string, unknown> {
  const claves = Object.keys(o).sort();
  // A prototype-less object, so that a "__proto__" key is an ordinary one.
  const r = Object.create(null) as Record<string, unknown>;
  for (const k of claves) {
    if (k.length === 0 || k.charCodeAt(0) <= 57) throw CLAVE_NO_ORDENABLE;
    r[k] = o[k];
  }
  return r;
}

/** The definition, written out: slower, and right for any key. */
export function canonicalJsonRecursivo(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`canonicalJson: número no finito ${value}`);
      return JSON.stringify(value);
    case 'object':
      return Array.isArray(value) ? canonicalArray(value) : canonicalObject(value as Record<string, unknown>);
    default:
      throw new Error(`canonicalJson: tipo no representable ${typeof value}`);
  }
}

function canonicalArray(a: readonly unknown[]): string {
  return `[${a.map((x) => canonicalJsonRecursivo(x)).join(',')}]`;
}

function canonicalObject(o: Record<string, unknown>): string {
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJsonRecursivo(o[k])}`).join(',')}}`;
}

const encoder = new TextEncoder();

export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const bytes = (typeof data === 'string' ? encoder.encode(data) : data) as Uint8Array<ArrayBuffer>;
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function hashEntrada(prevHash: string, e: Entrada): Promise<string> {
  return sha256Hex(prevHash + canonicalJson(e));
}

/** Seals the entry that follows `punta`: its id is the next one and it links to the tip's hash. */
export async function sellar(punta: Punta, e: Omit<Entrada, 'id'>): Promise<EntradaSellada> {
  const entrada: Entrada = { ...e, id: punta.id + 1 };
  return { ...entrada, prevHash: punta.hash, hash: await hashEntrada(punta.hash, entrada) };
}

/**
 * `sellar` with a synchronous SHA-256 (the Worker's write path seals while it holds the chain's head, and must
 * not yield then: worker/db/cabeza.ts). Same text hashed, same result.
 */
export function sellarCon(sha256: (texto: string) => string, punta: Punta, e: Omit<Entrada, 'id'>): EntradaSellada {
  const entrada: Entrada = { ...e, id: punta.id + 1 };
  return { ...entrada, prevHash: punta.hash, hash: sha256(punta.hash + canonicalJson(entrada)) };
}

export type Eslabon = { ok: true; punta: Punta; revisadas: number } | { ok: false; id: number; motivo: MotivoRotura; revisadas: number };
export type MotivoRotura = 'ID_FUERA_DE_ORDEN' | 'PREV_HASH_NO_COINCIDE' | 'HASH_NO_COINCIDE' | 'ENTRADA_ILEGIBLE';

/**
 * Checks a run of consecutive stored entries that should follow `desde` (PUNTA_VACIA for the whole log).
 * Stops at the first broken link and names its id. Call repeatedly with the returned tip to check a log page
 * by page.
 */
export async function verificarTramo(desde: Punta, filas: readonly unknown[]): Promise<Eslabon> {
  let punta = desde;
  let revisadas = 0;
  for (const fila of filas) {
    const parsed = EntradaSelladaSchema.safeParse(fila);
    const id = idDe(fila, punta.id + 1);
    if (!parsed.success) return { ok: false, id, motivo: 'ENTRADA_ILEGIBLE', revisadas };
    const { prevHash, hash, ...entrada } = parsed.data;
    if (entrada.id !== punta.id + 1) return { ok: false, id: entrada.id, motivo: 'ID_FUERA_DE_ORDEN', revisadas };
    if (prevHash !== punta.hash) return { ok: false, id: entrada.id, motivo: 'PREV_HASH_NO_COINCIDE', revisadas };
    if ((await hashEntrada(prevHash, entrada)) !== hash) return { ok: false, id: entrada.id, motivo: 'HASH_NO_COINCIDE', revisadas };
    punta = { id: entrada.id, hash };
    revisadas += 1;
  }
  return { ok: true, punta, revisadas };
}

function idDe(fila: unknown, porDefecto: number): number {
  const id = typeof fila === 'object' && fila !== null ? (fila as { id?: unknown }).id : undefined;
  return typeof id === 'number' && Number.isInteger(id) ? id : porDefecto;
}

/** A stored row (D1 columns) as an entry: `detalle` is JSON text in the database. */
export interface FilaBitacora {
  id: number;
  at: number;
  operador: string | null;
  token: string | null;
  catd: string | null;
  accion: string;
  acta: string | null;
  seq: number | null;
  status: number;
  detalle: string;
  prev_hash: string;
  hash: string;
}

/** Reads a stored row back into an entry; undefined-safe (an unparsable detalle makes the entry unreadable). */
export function desdeFila(f: FilaBitacora): unknown {
  let detalle: unknown;
  try {
    detalle = JSON.parse(f.detalle);
  } catch {
    detalle = f.detalle;
  }
  const { prev_hash, hash, detalle: _texto, ...resto } = f;
  return { ...resto, detalle, prevHash: prev_hash, hash };
}

/** The stored row of a sealed entry. */
export function aFila(e: EntradaSellada): FilaBitacora {
  const { prevHash, hash, detalle, ...resto } = e;
  return { ...resto, detalle: canonicalJson(detalle), prev_hash: prevHash, hash };
}

export type ResultadoCadena = { ok: true; entradas: number; punta: Punta } | { ok: false; id: number; motivo: MotivoRotura; entradas: number };

/**
 * Checks a whole log read page by page: `leerPagina(desde, limite)` returns the stored rows with id > desde in
 * id order. Names the first broken entry.
 */
export async function verificarCadena(
  leerPagina: (desde: number, limite: number) => Promise<readonly FilaBitacora[]>,
  pagina = 1000,
): Promise<ResultadoCadena> {
  let punta = PUNTA_VACIA;
  let entradas = 0;
  for (;;) {
    const filas = await leerPagina(punta.id, pagina);
    if (filas.length === 0) return { ok: true, entradas, punta };
    const r = await verificarTramo(punta, filas.map(desdeFila));
    entradas += r.revisadas;
    if (!r.ok) return { ok: false, id: r.id, motivo: r.motivo, entradas };
    punta = r.punta;
  }
}
