/**
 * Every API error has one shape: {"error":{"code","message","details"}} with the matching HTTP status.
 * Handlers throw ErrorApi (or return errorDeRechazo); the app's onError turns anything else into a 500 in the same shape.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from '@hono/zod-openapi';

export const CuerpoErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'ACTA_NO_ENCONTRADA' }),
      message: z.string().openapi({ example: 'No existe el acta 140338B01004.' }),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');
export type CuerpoError = z.infer<typeof CuerpoErrorSchema>;

export class ErrorApi extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly details?: unknown;
  constructor(status: ContentfulStatusCode, code: string, message: string, details?: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function cuerpoError(code: string, message: string, details?: unknown): CuerpoError {
  return { error: { code, message, details: details ?? null } };
}

export function respuestaError(c: Context, err: ErrorApi): Response {
  return c.json(cuerpoError(err.code, err.message, err.details), err.status);
}
