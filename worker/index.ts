/**
 * The one Worker: the Hono API and the public shard routes answer first (wrangler.toml `run_worker_first`);
 * any other path is the Astro portal, served from the static assets.
 */
import { createApp } from './api/app.ts';

const app = createApp();

export default {
  async fetch(request, env, ctx) {
    return app.fetch(request, env, ctx);
  },
  async scheduled(_controller, _env, _ctx) {
    // The corte job is wired in by the cortes component.
  },
} satisfies ExportedHandler<Env>;
