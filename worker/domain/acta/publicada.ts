/**
 * The publishable state of one registered acta: everything a corte needs to classify it, count it and
 * publish its row. The capture API appends one of these to the publication log (D1 `acta_publicacion`)
 * each time an acta's public state changes; a corte at change sequence N takes, per acta, the latest
 * entry with seq ≤ N. The capture workflow's own tables are never read by the cortes.
 */
import { z } from 'zod';
import { COTEJADAS, DIGITALIZACIONES, MECANISMOS_TRASLADO, MIMES_IMAGEN, ORIGENES, TIPOS_DOCUMENTO } from '../contrato/index.ts';
import { TipoCasillaSchema } from '../catalogo/esquema.ts';
import { CapturaSchema, MotivoSinActaSchema } from './esquema.ts';

export type { ImagenActa } from '../contrato/index.ts';

export const OrigenSchema = z.enum(ORIGENES);
export const DigitalizacionSchema = z.enum(DIGITALIZACIONES);
/** docs/REGLAS.md §2: identity of the source document. */
export const TipoDocumentoSchema = z.enum(TIPOS_DOCUMENTO);
export const MecanismoTrasladoSchema = z.enum(MECANISMOS_TRASLADO);

export const ImagenActaSchema = z.strictObject({
  /** CODIGO_INTEGRIDAD: SHA-256 (hex) of the image bytes, computed by the server. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  mime: z.enum(MIMES_IMAGEN),
  origen: OrigenSchema,
  digitalizacion: DigitalizacionSchema,
  tipoDocumento: TipoDocumentoSchema,
});

/** COTEJADA: 0 not reviewed, 1 accepted at first, 2 accepted after a correction, 3 in a correction flow. */
export const CotejadaSchema = z.union(COTEJADAS.map((n) => z.literal(n)));

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
  cotejada: CotejadaSchema,
});
export type ActaPublicada = z.infer<typeof ActaPublicadaSchema>;
