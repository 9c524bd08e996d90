/**
 * The publication latency of the console (issue 17, docs/CONSOLA.md "Cortes"): for each acta, from the moment it
 * was first verified (its first publication-log entry with `verificacionAt`) to the moment the first corte that
 * includes that entry was recorded (`corte.publicado_at` of the first corte whose sequence reaches the entry's).
 * Actas verified but not yet in any corte are counted apart (pendientes), never as a latency.
 */
import { percentil } from '../estadistica/percentil.ts';

export interface VerificacionRegistrada {
  /** Sequence of the first log entry where the acta is verified. */
  seq: number;
  verificacionAt: number;
}

export interface CortePublicado {
  secuencia: number;
  publicadoAt: number;
}

export interface Latencias {
  /** Actas verified and already in a published corte. */
  actas: number;
  /** Verified, not yet in any corte. */
  pendientes: number;
  /** Nearest-rank percentiles in ms; null when no acta is published yet. */
  p50: number | null;
  p95: number | null;
}

/** Index of the first corte (by ascending sequence) whose sequence is ≥ seq, or -1. */
export function primerCorteQueIncluye(cortes: readonly { secuencia: number }[], seq: number): number {
  let lo = 0;
  let hi = cortes.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (cortes[m]!.secuencia >= seq) hi = m;
    else lo = m + 1;
  }
  return lo < cortes.length ? lo : -1;
}

/** `cortes` in publication order (their sequences never decrease). */
export function latenciasDePublicacion(actas: readonly VerificacionRegistrada[], cortes: readonly CortePublicado[]): Latencias {
  const valores: number[] = [];
  let pendientes = 0;
  for (const a of actas) {
    const i = primerCorteQueIncluye(cortes, a.seq);
    if (i < 0) pendientes++;
    // A replay stamps verifications in the past: a negative gap cannot happen on a live night, clamp it at zero.
    else valores.push(Math.max(0, cortes[i]!.publicadoAt - a.verificacionAt));
  }
  if (valores.length === 0) return { actas: 0, pendientes, p50: null, p95: null };
  return { actas: valores.length, pendientes, p50: percentil(valores, 0.5), p95: percentil(valores, 0.95) };
}

/** How many actas a corte at `secuencia` includes: those whose first log entry is at or before it (primeras ascending). */
export function actasHasta(primeras: readonly number[], secuencia: number): number {
  let lo = 0;
  let hi = primeras.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (primeras[m]! <= secuencia) lo = m + 1;
    else hi = m;
  }
  return lo;
}
