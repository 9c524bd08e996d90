/** Health and catalogue summary: what an operator checks first after `npm start` or a deploy. */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { EntornoApi } from '../entorno.ts';
import { resumenCatalogo } from '../../db/catalogo-resumen.ts';
import { entornoDe, identidadDe } from '../../cortes/identidad.ts';
import { EntornoSchema, IdentidadConstruccionSchema } from '../../domain/corte/shards.ts';
import { versionDe, VersionPlataformaSchema } from './version.ts';

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

export const SaludSchema = z
  .object({
    status: z.literal('ok'),
    entorno: EntornoSchema,
    construccion: IdentidadConstruccionSchema.nullable().openapi('IdentidadConstruccion'),
    version: VersionPlataformaSchema.nullable(),
    catalogo: ResumenCatalogoSchema,
  })
  .openapi('Salud');

export const rutasSalud = new OpenAPIHono<EntornoApi>().openapi(
  createRoute({
    method: 'get',
    path: '/health',
    tags: ['salud'],
    summary:
      'The Worker is up: its environment, its build identity (commit, Worker and portal SHA-256), the platform version that runs it (id, tag, upload time) and the loaded catalogue totals',
    responses: { 200: { description: 'OK', content: { 'application/json': { schema: SaludSchema } } } },
  }),
  async (c) =>
    c.json(
      {
        status: 'ok' as const,
        entorno: entornoDe(c.env),
        construccion: await identidadDe(c.env.ASSETS),
        version: versionDe(c.env.CF_VERSION_METADATA),
        catalogo: await resumenCatalogo(c.env.DB),
      },
      200,
    ),
);
