/** Health and catalogue summary: what an operator checks first after `npm start` or a deploy. */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app.ts';
import { catalogueSummary } from '../../db/catalogo-resumen.ts';

export const CatalogueSummarySchema = z
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

const HealthSchema = z.object({ status: z.literal('ok'), catalogo: CatalogueSummarySchema }).openapi('Salud');

export const healthRoutes = new OpenAPIHono<AppEnv>().openapi(
  createRoute({
    method: 'get',
    path: '/health',
    tags: ['salud'],
    summary: 'The Worker is up; with the loaded catalogue totals',
    responses: { 200: { description: 'OK', content: { 'application/json': { schema: HealthSchema } } } },
  }),
  async (c) => c.json({ status: 'ok' as const, catalogo: await catalogueSummary(c.env.DB) }, 200),
);
