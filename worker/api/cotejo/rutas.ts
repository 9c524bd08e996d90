/**
 * POST /api/v1/actas/{clave}/cotejo — a supervisor reviews a published acta against its image (docs/REGLAS.md §2.5):
 * ACEPTAR (COTEJADA 1), or sends it back for RECAPTURA / REDIGITALIZACION with a reason (COTEJADA 3; the last
 * verified figures stay published until the correction is verified, which makes it COTEJADA 2).
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { cotejar, type Cotejo } from '../../domain/captura/cotejo.ts';
import { FechaHoraSchema } from '../../domain/captura/fecha.ts';
import { textoLibre } from '../../domain/captura/texto-libre.ts';
import type { EntornoApi } from '../entorno.ts';
import { aplicarPaso, sinTipo } from '../flujo/aplicar.ts';
import { alcanceDeActa } from '../flujo/alcance.ts';
import { EncabezadosEscrituraSchema } from '../flujo/encabezados.ts';
import { ClaveParamSchema, ERRORES_ESCRITURA, RESPUESTA_ACTA, SEGURIDAD } from '../flujo/openapi.ts';
import { escrituraJson } from '../middleware/index.ts';

const fechaHora = FechaHoraSchema.optional();

export const CotejoBodySchema = z
  .discriminatedUnion('accion', [
    z.strictObject({ accion: z.literal('ACEPTAR'), fechaHora }),
    z.strictObject({ accion: z.enum(['RECAPTURA', 'REDIGITALIZACION']), motivo: textoLibre(3, 500), fechaHora }),
  ])
  .openapi('Cotejo');

const ruta = createRoute({
  method: 'post',
  path: '/api/v1/actas/{clave}/cotejo',
  tags: ['captura'],
  summary: 'Cotejo: aceptar un acta publicada o devolverla a corrección',
  security: SEGURIDAD,
  // Decided on the acta's state alone and written to D1 alone: it may go in one round trip (flujo/sin-lectura.ts).
  middleware: escrituraJson('COTEJO', { actaDeRuta: true, sinLectura: 'COTEJO' }),
  request: {
    params: ClaveParamSchema,
    headers: EncabezadosEscrituraSchema,
    body: { required: true, content: { 'application/json': { schema: CotejoBodySchema } } },
  },
  responses: { 200: { description: 'Cotejo registrado', ...RESPUESTA_ACTA }, ...ERRORES_ESCRITURA },
});

export const rutasCotejo = new OpenAPIHono<EntornoApi>().openapi(ruta, async (c) => {
  const { clave } = c.req.valid('param');
  const body = c.req.valid('json');
  const cotejo: Cotejo = body.accion === 'ACEPTAR' ? { accion: 'ACEPTAR' } : { accion: body.accion, motivo: body.motivo };
  return aplicarPaso(c, {
    objetivo: { clave, fcIdentificacion: null, seccion: null },
    cuerpo: body,
    atCliente: body.fechaHora ?? null,
    alcance: alcanceDeActa,
    decidir: (inst, ctx) => cotejar(inst.acta, cotejo, ctx),
  }).then(sinTipo);
});
