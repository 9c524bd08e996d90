/**
 * Votes of tallies by position instead of by key: the corte's hot path. A full corte adds ~33k (Jalisco) to
 * ~500k (national) actas into sección tallies; numbers added into `Float64Array`s at precomputed positions are
 * much faster than keyed updates of records of many shapes, and the state keeps them so between cortes.
 *
 * A tally here is a `Conteo` whose counters are as in conteo.ts and whose votes are split: those at indexed
 * positions in a slot of `VotosDensos`, any others (a column or candidatura the index lacks) in its own records.
 * `registroOrdenado` joins both into the published record.
 */
import { assert } from '../assert.ts';
import type { Boleta } from '../catalogo/esquema.ts';
import { COLUMNAS_FIJAS, type Valor } from '../contrato/index.ts';
import { candidaturaDe, candidaturaDeColumna } from './candidaturas.ts';
import { moverContadores, moverRegistro, type Conteo, type EntradaConteo } from './conteo.ts';

/** An election's vote columns and candidaturas, each to a position. */
export class IndiceVotos {
  readonly columnas: readonly string[];
  readonly candidaturas: readonly string[];
  private readonly col: ReadonlyMap<string, number>;
  private readonly cand: ReadonlyMap<string, number>;
  /** Per ballot: its columns in order with their vote and candidatura positions (`plan`). */
  private readonly planes = new WeakMap<Boleta, PlanBoleta>();

  constructor(columnas: readonly string[], candidaturas: readonly string[]) {
    this.columnas = columnas;
    this.candidaturas = candidaturas;
    this.col = new Map(columnas.map((c, i) => [c, i]));
    this.cand = new Map(candidaturas.map((c, i) => [c, i]));
  }

  /** Per list of columns (a ballot's, in its shard order): the vote position of each (−1: not indexed). */
  private readonly posicionesPorLista = new WeakMap<readonly string[], Int32Array>();

  posiciones(columnas: readonly string[]): Int32Array {
    let p = this.posicionesPorLista.get(columnas);
    if (p === undefined) {
      p = Int32Array.from(columnas, (c) => this.col.get(c) ?? -1);
      this.posicionesPorLista.set(columnas, p);
    }
    return p;
  }

  /** Per ballot, per list of columns (an acta's in its shard order): `plan` positions aligned with the list. */
  private readonly planesEn = new WeakMap<Boleta, WeakMap<readonly string[], PlanEn>>();

  /** The vote and candidatura position of each of `columnas` for `boleta` (−1 both: not on its plan, or not indexed). */
  planEn(boleta: Boleta, columnas: readonly string[]): PlanEn {
    let porLista = this.planesEn.get(boleta);
    if (porLista === undefined) this.planesEn.set(boleta, (porLista = new WeakMap()));
    let p = porLista.get(columnas);
    if (p === undefined) {
      const porColumna = this.plan(boleta).porColumna;
      const de = (c: string) => porColumna.get(c) ?? ([-1, -1] as const);
      p = { votos: Int32Array.from(columnas, (c) => de(c)[0]), candidaturas: Int32Array.from(columnas, (c) => de(c)[1]) };
      porLista.set(columnas, p);
    }
    return p;
  }

  plan(boleta: Boleta): PlanBoleta {
    let p = this.planes.get(boleta);
    if (p === undefined) {
      const porColumna = new Map<string, readonly [number, number]>();
      const cands = candidaturaDeColumna(boleta);
      for (const col of [...boleta.columnas, ...COLUMNAS_FIJAS]) {
        const cand = candidaturaDe(cands, col);
        const vi = this.col.get(col);
        const ci = cand === undefined ? -1 : this.cand.get(cand);
        // A column or candidatura outside the index is added into the records (the general path).
        porColumna.set(col, vi === undefined || ci === undefined ? [-1, -1] : [vi, ci]);
      }
      const columnas = [...porColumna.keys()];
      p = {
        columnas,
        votos: Int32Array.from(columnas, (c) => porColumna.get(c)![0]),
        candidaturas: Int32Array.from(columnas, (c) => porColumna.get(c)![1]),
        porColumna,
      };
      this.planes.set(boleta, p);
    }
    return p;
  }
}

/**
 * Where a ballot's votes go: its columns (each once, shard order) and the vote and candidatura position of
 * each (−1: not indexed, or no candidatura), as arrays to walk the captured fields by column and as a map.
 */
export interface PlanBoleta {
  columnas: readonly string[];
  votos: Int32Array;
  candidaturas: Int32Array;
  porColumna: ReadonlyMap<string, readonly [number, number]>;
}

