/**
 * The one Worker: the Hono API and the public shard routes answer first (wrangler.toml `run_worker_first`);
 * any other path is the Astro portal, served from the static assets. The cron publishes cortes when due.
 */
import { createApp } from './api/app.ts';
import { alProgramar } from './cortes/programado.ts';

const app = createApp();

export default {
  async fetch(request, env, ctx) {
    return app.fetch(request, env, ctx);
  },
  async scheduled(controller, env, _ctx) {
    await alProgramar(env, controller.scheduledTime);
  },
} satisfies ExportedHandler<Env>;
