/**
 * The institute's notice to every portal page (contract: worker/domain/contrato/aviso.ts): what an administrator
 * may publish, and the object written to `datos/aviso.json`.
 */
import { z } from 'zod';
import { MAXIMO_TEXTO_AVISO, NIVELES_AVISO, type Aviso } from '../contrato/aviso.ts';

// Control characters (line breaks included) would break the one-line banner and hide text from screen readers.
const SIN_CONTROL = /^[^\p{Cc}]*$/u;

export const PedidoAvisoSchema = z.strictObject({
  texto: z
    .string()
    .trim()
    .min(1, 'El aviso no puede estar vacío.')
    .max(MAXIMO_TEXTO_AVISO, `El aviso no puede pasar de ${MAXIMO_TEXTO_AVISO} caracteres.`)
    .regex(SIN_CONTROL, 'El aviso es una sola línea de texto, sin caracteres de control.'),
  nivel: z.enum(NIVELES_AVISO).default('informativo'),
});
export type PedidoAviso = z.infer<typeof PedidoAvisoSchema>;

export const AvisoSchema = z.strictObject({
  tipo: z.literal('aviso'),
  texto: z.string().min(1).max(MAXIMO_TEXTO_AVISO).nullable(),
  nivel: z.enum(NIVELES_AVISO),
  instante: z.number().int(),
});

export function avisoPublicado(p: PedidoAviso, instante: number): Aviso {
  return { tipo: 'aviso', texto: p.texto, nivel: p.nivel, instante };
}

export function avisoRetirado(instante: number): Aviso {
  return { tipo: 'aviso', texto: null, nivel: 'informativo', instante };
}