/** Positions (vote, candidatura) of a list of columns for one ballot, aligned with the list. */
export interface PlanEn {
  votos: Int32Array;
  candidaturas: Int32Array;
}

/**
 * Votes of `n` tallies accumulated by position of an `IndiceVotos`, slot after slot in two flat arrays (one
 * allocation for thousands of secciones).
 */
export interface VotosDensos {
  votos: Float64Array;
  candidaturas: Float64Array;
}

export function votosDensos(ix: IndiceVotos, n = 1): VotosDensos {
  return { votos: new Float64Array(n * ix.columnas.length), candidaturas: new Float64Array(n * ix.candidaturas.length) };
}

/** A tally and where its votes go: slot `slot` of `d`. */
export interface DestinoDenso {
  t: Conteo;
  d: VotosDensos;
  slot: number;
}

/**
 * An acta into (s = 1) or out of (s = −1) a tally (MUTATES `t` and `d`): its counters into `t`, its votes into
 * slot `slot` of `d` (or into `t`'s records where the index lacks them).
 */
export function sumarActaDensa(t: Conteo, d: VotosDensos, slot: number, ix: IndiceVotos, a: EntradaConteo, s: 1 | -1 = 1): void {
  sumarActaDensaEn([{ t, d, slot }], ix, a, s);
}

/**
 * `sumarActaDensa` into the first `n` of `destinos` at once (a sección and its parents, MUTATES each): the
 * acta's votes are looked up in the ballot's plan once, not once per tally. `n` lets a caller reuse one array.
 * `leidos`: the acta's fields already read in order, when they were (acta-corte.ts `valores`).
 */
export function sumarActaDensaEn(destinos: readonly DestinoDenso[], ix: IndiceVotos, a: EntradaConteo, s: 1 | -1 = 1, n = destinos.length, leidos?: Leidos | null): void {
  let contada = false;
  for (let i = 0; i < n; i++) contada = moverContadores(destinos[i]!.t, a, s);
  if (!contada) return;
  const votos = a.votos;
  const boleta = a.boleta;
  assert(votos != null && boleta != null, 'a counted acta needs its votes and its ballot');
  if (leidos != null && sumarEnOrden(destinos, n, ix, ix.planEn(boleta, leidos.columnas), leidos.valores, s)) return;
  const plan = ix.plan(boleta);
  if (!sumarPorPlan(destinos, n, ix, plan, votos, a.clasificacion.totalVotosCalculado, s)) sumarPorCampo(destinos, n, ix, plan, boleta, votos, s);
}

/** An acta's vote fields when they are exactly `columnas` in that order: their values in that order. */
export interface Leidos {
  columnas: readonly string[];
  valores: readonly Valor[];
}

/**
 * Adds `dv` to vote column `iv` of every destination, and to candidatura `ic` when the column counts for one
 * (`ic` ≥ 0); `nv` / `nc`: columns and candidaturas per slot.
 */
function sumarValor(destinos: readonly DestinoDenso[], n: number, nv: number, nc: number, iv: number, ic: number, dv: number): void {
  for (let i = 0; i < n; i++) {
    const d = destinos[i]!;
    const jv = d.slot * nv + iv;
    d.d.votos[jv] = d.d.votos[jv]! + dv;
    if (ic < 0) continue;
    const jc = d.slot * nc + ic;
    d.d.candidaturas[jc] = d.d.candidaturas[jc]! + dv;
  }
}

/**
 * The path of an acta whose fields were read once in order (`Leidos`): no lookup per field. Taken when it adds
 * what the general path would: every field with votes is on the ballot's plan and indexed. False, with nothing
 * added, otherwise.
 */
function sumarEnOrden(destinos: readonly DestinoDenso[], n: number, ix: IndiceVotos, plan: PlanEn, valores: readonly Valor[], s: 1 | -1): boolean {
  const pv = plan.votos;
  for (let k = 0; k < valores.length; k++) {
    const v = valores[k];
    if (typeof v === 'number' && v !== 0 && pv[k]! < 0) return false;
  }
  const pc = plan.candidaturas;
  const nv = ix.columnas.length;
  const nc = ix.candidaturas.length;
  for (let k = 0; k < valores.length; k++) {
    const v = valores[k];
    if (typeof v !== 'number' || v === 0) continue;
    sumarValor(destinos, n, nv, nc, pv[k]!, pc[k]!, s * v);
  }
  return true;
}

/** The captured values of the plan's columns, read before any is added (grown as ballots require). */
let leidos = new Float64Array(64);

