/** A captured acta (RULES.md §3): every figure is an integer ≥ 0, Ilegible or Sin dato. */
import { z } from 'zod';

export const ILEGIBLE = 'ILEGIBLE';
export const SIN_DATO = 'SIN_DATO';

export const ValorSchema = z.union([z.number().int().min(0).max(99_999), z.literal(ILEGIBLE), z.literal(SIN_DATO)]);
export type Valor = z.infer<typeof ValorSchema>;

/** The non-vote figures captured from every acta, in CSV order. */
export const TOTALES = [
  'TOTAL_BOLETAS_SOBRANTES',
  'TOTAL_PERSONAS_VOTARON',
  'TOTAL_REP_PARTIDO_CI_VOTARON',
  'TOTAL_VOTOS_SACADOS',
  'TOTAL_VOTOS_ASENTADO',
] as const;
export type Total = (typeof TOTALES)[number];

/** Vote columns every ballot has after its party/coalition columns. */
export const COLUMNAS_FIJAS = ['NO_REGISTRADAS', 'NULOS'] as const;

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

/** The four reasons an acta is "sin acta" (RULES.md §4). */
export const MotivoSinActaSchema = z.enum([
  'PAQUETE_NO_ENTREGADO',
  'CASILLA_NO_INSTALADA',
  'SIN_SOBRE',
  'CONTINGENCIA_URNA_ELECTRONICA',
]);
export type MotivoSinActa = z.infer<typeof MotivoSinActaSchema>;
