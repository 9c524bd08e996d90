/**
 * POST /api/v1/actas/{clave}/verificacion — a verifier resolves an acta whose captures disagree: with the figures
 * they confirm against the image (resolucion CAPTURA), or by sending it back to capture (RECAPTURA, with a
 * reason). Nobody who captured the acta may verify it. Equal captures never come here: they verify themselves.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { CapturaSchema } from '../../domain/acta/esquema.ts';
import { verificar, type Resolucion } from '../../domain/captura/captura.ts';
import { FechaHoraSchema } from '../../domain/captura/fecha.ts';
import { textoLibre } from '../../domain/captura/texto-libre.ts';
import type { EntornoApi } from '../entorno.ts';
import { entradaCaptura } from '../captura/rutas.ts';
import { aplicarPaso, sinTipo } from '../flujo/aplicar.ts';
import { alcanceDeActa } from '../flujo/alcance.ts';
import { EncabezadosEscrituraSchema } from '../flujo/encabezados.ts';
import { ClaveParamSchema, ERRORES_ESCRITURA, RESPUESTA_ACTA, SEGURIDAD } from '../flujo/openapi.ts';
import { escrituraJson } from '../middleware/index.ts';

const fechaHora = FechaHoraSchema.optional();

export const VerificacionBodySchema = z
  .discriminatedUnion('resolucion', [
    z.strictObject({ resolucion: z.literal('CAPTURA'), captura: CapturaSchema, fechaHora }),
    z.strictObject({ resolucion: z.literal('RECAPTURA'), motivo: textoLibre(3, 500), fechaHora }),
  ])
  .openapi('Verificacion');

const ruta = createRoute({
  method: 'post',
  path: '/api/v1/actas/{clave}/verificacion',
  tags: ['captura'],
  summary: 'Verificación: resolver capturas que no coinciden',
  security: SEGURIDAD,
  // Like a capture, it may go in one round trip on what the isolate remembers (flujo/sin-lectura.ts).
  middleware: escrituraJson('VERIFICACION', { actaDeRuta: true, sinLectura: 'VERIFICACION' }),
  request: {
    params: ClaveParamSchema,
    headers: EncabezadosEscrituraSchema,
    body: { required: true, content: { 'application/json': { schema: VerificacionBodySchema } } },
  },
  responses: { 200: { description: 'Acta verificada o devuelta a captura', ...RESPUESTA_ACTA }, ...ERRORES_ESCRITURA },
});

export const rutasVerificacion = new OpenAPIHono<EntornoApi>().openapi(ruta, async (c) => {
  const { clave } = c.req.valid('param');
  const body = c.req.valid('json');
  const resolucion: Resolucion =
    body.resolucion === 'CAPTURA' ? { resolucion: 'CAPTURA', captura: body.captura } : { resolucion: 'RECAPTURA', motivo: body.motivo };
  return aplicarPaso(c, {
    objetivo: { clave, fcIdentificacion: null, seccion: null },
    cuerpo: body,
    atCliente: body.fechaHora ?? null,
    alcance: alcanceDeActa,
    decidir: (inst, ctx) => verificar(entradaCaptura(inst), resolucion, ctx),
  }).then(sinTipo);
});
