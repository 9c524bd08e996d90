/**
 * GET /api/v1/cola/{paso} — a CATD's work queue at one step, oldest first. A CATD operator sees its own CATD's
 * queue; CCV and institute operators see all actas, or one CATD's with ?catd=.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { CatdAlcance } from '../../domain/captura/permisos.ts';
import { ElementoColaSchema, PasoColaSchema, leerCola } from '../../db/captura-consulta.ts';
import type { EntornoApi } from '../entorno.ts';
import { ErrorApi } from '../errores.ts';
import { operadorDe } from '../flujo/aplicar.ts';
import { SEGURIDAD, respuestasError } from '../flujo/openapi.ts';
import { protegida } from '../middleware/index.ts';

const ColaSchema = z.object({ paso: PasoColaSchema, catd: z.string().nullable(), actas: z.array(ElementoColaSchema) }).openapi('Cola');

const ruta = createRoute({
  method: 'get',
  path: '/api/v1/cola/{paso}',
  tags: ['consulta'],
  summary: 'Cola de trabajo de un CATD en un paso (lo más antiguo primero)',
  security: SEGURIDAD,
  middleware: protegida('CONSULTA'),
  request: {
    params: z.object({ paso: PasoColaSchema.openapi({ param: { name: 'paso', in: 'path' } }) }),
    query: z.strictObject({
      catd: z.string().regex(/^[A-Z0-9-]{2,20}$/).optional(),
      limite: z.coerce.number().int().min(1).max(500).default(100),
    }),
  },
  responses: { 200: { description: 'Actas en espera', content: { 'application/json': { schema: ColaSchema } } }, ...respuestasError(400, 401, 403, 404, 429) },
});

async function catdDeLaCola(c: Context<EntornoApi>, pedido: string | undefined): Promise<CatdAlcance | null> {
  const op = operadorDe(c);
  if (op.ambito === 'CASILLA') throw new ErrorApi(403, 'AMBITO_NO_AUTORIZADO', 'Un dispositivo PREP Casilla no tiene cola de trabajo.');
  if (op.ambito === 'CATD') {
    if (op.catd === null || (pedido !== undefined && pedido !== op.catd.id)) {
      throw new ErrorApi(403, 'CATD_AJENO', `Solo puede consultar la cola de su propio CATD.`);
    }
    return op.catd;
  }
  if (pedido === undefined) return null;
  const fila = await c.env.DB.prepare(
    `SELECT id, ambito, territorio, (SELECT json_group_array(eleccion) FROM catd_eleccion WHERE catd = catd.id) AS elecciones FROM catd WHERE id = ?`,
  )
    .bind(pedido)
    .first<{ id: string; ambito: 'distrito' | 'municipio'; territorio: number; elecciones: string }>();
  if (fila === null) throw new ErrorApi(404, 'CATD_NO_ENCONTRADO', `No existe el CATD ${pedido}.`);
  return { ...fila, elecciones: JSON.parse(fila.elecciones) as string[] };
}

export const rutasCola = new OpenAPIHono<EntornoApi>().openapi(ruta, async (c) => {
  const { paso } = c.req.valid('param');
  const { catd: pedido, limite } = c.req.valid('query');
  const catd = await catdDeLaCola(c, pedido);
  return c.json({ paso, catd: catd?.id ?? null, actas: await leerCola(c.env.DB, paso, catd, limite) }, 200);
});
