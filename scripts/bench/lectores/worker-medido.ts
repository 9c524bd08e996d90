/**
 * Bench-only entry of the Worker (`npm run bench`, scripts/bench/lectores/medir.ts): the production Worker
 * (worker/index.ts) with its R2 binding wrapped in a counter, and one extra path that answers the counts:
 *   GET  /__medicion/r2  → ConteoR2 as JSON
 *   POST /__medicion/r2  → resets them (204)
 * Served by wrangler dev with the project's wrangler.toml (same bindings), never deployed.
 */
import produccion from '../../../worker/index.ts';
import { ContadorR2, RUTA_MEDICION } from './contador-r2.ts';

const contador = new ContadorR2();

export default {
  async fetch(request, env, ctx) {
    if (new URL(request.url).pathname === RUTA_MEDICION) {
      if (request.method === 'POST') {
        contador.reiniciar();
        return new Response(null, { status: 204 });
      }
      return Response.json(contador.leer(), { headers: { 'cache-control': 'no-store' } });
    }
    return produccion.fetch(request, { ...env, BUCKET: contador.envolver(env.BUCKET, 'fetch') }, ctx);
  },
  async scheduled(controller, env, ctx) {
    return produccion.scheduled(controller, { ...env, BUCKET: contador.envolver(env.BUCKET, 'scheduled') }, ctx);
  },
} satisfies ExportedHandler<Env>;
