/**
 * Paths the API does not answer belong to the portal (the static assets). The asset server answers a path it
 * has no file for with an empty 404; a person who opened a mistyped or outdated link should read what happened
 * and where to go, so a miss of a page (GET or HEAD) is answered with the portal's own 404 page, still status 404.
 *
 * Done here rather than with wrangler.toml's `not_found_handling = "404-page"`: under `wrangler dev` that makes the
 * asset server answer every unknown path itself, `/__scheduled` included, which the cron tests need to reach the
 * Worker.
 */
import type { Context } from 'hono';
import type { EntornoApi } from './entorno.ts';

/** Where Astro writes site/pages/404.astro (auto-trailing-slash html handling serves `/404.html` as `/404`). */
export const RUTA_PAGINA_404 = '/404';

export async function servirPortal(c: Context<EntornoApi>): Promise<Response> {
  const r = await c.env.ASSETS.fetch(c.req.raw);
  if (r.status !== 404 || (c.req.method !== 'GET' && c.req.method !== 'HEAD')) return r;
  const pagina = await c.env.ASSETS.fetch(new Request(new URL(RUTA_PAGINA_404, c.req.url), { method: c.req.method }));
  if (!pagina.ok) return r;
  return new Response(pagina.body, { status: 404, headers: pagina.headers });
}
