/**
 * The workflow state of one registered acta (stored as JSON in D1 `acta.estado`), and the captures of its rounds.
 *
 * Stages (`etapa`):
 *   DIGITALIZACION  received (acopio) or sent back for re-digitization: waiting for an image
 *   CAPTURA         has an image: waiting for captures (two by different people)
 *   VERIFICACION    two captures disagree: waiting for a verifier (or a third capture)
 *   VERIFICADA      figures verified and published (a supervisor may still send it back: cotejo)
 *   SIN_ACTA        the package arrived without the acta: published as such, final
 * A round (`ronda`) is one set of captures; it restarts when a verifier or a supervisor sends the acta back.
 * Instants are epoch ms: `at` is the instant the client stated (`fechaHora`, for replays at accelerated time) or,
 * without one, the server's; `atServidor` is always the server's.
 */
import { z } from 'zod';
import { CapturaSchema, MotivoSinActaSchema } from '../acta/esquema.ts';
import {
  DigitalizacionSchema,
  IdentificacionSchema,
  MecanismoTrasladoSchema,
  OrigenSchema,
  TipoDocumentoSchema,
} from '../acta/publicada.ts';

export const EtapaSchema = z.enum(['DIGITALIZACION', 'CAPTURA', 'VERIFICACION', 'VERIFICADA', 'SIN_ACTA']);
export type Etapa = z.infer<typeof EtapaSchema>;

const Ms = z.number().int();

export const MimeImagenSchema = z.enum(['image/jpeg', 'image/png', 'application/pdf']);
export type MimeImagen = z.infer<typeof MimeImagenSchema>;

export const AcopioSchema = z.strictObject({
  at: Ms,
  atServidor: Ms,
  operador: z.string(),
  catd: z.string().nullable(),
  mecanismoTraslado: MecanismoTrasladoSchema.nullable(),
  motivoSinActa: MotivoSinActaSchema.nullable(),
});
export type Acopio = z.infer<typeof AcopioSchema>;

export const ImagenSchema = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  mime: MimeImagenSchema,
  bytes: z.number().int().min(1),
  origen: OrigenSchema,
  digitalizacion: DigitalizacionSchema,
  tipoDocumento: TipoDocumentoSchema,
  at: Ms,
  atServidor: Ms,
  operador: z.string(),
});
export type Imagen = z.infer<typeof ImagenSchema>;

export const VerificadaSchema = z.strictObject({
  captura: CapturaSchema,
  ronda: z.number().int().min(1),
  /** FECHA_HORA_CAPTURA: the capture that completed the round. */
  capturaAt: Ms,
  /** FECHA_HORA_VERIFICACION. */
  at: Ms,
  atServidor: Ms,
  /** The verifier; null when two equal captures verified it automatically. */
  operador: z.string().nullable(),
});
export type Verificada = z.infer<typeof VerificadaSchema>;

export const DevolucionSchema = z.strictObject({
  por: z.enum(['VERIFICACION', 'COTEJO']),
  accion: z.enum(['RECAPTURA', 'REDIGITALIZACION']),
  motivo: z.string(),
  operador: z.string(),
  at: Ms,
});

export const ActaEstadoSchema = z.strictObject({
  clave: z.string(),
  esperada: z.boolean(),
  identificacion: IdentificacionSchema,
  /** CLAVE_CASILLA; null for a fuera de catálogo identification that cannot form one. */
  casilla: z.string().nullable(),
  distrito: z.number().int().nullable(),
  municipio: z.number().int().nullable(),
  /** The ballot's territory (0 entidad, distrito or municipio); null when unknown (fuera de catálogo). */
  territorio: z.number().int().nullable(),
  catdRegistro: z.string().nullable(),
  registro: z.enum(['captura', 'sin_acta', 'fuera_catalogo']),
  etapa: EtapaSchema,
  etapaDesde: Ms,
  ronda: z.number().int().min(1),
  acopio: AcopioSchema.nullable(),
  imagen: ImagenSchema.nullable(),
  verificada: VerificadaSchema.nullable(),
  cotejada: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  /** The last send-back (verifier's recapture or supervisor's cotejo). */
  devolucion: DevolucionSchema.nullable(),
  /** Everyone who ever captured / verified this acta: nobody may do both. */
  capturistas: z.array(z.string()),
  verificadores: z.array(z.string()),
});
export type ActaEstado = z.infer<typeof ActaEstadoSchema>;

/** One capture as stored (D1 `captura`). */
export const CapturaRegistradaSchema = z.strictObject({
  ronda: z.number().int().min(1),
  n: z.number().int().min(1),
  operador: z.string(),
  captura: CapturaSchema,
  at: Ms,
  atServidor: Ms,
});
export type CapturaRegistrada = z.infer<typeof CapturaRegistradaSchema>;

/** The stored state with its optimistic-concurrency version. */
export interface ActaVersionada {
  estado: ActaEstado;
  version: number;
}
