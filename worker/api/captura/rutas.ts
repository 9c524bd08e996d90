/**
 * POST /api/v1/actas/{clave}/capturas — one capture of the acta's figures (docs/REGLAS.md §3), validated against the
 * acta's own ballot: every vote field of its election and territory, no other, each an integer ≥ 0, ILEGIBLE or
 * SIN_DATO, and the five totals. Two equal captures by different people verify the acta; different ones send it
 * to verification.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { CapturaSchema } from '../../domain/acta/esquema.ts';
import { capturar } from '../../domain/captura/captura.ts';
import { FechaHoraSchema } from '../../domain/captura/fecha.ts';
import type { Instantanea } from '../../db/captura-lectura.ts';
import type { EntornoApi } from '../entorno.ts';
import { aplicarPaso, sinTipo } from '../flujo/aplicar.ts';
import { alcanceDeActa } from '../flujo/alcance.ts';
import { EncabezadosEscrituraSchema } from '../flujo/encabezados.ts';
import { ClaveParamSchema, ERRORES_ESCRITURA, RESPUESTA_ACTA, SEGURIDAD } from '../flujo/openapi.ts';
import { escrituraJson } from '../middleware/index.ts';

export const CapturaBodySchema = z
  .strictObject({ ...CapturaSchema.shape, fechaHora: FechaHoraSchema.optional() })
  .openapi('Captura');

const ruta = createRoute({
  method: 'post',
  path: '/api/v1/actas/{clave}/capturas',
  tags: ['captura'],
  summary: 'Captura: las cifras del acta, una captura por persona',
  security: SEGURIDAD,
  // A capture may go in one round trip on what the isolate remembers (flujo/sin-lectura.ts).
  middleware: escrituraJson('CAPTURA', { actaDeRuta: true, sinLectura: 'CAPTURA' }),
  request: {
    params: ClaveParamSchema,
    headers: EncabezadosEscrituraSchema,
    body: { required: true, content: { 'application/json': { schema: CapturaBodySchema } } },
  },
  responses: { 200: { description: 'Captura registrada', ...RESPUESTA_ACTA }, ...ERRORES_ESCRITURA },
});

/** The acta's state and the captures of its current round. */
export function entradaCaptura(inst: Instantanea) {
  const ronda = inst.acta?.estado.ronda;
  return { actual: inst.acta, capturasRonda: inst.capturas.filter((k) => k.ronda === ronda), campos: inst.campos };
}

export const rutasCaptura = new OpenAPIHono<EntornoApi>().openapi(ruta, async (c) => {
  const { clave } = c.req.valid('param');
  const { fechaHora, ...captura } = c.req.valid('json');
  return aplicarPaso(c, {
    objetivo: { clave, fcIdentificacion: null, seccion: null },
    cuerpo: c.req.valid('json'),
    atCliente: fechaHora ?? null,
    alcance: alcanceDeActa,
    decidir: (inst, ctx) => capturar(entradaCaptura(inst), captura, ctx),
  }).then(sinTipo);
});
