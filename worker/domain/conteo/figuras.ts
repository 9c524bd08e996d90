/**
 * The 13 figures of a tally (docs/REGLAS.md §5): computed with the contract's arithmetic (`figurasDeConteo`, shared
 * with every reader of the shards) and validated, before publication, with `FigurasSchema`.
 */
import { z } from 'zod';
import { figurasDeConteo, unidadesPorcentaje, valorPorcentaje, type Figuras } from '../contrato/index.ts';
import type { Conteo } from './conteo.ts';

const Cantidad = z.number().int().min(0);

/** A truncated percentage as a JSON number: ≥ 0, at most 4 decimals. */
const PorcentajeSchema = z
  .number()
  .min(0)
  .refine((v) => valorPorcentaje(unidadesPorcentaje(v)) === v, 'porcentaje con más de 4 decimales');

export const FigurasSchema = z.strictObject({
  ACTAS_ESPERADAS: Cantidad,
  ACTAS_REGISTRADAS: Cantidad,
  ACTAS_FUERA_CATALOGO: Cantidad,
  ACTAS_CAPTURADAS: Cantidad,
  PORCENTAJE_ACTAS_CAPTURADAS: PorcentajeSchema,
  ACTAS_CONTABILIZADAS: Cantidad,
  PORCENTAJE_ACTAS_CONTABILIZADAS: PorcentajeSchema,
  PORCENTAJE_ACTAS_INCONSISTENCIAS: PorcentajeSchema,
  ACTAS_NO_CONTABILIZADAS: Cantidad,
  LISTA_NOMINAL_ACTAS_CONTABILIZADAS: Cantidad,
  TOTAL_VOTOS_C_CS: Cantidad,
  TOTAL_VOTOS_S_CS: Cantidad,
  PORCENTAJE_PARTICIPACION_CIUDADANA: PorcentajeSchema,
});

/**
 * The 13 figures of a tally. Percentages are truncated to 4 decimals (integer arithmetic). Participation uses
 * TOTAL_VOTOS_S_CS, or TOTAL_VOTOS_C_CS in the final corte; 0 when the lista nominal is 0.
 */
export function figuras(t: Conteo, opciones: { readonly final: boolean }): Figuras {
  return figurasDeConteo(t, opciones.final);
}
