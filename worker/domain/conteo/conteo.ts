/**
 * The additive accumulator of a corte (RULES.md §5) and its 13 published figures.
 *
 * One `Tally` per election per territory (entidad, distrito, municipio, sección …). Every expected acta enters
 * exactly once: `addActa` when it is registered (a catalogue acta then counts as esperada, capturada, …),
 * `addEsperada` while it is not. Fuera de catálogo registrations enter through `addActa` too (they count as
 * registradas only). Tallies are additive: a territory's tally is the merge of its children's, and an
 * incremental corte is `previous − old state of the changed actas + new state`.
 *
 * Mutation: `addActa`, `removeActa`, `addEsperada`, `removeEsperada` and `addTally` MUTATE their first argument
 * (this is the hot path of every corte: ~33k actas for Jalisco, ~500k nationally, no allocation per acta).
 * `mergeTallies`, `subtractTally`, `cloneTally` and `figuras` are pure and return new objects.
 *
 * Canonical form: `votos` and `candidaturas` hold only non-zero entries, so equal multisets of actas give
 * deep-equal tallies whatever the order, split or add/remove history. Readers use `votos[col] ?? 0` and take
 * the columns to show from the ballot.
 */
import { z } from 'zod';
import { CONTEO, figurasDeConteo } from './figuras.ts';
import { assert } from '../assert.ts';
import { ClasificacionSchema } from '../acta/clasificar.ts';
import { COLUMNAS_FIJAS, ValorSchema } from '../acta/esquema.ts';
import { BoletaSchema, ColumnaSchema, TipoCasillaSchema, type Boleta } from '../catalogo/esquema.ts';
import { formatPercent, percentUnits, percentValue } from './porcentaje.ts';

const Conteo = z.number().int().min(0);

export const TallySchema = z.strictObject({
  /** Expected actas (catalogue) of the territory, registered or not. */
  esperadas: Conteo,
  /** Registered actas, fuera de catálogo included. */
  registradas: Conteo,
  fueraCatalogo: Conteo,
  /** Registered actas of the catalogue (= registradas − fueraCatalogo). */
  capturadas: Conteo,
  contabilizadas: Conteo,
  /** Captured actas with excede, Ilegible, Sin dato or todos ilegibles / vacíos (not sin acta). */
  inconsistencias: Conteo,
  /** Σ lista nominal of counted actas (especiales add 0). */
  listaNominalContabilizadas: Conteo,
  /** Σ TOTAL_VOTOS_CALCULADO of counted actas (TOTAL_VOTOS_C_CS). */
  votosConEspeciales: Conteo,
  /** The same without casillas especiales (TOTAL_VOTOS_S_CS). */
  votosSinEspeciales: Conteo,
  /** Votes of counted actas per vote column (parties, independents, combinations, NO_REGISTRADAS, NULOS); non-zero only. */
  votos: z.record(ColumnaSchema, z.number().int().positive()),
  /** Votes of counted actas per candidatura (coalition id, party or independent); non-zero only. */
  candidaturas: z.record(ColumnaSchema, z.number().int().positive()),
});
export type Tally = z.infer<typeof TallySchema>;

/** What a registered acta brings to a tally. */
export const TallyInputSchema = z.strictObject({
  /** Its classification at this corte (`clasificarActa`). */
  clasificacion: ClasificacionSchema,
  /** The captured vote fields (`captura.votos`); absent for sin acta. Required when counted. */
  votos: z.record(z.string(), ValorSchema).nullish(),
  tipo: TipoCasillaSchema,
  /** The casilla's lista nominal from the catalogue (0 for especiales and fuera de catálogo). */
  listaNominal: Conteo,
  /** The ballot of the acta's election and territory. Required when counted. */
  boleta: BoletaSchema.nullish(),
});
export type TallyInput = z.infer<typeof TallyInputSchema>;

export function emptyTally(): Tally {
  return {
    esperadas: 0,
    registradas: 0,
    fueraCatalogo: 0,
    capturadas: 0,
    contabilizadas: 0,
    inconsistencias: 0,
    listaNominalContabilizadas: 0,
    votosConEspeciales: 0,
    votosSinEspeciales: 0,
    votos: {},
    candidaturas: {},
  };
}

const FIJAS: ReadonlySet<string> = new Set(COLUMNAS_FIJAS);

const cacheCandidaturas = new WeakMap<Boleta, ReadonlyMap<string, string>>();

/**
 * Column → candidatura of a ballot: a party of a coalition of this territory, and every combination column of
 * that coalition (or a column named as the coalition itself), go to the coalition id; a party outside any
 * coalition here, and an independent, to its own column. NO_REGISTRADAS and NULOS are not candidaturas and are
 * absent. Computed once per ballot object (cached).
 */
