/**
 * The 13 figures of RULES.md §5 from a tally's counters. Zod-free, so the portal can import it without
 * shipping zod: the corte (conteo.ts `figuras`) and the portal (corte/lectura.ts) share this one arithmetic.
 * Percentages are truncated to 4 decimals in integer arithmetic; participation uses TOTAL_VOTOS_S_CS, or
 * TOTAL_VOTOS_C_CS in the final corte; 0 when the lista nominal is 0.
 */
import { percentValue, truncatedPercent } from './porcentaje.ts';
import type { Figuras } from './conteo.ts';

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

export function figurasDeConteo(t: Readonly<Record<Contador, number>>, final: boolean): Figuras {
  const pct = (num: number, den: number) => percentValue(truncatedPercent(num, den));
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
