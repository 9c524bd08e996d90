/**
 * The additive accumulator of a corte (docs/REGLAS.md §5): one `Conteo` per election per territory (entidad, distrito,
 * municipio, sección …), from which its 13 figures follow (`figuras`).
 *
 * Every expected acta enters exactly once: `sumarActa` when it is registered (a catalogue acta then counts as
 * esperada, capturada, …), `sumarEsperada` while it is not. Fuera de catálogo registrations enter through
 * `sumarActa` too (they count as registradas only). Tallies are additive: a territory's tally is the sum of its
 * children's (`sumarConteo`), and an incremental corte is `previous − old state of the changed actas + new state`
 * (the corte does that with the dense votes of densos.ts).
 *
 * Mutation: every function here but `conteoVacio` MUTATES its first argument (this is the hot path of every
 * corte: ~33k actas for Jalisco, ~500k nationally, no allocation per acta).
 *
 * Canonical form: `votos` and `candidaturas` hold only non-zero entries, so equal multisets of actas give
 * deep-equal tallies whatever the order, split or add/remove history. Readers use `votos[col] ?? 0` and take
 * the columns to show from the ballot.
 */
import { z } from 'zod';
import { assert } from '../assert.ts';
import { ClasificacionSchema } from '../acta/clasificar.ts';
import { ValorSchema } from '../acta/esquema.ts';
import { BoletaSchema, ColumnaSchema, TipoCasillaSchema } from '../catalogo/esquema.ts';
import { candidaturaDe, candidaturaDeColumna } from './candidaturas.ts';

const Cantidad = z.number().int().min(0);

export const ConteoSchema = z.strictObject({
  /** Expected actas (catalogue) of the territory, registered or not. */
  esperadas: Cantidad,
  /** Registered actas, fuera de catálogo included. */
  registradas: Cantidad,
  fueraCatalogo: Cantidad,
  /** Registered actas of the catalogue (= registradas − fueraCatalogo). */
  capturadas: Cantidad,
  contabilizadas: Cantidad,
  /** Captured actas with excede, Ilegible, Sin dato or todos ilegibles / vacíos (not sin acta). */
  inconsistencias: Cantidad,
  /** Σ lista nominal of counted actas (especiales add 0). */
  listaNominalContabilizadas: Cantidad,
  /** Σ TOTAL_VOTOS_CALCULADO of counted actas (TOTAL_VOTOS_C_CS). */
  votosConEspeciales: Cantidad,
  /** The same without casillas especiales (TOTAL_VOTOS_S_CS). */
  votosSinEspeciales: Cantidad,
  /** Votes of counted actas per vote column (parties, independents, combinations, NO_REGISTRADAS, NULOS); non-zero only. */
  votos: z.record(ColumnaSchema, z.number().int().positive()),
  /** Votes of counted actas per candidatura (coalition id, party or independent); non-zero only. */
  candidaturas: z.record(ColumnaSchema, z.number().int().positive()),
});
export type Conteo = z.infer<typeof ConteoSchema>;

/** What a registered acta brings to a tally. */
export const EntradaConteoSchema = z.strictObject({
  /** Its classification at this corte (`clasificarActa`). */
  clasificacion: ClasificacionSchema,
  /** The captured vote fields (`captura.votos`); absent for sin acta. Required when counted. */
  votos: z.record(z.string(), ValorSchema).nullish(),
  tipo: TipoCasillaSchema,
  /** The casilla's lista nominal from the catalogue (0 for especiales and fuera de catálogo). */
  listaNominal: Cantidad,
  /** The ballot of the acta's election and territory. Required when counted. */
  boleta: BoletaSchema.nullish(),
});
export type EntradaConteo = z.infer<typeof EntradaConteoSchema>;

export function conteoVacio(): Conteo {
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

/** Adds `delta` to `r[k]`, keeping the record canonical (no zero entries). */
export function moverRegistro(r: Record<string, number>, k: string, delta: number): void {
  const n = (r[k] ?? 0) + delta;
  if (n === 0) delete r[k];
  else r[k] = n;
}

/**
 * The counters of an acta into `t` (s = 1) or out of it (s = −1); true when it is counted, so its votes still
 * have to be moved by the caller: into the records here (`sumarActa`), by position in densos.ts.
 */
export function moverContadores(t: Conteo, a: EntradaConteo, s: 1 | -1): boolean {
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

/** Adds a registered acta. */
export function sumarActa(t: Conteo, a: EntradaConteo): void {
  if (!moverContadores(t, a, 1)) return;
  const votos = a.votos;
  const boleta = a.boleta;
  assert(votos != null && boleta != null, 'a counted acta needs its votes and its ballot');
  const cands = candidaturaDeColumna(boleta);
  for (const col in votos) {
    const v = votos[col];
    if (typeof v !== 'number' || v === 0) continue;
    moverRegistro(t.votos, col, v);
    const cand = candidaturaDe(cands, col);
    if (cand !== undefined) moverRegistro(t.candidaturas, cand, v);
  }
}

/** Adds an expected acta that is not registered (yet): it counts as esperada only. */
export function sumarEsperada(t: Conteo): void {
  t.esperadas += 1;
}

/** Inverse of `sumarEsperada`: when a pending acta gets registered in an incremental corte. */
export function restarEsperada(t: Conteo): void {
  t.esperadas -= 1;
}

/**
 * Adds every acta of `o` into `t` (a child's tally into its parent's). The counters one by one rather than by
 * looping over the contract's CONTEO: named accesses cost a fraction of keyed ones in the corte's merge of
 * every sección into its parents (conteo.test.ts checks every counter of CONTEO is added).
 */
export function sumarConteo(t: Conteo, o: Conteo): void {
  t.esperadas += o.esperadas;
  t.registradas += o.registradas;
  t.fueraCatalogo += o.fueraCatalogo;
  t.capturadas += o.capturadas;
  t.contabilizadas += o.contabilizadas;
  t.inconsistencias += o.inconsistencias;
  t.listaNominalContabilizadas += o.listaNominalContabilizadas;
  t.votosConEspeciales += o.votosConEspeciales;
  t.votosSinEspeciales += o.votosSinEspeciales;
  for (const col in o.votos) moverRegistro(t.votos, col, o.votos[col]!);
  for (const cand in o.candidaturas) moverRegistro(t.candidaturas, cand, o.candidaturas[cand]!);
}
