/**
 * The 13 figures of a corte (docs/REGLAS.md §5) and the tally counters they are derived from. The corte computes them
 * with `figurasDeConteo` for every territory; readers of the compact rows (`t` arrays, CONTEO order) derive them
 * with the same function, so the portal, a difusor and the verifier show exactly what the corte published.
 */
import { porcentajeTruncado, valorPorcentaje } from './porcentaje.ts';

/** The counters of a tally, in the order of the `t` arrays of the shards. */
export const CONTEO = [
  'esperadas',
  'registradas',
  'fueraCatalogo',
  'capturadas',
  'contabilizadas',
  'inconsistencias',
  'listaNominalContabilizadas',
  'votosConEspeciales',
  'votosSinEspeciales',
] as const;
export type Contador = (typeof CONTEO)[number];

/** The 13 figures of a corte, in docs/REGLAS.md §5 / §7 order (the summary header of the results CSV). */
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

/** Counts are integers ≥ 0; `PORCENTAJE_*` are percentages truncated to 4 decimals (12.3456 means 12.3456 %). */
export interface Figuras {
  ACTAS_ESPERADAS: number;
  ACTAS_REGISTRADAS: number;
  ACTAS_FUERA_CATALOGO: number;
  ACTAS_CAPTURADAS: number;
  PORCENTAJE_ACTAS_CAPTURADAS: number;
  ACTAS_CONTABILIZADAS: number;
  PORCENTAJE_ACTAS_CONTABILIZADAS: number;
  PORCENTAJE_ACTAS_INCONSISTENCIAS: number;
  ACTAS_NO_CONTABILIZADAS: number;
  LISTA_NOMINAL_ACTAS_CONTABILIZADAS: number;
  TOTAL_VOTOS_C_CS: number;
  TOTAL_VOTOS_S_CS: number;
  PORCENTAJE_PARTICIPACION_CIUDADANA: number;
}

export function esFiguraPorcentaje(f: Figura): boolean {
  return f.startsWith('PORCENTAJE_');
}

/**
 * The 13 figures from a tally's counters. Percentages are truncated to 4 decimals in integer arithmetic;
 * participation uses TOTAL_VOTOS_S_CS, or TOTAL_VOTOS_C_CS in the final corte; 0 when the lista nominal is 0.
 */
export function figurasDeConteo(t: Readonly<Record<Contador, number>>, final: boolean): Figuras {
  const pct = (num: number, den: number) => valorPorcentaje(porcentajeTruncado(num, den));
  return {
    ACTAS_ESPERADAS: t.esperadas,
    ACTAS_REGISTRADAS: t.registradas,
    ACTAS_FUERA_CATALOGO: t.fueraCatalogo,
    ACTAS_CAPTURADAS: t.capturadas,
    PORCENTAJE_ACTAS_CAPTURADAS: pct(t.capturadas, t.esperadas),
    ACTAS_CONTABILIZADAS: t.contabilizadas,
    PORCENTAJE_ACTAS_CONTABILIZADAS: pct(t.contabilizadas, t.esperadas),
    PORCENTAJE_ACTAS_INCONSISTENCIAS: pct(t.inconsistencias, t.esperadas),
    ACTAS_NO_CONTABILIZADAS: t.capturadas - t.contabilizadas,
    LISTA_NOMINAL_ACTAS_CONTABILIZADAS: t.listaNominalContabilizadas,
    TOTAL_VOTOS_C_CS: t.votosConEspeciales,
    TOTAL_VOTOS_S_CS: t.votosSinEspeciales,
    PORCENTAJE_PARTICIPACION_CIUDADANA: pct(final ? t.votosConEspeciales : t.votosSinEspeciales, t.listaNominalContabilizadas),
  };
}