/**
 * The fast path of `sumarActaDensaEn`: the votes read by the ballot's columns (keyed loads) rather than by
 * enumerating the captured fields and looking each up in a map, which cost twice as much per acta. Taken only
 * when it adds exactly what the general path would: every column with votes is indexed, and the columns' votes
 * add up to the acta's TOTAL_VOTOS_CALCULADO (the sum of every numeric field, `clasificarActa`), so no field
 * outside the ballot holds votes. False, with nothing added, otherwise.
 */
function sumarPorPlan(
  destinos: readonly DestinoDenso[],
  n: number,
  ix: IndiceVotos,
  plan: PlanBoleta,
  votos: Readonly<Record<string, Valor>>,
  total: number,
  s: 1 | -1,
): boolean {
  const cols = plan.columnas;
  const pv = plan.votos;
  if (leidos.length < cols.length) leidos = new Float64Array(cols.length * 2);
  let suma = 0;
  for (let k = 0; k < cols.length; k++) {
    const v = votos[cols[k]!];
    const x = typeof v === 'number' ? v : 0;
    if (x !== 0 && pv[k]! < 0) return false;
    leidos[k] = x;
    suma += x;
  }
  if (suma !== total) return false;
  const pc = plan.candidaturas;
  const nv = ix.columnas.length;
  const nc = ix.candidaturas.length;
  for (let k = 0; k < cols.length; k++) {
    const x = leidos[k]!;
    if (x === 0) continue;
    sumarValor(destinos, n, nv, nc, pv[k]!, pc[k]!, s * x);
  }
  return true;
}

/** The general path: every captured field with votes, by position where the plan indexes it, else into the records. */
function sumarPorCampo(
  destinos: readonly DestinoDenso[],
  n: number,
  ix: IndiceVotos,
  plan: PlanBoleta,
  boleta: Boleta,
  votos: Readonly<Record<string, Valor>>,
  s: 1 | -1,
): void {
  const nv = ix.columnas.length;
  const nc = ix.candidaturas.length;
  for (const col in votos) {
    const v = votos[col];
    if (typeof v !== 'number' || v === 0) continue;
    const p = plan.porColumna.get(col);
    const dv = s * v;
    if (p !== undefined && p[0] >= 0) {
      for (let i = 0; i < n; i++) {
        const x = destinos[i]!;
        const iv = x.slot * nv + p[0];
        x.d.votos[iv] = x.d.votos[iv]! + dv;
        if (p[1] < 0) continue;
        const ic = x.slot * nc + p[1];
        x.d.candidaturas[ic] = x.d.candidaturas[ic]! + dv;
      }
      continue;
    }
    const cand = candidaturaDe(candidaturaDeColumna(boleta), col);
    for (let i = 0; i < n; i++) {
      const x = destinos[i]!;
      moverRegistro(x.t.votos, col, dv);
      if (cand !== undefined) moverRegistro(x.t.candidaturas, cand, dv);
    }
  }
}

/** Slot `i` of `d` += slot `j` of `o`, by position (MUTATES `d`). */
export function sumarVotosDensos(d: VotosDensos, i: number, o: VotosDensos, j: number, ix: IndiceVotos): void {
  const nv = ix.columnas.length;
  const dv = d.votos;
  const ov = o.votos;
  for (let k = 0, a = i * nv, b = j * nv; k < nv; k++) dv[a + k] = dv[a + k]! + ov[b + k]!;
  const nc = ix.candidaturas.length;
  const dc = d.candidaturas;
  const oc = o.candidaturas;
  for (let k = 0, a = i * nc, b = j * nc; k < nc; k++) dc[a + k] = dc[a + k]! + oc[b + k]!;
}

/** True when a record has no key (the usual case of the records beside dense votes). */
export function sinClaves(r: Readonly<Record<string, number>>): boolean {
  for (const _ in r) return false;
  return true;
}

/**
 * Slot `slot` of one dense array (`nombres`: its index's columns or candidaturas) plus the record beside it, as
 * one canonical record in published order: indexed keys in index order, then the rest sorted. The record
 * normally holds only keys outside the index, but a column whose candidatura is not indexed goes through it too
 * (`plan`).
 */
export function registroOrdenado(d: Float64Array, slot: number, nombres: readonly string[], fuera: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  const vacio = sinClaves(fuera);
  for (let k = 0, a = slot * nombres.length; k < nombres.length; k++) {
    const v = vacio ? d[a + k]! : d[a + k]! + (fuera[nombres[k]!] ?? 0);
    if (v !== 0) out[nombres[k]!] = v;
  }
  if (!vacio) for (const k of Object.keys(fuera).filter((x) => !nombres.includes(x)).sort()) out[k] = fuera[k]!;
  return out;
}
