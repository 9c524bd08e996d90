/**
 * The publishable state of one registered acta: everything a corte needs to classify it, count it and
 * publish its row. The capture API appends one of these to the publication log (D1 `acta_publicacion`)
 * each time an acta's public state changes; a corte at change sequence N takes, per acta, the latest
 * entry with seq ≤ N. The capture workflow's own tables are never read by the cortes.
 */
import { z } from 'zod';
import { TipoCasillaSchema } from '../catalogo/esquema.ts';
import { CapturaSchema, MotivoSinActaSchema } from './esquema.ts';

export const OrigenSchema = z.enum(['CASILLA', 'CATD']);
export const DigitalizacionSchema = z.enum(['MOVIL', 'ESCANER']);
/** RULES.md §2: identity of the source document. */
export const TipoDocumentoSchema = z.enum([
  'ACTA_PREP',
  'ACTA_CONSEJO',
  'ACTA_CONSEJO_S',
  'COPIA_RPPCI',
  'COPIA_PE',
  'REPRESENTACION_ACTA',
]);
export const MecanismoTrasladoSchema = z.enum(['D', 'F', 'I']);

export const ImagenActaSchema = z.strictObject({
  /** CODIGO_INTEGRIDAD: SHA-256 (hex) of the image bytes, computed by the server. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  mime: z.enum(['image/jpeg', 'image/png', 'application/pdf']),
  origen: OrigenSchema,
  digitalizacion: DigitalizacionSchema,
  tipoDocumento: TipoDocumentoSchema,
});
export type ImagenActa = z.infer<typeof ImagenActaSchema>;

/** The identification read from the acta (for catalogue actas it equals the catalogue's). */
export const IdentificacionSchema = z.strictObject({
  eleccion: z.string(),
  seccion: z.number().int().min(0).max(9999),
  tipo: TipoCasillaSchema,
  id: z.number().int().min(0).max(99),
  extContigua: z.number().int().min(0).max(99),
});
export type Identificacion = z.infer<typeof IdentificacionSchema>;

export const ActaPublicadaSchema = z.strictObject({
  /** CLAVE_ACTA for an expected acta; `FC-<n>` for a fuera de catálogo registration. */
  clave: z.string().min(3).max(40),
  identificacion: IdentificacionSchema,
  registro: z.enum(['captura', 'sin_acta', 'fuera_catalogo']),
  motivoSinActa: MotivoSinActaSchema.nullable(),
  /** The verified figures (null for sin acta, and for fuera de catálogo when none were captured). */
  captura: CapturaSchema.nullable(),
  mecanismoTraslado: MecanismoTrasladoSchema.nullable(),
  imagen: ImagenActaSchema.nullable(),
  /** Epoch milliseconds. */
  acopioAt: z.number().int().nullable(),
  capturaAt: z.number().int().nullable(),
  verificacionAt: z.number().int().nullable(),
  /** COTEJADA: 0 not reviewed, 1 accepted at first, 2 accepted after a correction, 3 in a correction flow. */
  cotejada: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
});
export type ActaPublicada = z.infer<typeof ActaPublicadaSchema>;
