/** A captured acta (docs/REGLAS.md §3): every figure is an integer ≥ 0, Ilegible or Sin dato. */
import { z } from 'zod';
import { ILEGIBLE, MOTIVOS_SIN_ACTA, SIN_DATO } from '../contrato/index.ts';

// The values and closed sets are the publication contract's; the schemas below are built from them.
export { COLUMNAS_FIJAS, ILEGIBLE, SIN_DATO, TOTALES, type MotivoSinActa, type Total, type Valor } from '../contrato/index.ts';

export const ValorSchema = z.union([z.number().int().min(0).max(99_999), z.literal(ILEGIBLE), z.literal(SIN_DATO)]);

export const CapturaSchema = z.strictObject({
  /** Vote fields keyed by column (PAN, PAN_PRI, NO_REGISTRADAS, NULOS …): exactly the ballot's columns. */
  votos: z.record(z.string(), ValorSchema),
  totales: z.strictObject({
    TOTAL_BOLETAS_SOBRANTES: ValorSchema,
    TOTAL_PERSONAS_VOTARON: ValorSchema,
    TOTAL_REP_PARTIDO_CI_VOTARON: ValorSchema,
    TOTAL_VOTOS_SACADOS: ValorSchema,
    TOTAL_VOTOS_ASENTADO: ValorSchema,
  }),
});
export type Captura = z.infer<typeof CapturaSchema>;

/** The four reasons an acta is "sin acta" (docs/REGLAS.md §4). */
export const MotivoSinActaSchema = z.enum(MOTIVOS_SIN_ACTA);
