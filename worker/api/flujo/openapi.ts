/** OpenAPI pieces shared by the capture routes: the acta key parameter, the bearer scheme, the error answers. */
import { z } from '@hono/zod-openapi';
import { CuerpoErrorSchema } from '../errores.ts';
import { ActaVistaSchema } from './vista.ts';

export const ClaveParamSchema = z.object({
  clave: z
    .string()
    // A split casilla's part n is CLAVE_ACTA-n (docs/catalogo.md, partes.csv).
    .regex(/^(\d{6}[A-Z]\d{4}[0-9A-Z]{1,2}(-[2-9])?|FC-\d{1,12})$/, 'CLAVE_ACTA (p. ej. 140338B01004), CLAVE_ACTA-n de una parte o FC-<n>')
    .openapi({ param: { name: 'clave', in: 'path' }, example: '140338B01004' }),
});

/** A bearer token (machines) or the screens' session cookie (with X-CSRF-Token on writes): either one. */
export const SEGURIDAD: Record<string, string[]>[] = [{ bearer: [] }, { sesion: [] }];

const DESCRIPCION: Record<number, string> = {
  400: 'Solicitud mal formada (JSON, esquema, encabezados)',
  401: 'Sin token ni sesión; token malformado, inválido, revocado o expirado; sesión expirada o revocada',
  403: 'Rol, ámbito o territorio no autorizado; X-CSRF-Token ausente o distinto (sesión)',
  404: 'No existe el acta',
  409: 'Conflicto: etapa del acta, versión (If-Match), Idempotency-Key reutilizada, concurrencia, o publicación cerrada (CORTE_FINAL_PUBLICADO, CORTE_FINAL_EN_CURSO)',
  413: 'Cuerpo demasiado grande',
  415: 'Tipo de contenido no admitido',
  422: 'Datos que no corresponden al acta (boleta, clave, origen, SHA-256)',
  429: 'Límite de solicitudes por minuto excedido',
};

export function respuestasError(...codigos: number[]) {
  return Object.fromEntries(
    codigos.map((s) => [s, { description: DESCRIPCION[s] ?? 'Error', content: { 'application/json': { schema: CuerpoErrorSchema } } }]),
  );
}

export const ERRORES_ESCRITURA = respuestasError(400, 401, 403, 404, 409, 413, 415, 422, 429);

export const RESPUESTA_ACTA = {
  content: { 'application/json': { schema: ActaVistaSchema } },
  headers: { ETag: { description: 'Versión del acta', schema: { type: 'string' as const } } },
};
