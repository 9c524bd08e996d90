/** Health and catalogue summary: what an operator checks first after `npm start` or a deploy. */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { EntornoApi } from '../entorno.ts';
import { resumenCatalogo } from '../../db/catalogo-resumen.ts';

/** The contract's `ResumenCatalogo` (route.test.ts checks that this schema infers exactly that type). */
export const ResumenCatalogoSchema = z
  .object({
    entidad: z.object({ id: z.number(), nombre: z.string(), sintetico: z.boolean(), utcOffsetMinutes: z.number() }).nullable(),
    elecciones: z.number(),
    distritos: z.number(),
    municipios: z.number(),
    secciones: z.number(),
    casillas: z.number(),
    actasEsperadas: z.number(),
    listaNominal: z.number(),
    catds: z.number(),
  })
  .openapi('ResumenCatalogo');

export const SaludSchema = z.object({ status: z.literal('ok'), catalogo: ResumenCatalogoSchema }).openapi('Salud');

export const rutasSalud = new OpenAPIHono<EntornoApi>().openapi(
  createRoute({
    method: 'get',
    path: '/health',
    tags: ['salud'],
    summary: 'The Worker is up; with the loaded catalogue totals',
    responses: { 200: { description: 'OK', content: { 'application/json': { schema: SaludSchema } } } },
  }),
  async (c) => c.json({ status: 'ok' as const, catalogo: await resumenCatalogo(c.env.DB) }, 200),
);