export function candidaturaDeColumna(boleta: Boleta): ReadonlyMap<string, string> {
  let mapa = cacheCandidaturas.get(boleta);
  if (mapa === undefined) {
    mapa = calcularCandidaturas(boleta);
    cacheCandidaturas.set(boleta, mapa);
  }
  return mapa;
}

function calcularCandidaturas(boleta: Boleta): Map<string, string> {
  const coaliciones = boleta.coaliciones.map((c) => ({ id: c.coalicion, partidos: new Set(c.partidos) }));
  const mapa = new Map<string, string>();
  for (const col of boleta.columnas) {
    if (FIJAS.has(col)) continue;
    const c =
      coaliciones.find((x) => x.id === col) ??
      coaliciones.find((x) => x.partidos.has(col)) ??
      coaliciones.find((x) => esCombinacion(col, x.partidos));
    mapa.set(col, c ? c.id : col);
  }
  return mapa;
}

/** True when `col` is two or more distinct parties of `partidos` joined by "_" (siglas may contain "_" themselves). */
export function esCombinacion(col: string, partidos: ReadonlySet<string>): boolean {
  const tokens = col.split('_');
  const usados = new Set<string>();
  const desde = (i: number): boolean => {
    if (i === tokens.length) return usados.size >= 2;
    for (let j = i + 1; j <= tokens.length; j++) {
      const p = tokens.slice(i, j).join('_');
      if (partidos.has(p) && !usados.has(p)) {
        usados.add(p);
        if (desde(j)) return true;
        usados.delete(p);
      }
    }
    return false;
  };
  return desde(0);
}

/** Adds `delta` to `r[k]`, keeping the record canonical (no zero entries). */
function bump(r: Record<string, number>, k: string, delta: number): void {
  const n = (r[k] ?? 0) + delta;
  if (n === 0) delete r[k];
  else r[k] = n;
}

/**
 * Counters of an acta into `t`; true when it is counted (its votes still have to be added by the caller).
 * Shared by `aplicar` (votes into the records) and `addActaDensa` (votes into index arrays).
 */
function contadores(t: Tally, a: TallyInput, s: 1 | -1): boolean {
  const c = a.clasificacion;
  t.registradas += s;
  if (c.contabilizada === 2) {
    t.fueraCatalogo += s;
    return false;
  }
  t.esperadas += s;
  t.capturadas += s;
  if (c.inconsistente) t.inconsistencias += s;
  if (c.contabilizada === 0) return false;
  t.contabilizadas += s;
  const total = c.totalVotosCalculado;
  t.votosConEspeciales += s * total;
  if (a.tipo !== 'S') {
    t.listaNominalContabilizadas += s * a.listaNominal;
    t.votosSinEspeciales += s * total;
  }
  return true;
}

function aplicar(t: Tally, a: TallyInput, s: 1 | -1): void {
  if (!contadores(t, a, s)) return;
  const votos = a.votos;
  const boleta = a.boleta;
  assert(votos != null && boleta != null, 'a counted acta needs its votes and its ballot');
  const cands = candidaturaDeColumna(boleta);
  const tv = t.votos;
  const tc = t.candidaturas;
  for (const col in votos) {
    const v = votos[col];
    if (typeof v !== 'number' || v === 0) continue;
    const d = s * v;
    bump(tv, col, d);
    const cand = cands.get(col) ?? (FIJAS.has(col) ? undefined : col);
    if (cand !== undefined) bump(tc, cand, d);
  }
}

/**
 * Index space of dense vote accumulation: an election's vote columns and candidaturas, each to a position.
 * A full corte adds ~33k (Jalisco) to ~500k (national) actas into sección tallies: numbers added into
 * `Float64Array`s at precomputed positions instead of keyed updates of records of many shapes.
 */
export class IndiceVotos {
  readonly columnas: readonly string[];
  readonly candidaturas: readonly string[];
  private readonly col: ReadonlyMap<string, number>;
  private readonly cand: ReadonlyMap<string, number>;
  /** Per ballot: column → [vote position, candidatura position (−1: none)]; −1 vote position: not indexed. */
  private readonly planes = new WeakMap<Boleta, Map<string, readonly [number, number]>>();

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

  plan(boleta: Boleta): Map<string, readonly [number, number]> {
    let p = this.planes.get(boleta);
    if (p === undefined) {
      p = new Map();
      const cands = candidaturaDeColumna(boleta);
      for (const col of [...boleta.columnas, ...COLUMNAS_FIJAS]) {
        const cand = cands.get(col) ?? (FIJAS.has(col) ? undefined : col);
        const vi = this.col.get(col);
        const ci = cand === undefined ? -1 : this.cand.get(cand);
        // A column or candidatura outside the index is added into the records (the general path).
        p.set(col, vi === undefined || ci === undefined ? [-1, -1] : [vi, ci]);
      }
      this.planes.set(boleta, p);
    }
    return p;
  }
}

