/**
 * Why the capture workflow refuses a request, as a value. The HTTP layer maps `tipo` to a status in one table
 * (worker/api/flujo/respuesta.ts): NO_ENCONTRADO 404, PROHIBIDO 403, CONFLICTO 409, INVALIDO 422.
 */
import { z } from 'zod';

export const TipoRechazoSchema = z.enum(['NO_ENCONTRADO', 'PROHIBIDO', 'CONFLICTO', 'INVALIDO']);
export type TipoRechazo = z.infer<typeof TipoRechazoSchema>;

export interface Rechazo {
  tipo: TipoRechazo;
  /** UPPER_SNAKE code, stable for clients. */
  code: string;
  /** Spanish, for the operator. */
  message: string;
  details?: unknown;
}

export const rechazo = (tipo: TipoRechazo, code: string, message: string, details?: unknown): Rechazo => ({
  tipo,
  code,
  message,
  ...(details === undefined ? {} : { details }),
});
