/**
 * GET /api/v1/ping — does nothing and touches no binding: the floor of what a request to this Worker costs (routing,
 * the API's middleware, a JSON answer). The benchmark measures the capture routes next to it (docs/BENCHMARKS.md).
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { EntornoApi } from '../entorno.ts';

const PingSchema = z.object({ ok: z.literal(true) }).openapi('Ping');

export const rutasPing = new OpenAPIHono<EntornoApi>().openapi(
  createRoute({
    method: 'get',
    path: '/api/v1/ping',
    tags: ['salud'],
    summary: 'No-op: answers without reading or writing anything',
    responses: { 200: { description: 'OK', content: { 'application/json': { schema: PingSchema } } } },
  }),
  (c) => c.json({ ok: true as const }, 200, { 'cache-control': 'no-store' }),
);