/**
 * Votes of `n` tallies accumulated by position of an `IndiceVotos`, slot after slot in two flat arrays (one
 * allocation for thousands of secciones); moved into a `Tally` by `volcarVotosDensos`.
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
  t: Tally;
  d: VotosDensos;
  slot: number;
}

/**
 * `addActa` (s = 1) or `removeActa` (s = −1) with the counters into `t` and the votes into slot `slot` of `d`
 * (MUTATES both): `t` plus `volcarVotosDensos(t, d, slot, ix)` is then exactly what `addActa` / `removeActa`
 * give.
 */
export function addActaDensa(t: Tally, d: VotosDensos, slot: number, ix: IndiceVotos, a: TallyInput, s: 1 | -1 = 1): void {
  addActaDensaEn([{ t, d, slot }], ix, a, s);
}

/**
 * `addActaDensa` into several tallies at once (a sección and its parents, MUTATES each): the acta's votes are
 * looked up in the ballot's plan once, not once per tally.
 */
export function addActaDensaEn(destinos: readonly DestinoDenso[], ix: IndiceVotos, a: TallyInput, s: 1 | -1 = 1): void {
  let contada = false;
  for (const x of destinos) contada = contadores(x.t, a, s);
  if (!contada) return;
  const votos = a.votos;
  const boleta = a.boleta;
  assert(votos != null && boleta != null, 'a counted acta needs its votes and its ballot');
  const plan = ix.plan(boleta);
  const nv = ix.columnas.length;
  const nc = ix.candidaturas.length;
  for (const col in votos) {
    const v = votos[col];
    if (typeof v !== 'number' || v === 0) continue;
    const p = plan.get(col);
    const dv = s * v;
    if (p !== undefined && p[0] >= 0) {
      for (const x of destinos) {
        const iv = x.slot * nv + p[0];
        x.d.votos[iv] = x.d.votos[iv]! + dv;
        if (p[1] < 0) continue;
        const ic = x.slot * nc + p[1];
        x.d.candidaturas[ic] = x.d.candidaturas[ic]! + dv;
      }
      continue;
    }
    const cand = candidaturaDeColumna(boleta).get(col) ?? (FIJAS.has(col) ? undefined : col);
    for (const x of destinos) {
      bump(x.t.votos, col, dv);
      if (cand !== undefined) bump(x.t.candidaturas, cand, dv);
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

/** Moves slot `slot` of `d` into the tally's records, keeping them canonical (MUTATES `t`; `d` is left as it was). */
export function volcarVotosDensos(t: Tally, d: VotosDensos, slot: number, ix: IndiceVotos): void {
  const nv = ix.columnas.length;
  const dv = d.votos;
  for (let k = 0, a = slot * nv; k < nv; k++) if (dv[a + k] !== 0) bump(t.votos, ix.columnas[k]!, dv[a + k]!);
  const nc = ix.candidaturas.length;
  const dc = d.candidaturas;
  for (let k = 0, a = slot * nc; k < nc; k++) if (dc[a + k] !== 0) bump(t.candidaturas, ix.candidaturas[k]!, dc[a + k]!);
}

/** True when a record has no key (the usual case of the records beside dense votes). */
export function sinClaves(r: Readonly<Record<string, number>>): boolean {
  for (const _ in r) return false;
  return true;
}

/**
 * Slot `slot` of one dense array (`nombres`: its index's columns or candidaturas) plus the record beside it, as
 * one canonical record in published order: what `ordenarRegistro(r, nombres)` gives for the record `r` that
 * `volcarVotosDensos` fills — indexed keys in index order, then the rest sorted. The record normally holds only
 * keys outside the index, but a column whose candidatura is not indexed goes through it too (`plan`).
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

/** The counters of `o` into `t` (MUTATES `t`): `addTally` without the vote records. */
export function sumarContadores(t: Tally, o: Tally): void {
  for (const k of CONTADORES) t[k] += o[k];
}

/** Adds a registered acta (MUTATES `t`). */
export function addActa(t: Tally, acta: TallyInput): void {
  aplicar(t, acta, 1);
}

/** Removes an acta previously added with the same input (MUTATES `t`): for incremental cortes. */
export function removeActa(t: Tally, acta: TallyInput): void {
  aplicar(t, acta, -1);
}

/** Adds an expected acta that is not registered (yet): it counts as esperada only (MUTATES `t`). */
export function addEsperada(t: Tally): void {
  t.esperadas += 1;
}

/** Inverse of `addEsperada` (MUTATES `t`): when a pending acta gets registered in an incremental corte. */
export function removeEsperada(t: Tally): void {
  t.esperadas -= 1;
}

/** The tally's counters (figuras.ts CONTEO, the shards' `t` order): each one adds up from children to parents. */
const CONTADORES = CONTEO satisfies readonly (keyof Tally)[];

function combinar(t: Tally, o: Tally, s: 1 | -1): void {
  for (const k of CONTADORES) t[k] += s * o[k];
  for (const col in o.votos) bump(t.votos, col, s * o.votos[col]!);
  for (const cand in o.candidaturas) bump(t.candidaturas, cand, s * o.candidaturas[cand]!);
}

/** Adds every acta of `source` into `target` (MUTATES `target`). */
export function addTally(target: Tally, source: Tally): void {
  combinar(target, source, 1);
}

export function cloneTally(t: Tally): Tally {
  return { ...t, votos: { ...t.votos }, candidaturas: { ...t.candidaturas } };
}

/** The tally of the union of disjoint sets of actas (pure). */
export function mergeTallies(...tallies: readonly Tally[]): Tally {
  const t = emptyTally();
  for (const o of tallies) combinar(t, o, 1);
  return t;
}

/** `a − b` where `b` is the tally of a subset of `a`'s actas (pure). */
export function subtractTally(a: Tally, b: Tally): Tally {
  const t = cloneTally(a);
  combinar(t, b, -1);
  for (const k of CONTADORES) assert(t[k] >= 0, `subtractTally: ${k} < 0 (not a subset)`);
  for (const col in t.votos) assert(t.votos[col]! > 0, `subtractTally: votos.${col} < 0 (not a subset)`);
  for (const cand in t.candidaturas) assert(t.candidaturas[cand]! > 0, `subtractTally: candidaturas.${cand} < 0 (not a subset)`);
  return t;
}

/** The 13 figures of a corte, in RULES.md §5 / §7 order (the summary header of the results CSV). */
export const FIGURAS = [
  'ACTAS_ESPERADAS',
  'ACTAS_REGISTRADAS',
  'ACTAS_FUERA_CATALOGO',
  'ACTAS_CAPTURADAS',
  'PORCENTAJE_ACTAS_CAPTURADAS',
  'ACTAS_CONTABILIZADAS',
  'PORCENTAJE_ACTAS_CONTABILIZADAS',
  'PORCENTAJE_ACTAS_INCONSISTENCIAS',
  'ACTAS_NO_CONTABILIZADAS',
  'LISTA_NOMINAL_ACTAS_CONTABILIZADAS',
  'TOTAL_VOTOS_C_CS',
  'TOTAL_VOTOS_S_CS',
  'PORCENTAJE_PARTICIPACION_CIUDADANA',
] as const;
export type Figura = (typeof FIGURAS)[number];

/** A truncated percentage as a JSON number: ≥ 0, at most 4 decimals. */
export const PorcentajeSchema = z
  .number()
  .min(0)
  .refine((v) => percentValue(percentUnits(v)) === v, 'porcentaje con más de 4 decimales');

export const FigurasSchema = z.strictObject({
  ACTAS_ESPERADAS: Conteo,
  ACTAS_REGISTRADAS: Conteo,
  ACTAS_FUERA_CATALOGO: Conteo,
  ACTAS_CAPTURADAS: Conteo,
  PORCENTAJE_ACTAS_CAPTURADAS: PorcentajeSchema,
  ACTAS_CONTABILIZADAS: Conteo,
  PORCENTAJE_ACTAS_CONTABILIZADAS: PorcentajeSchema,
  PORCENTAJE_ACTAS_INCONSISTENCIAS: PorcentajeSchema,
  ACTAS_NO_CONTABILIZADAS: Conteo,
  LISTA_NOMINAL_ACTAS_CONTABILIZADAS: Conteo,
  TOTAL_VOTOS_C_CS: Conteo,
  TOTAL_VOTOS_S_CS: Conteo,
  PORCENTAJE_PARTICIPACION_CIUDADANA: PorcentajeSchema,
});
export type Figuras = z.infer<typeof FigurasSchema>;

export function esFiguraPorcentaje(f: Figura): boolean {
  return f.startsWith('PORCENTAJE_');
}

/**
 * The 13 figures of a tally. Percentages are truncated to 4 decimals (integer arithmetic). Participation uses
 * TOTAL_VOTOS_S_CS, or TOTAL_VOTOS_C_CS in the final corte; 0 when the lista nominal is 0.
 */
export function figuras(t: Tally, opciones: { readonly final: boolean }): Figuras {
  return figurasDeConteo(t, opciones.final);
}

/** The summary row of the results CSV: the 13 figures as text, percentages with exactly 4 decimals. */
export function figurasFila(f: Figuras): string[] {
  return FIGURAS.map((k) => (esFiguraPorcentaje(k) ? formatPercent(percentUnits(f[k])) : String(f[k])));
}
