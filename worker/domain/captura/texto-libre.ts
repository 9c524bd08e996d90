/**
 * Free text a person types (a verifier's or supervisor's reason, an operator's name): stored in the audit log,
 * published (motivos of devoluciones) and shown on screens, so it holds printable characters only. Refused: C0
 * controls (NUL included) other than tab, line feed and carriage return (and those too in a one-line text), DEL
 * and the C1 controls (U+007F–U+009F), and lone UTF-16 surrogates (JSON can carry one as "\ud800": no UTF-8
 * encoder can write it, and a reader's decoder would turn it into U+FFFD, so the text published would not be the
 * text received).
 */
import { z } from 'zod';

// \p{Cc} is exactly C0, DEL and C1.
const CONTROL = /(?![\t\n\r])\p{Cc}/u;
const CONTROL_UNA_LINEA = /\p{Cc}/u;
const SUSTITUTO_SUELTO = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether `texto` is free of lone surrogates (String.prototype.isWellFormed, not yet in the ES2023 lib). */
export const bienFormado = (texto: string): boolean => !SUSTITUTO_SUELTO.test(texto);

/** A trimmed free text of min..max characters; `unaLinea` also refuses tab and line breaks. */
export function textoLibre(min: number, max: number, { unaLinea = false } = {}) {
  const control = unaLinea ? CONTROL_UNA_LINEA : CONTROL;
  return z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((t) => !control.test(t), {
      message: unaLinea ? 'no admite caracteres de control ni saltos de línea' : 'no admite caracteres de control (salvo tabulador y salto de línea)',
    })
    .refine(bienFormado, { message: 'no admite sustitutos UTF-16 sueltos (texto que no es Unicode válido)' });
}
