import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { EntornoApi } from './entorno.ts';
import { RUTA_PAGINA_404, servirPortal } from './portal.ts';

/** An asset server with two pages: `/` and the portal's 404 page; anything else is its empty 404. */
function activos(): { fetch: (r: Request) => Promise<Response>; pedidas: string[] } {
  const pedidas: string[] = [];
  return {
    pedidas,
    fetch: async (r: Request) => {
      const ruta = new URL(r.url).pathname;
      pedidas.push(`${r.method} ${ruta}`);
      if (ruta === '/') return new Response('<h1>Inicio</h1>', { headers: { 'content-type': 'text/html' } });
      if (ruta === RUTA_PAGINA_404) return new Response('<h1>Esta página no existe</h1>', { headers: { 'content-type': 'text/html' } });
      return new Response(null, { status: 404 });
    },
  };
}

function app() {
  const a = new Hono<EntornoApi>();
  a.notFound(servirPortal);
  return a;
}

describe('servirPortal: the portal’s paths not answered by the API', () => {
  it('serves an existing page as the asset server answers it', async () => {
    const assets = activos();
    const r = await app().fetch(new Request('http://prep.test/'), { ASSETS: assets } as never);
    expect(r.status).toBe(200);
    expect(await r.text()).toBe('<h1>Inicio</h1>');
  });

  it('answers an unknown page with the portal’s 404 page, still status 404', async () => {
    const assets = activos();
    const r = await app().fetch(new Request('http://prep.test/resultados/gub'), { ASSETS: assets } as never);
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toBe('text/html');
    expect(await r.text()).toBe('<h1>Esta página no existe</h1>');
    expect(assets.pedidas).toEqual(['GET /resultados/gub', `GET ${RUTA_PAGINA_404}`]);
  });

  it('leaves other methods with the asset server’s own answer', async () => {
    const assets = activos();
    const r = await app().fetch(new Request('http://prep.test/resultados/gub', { method: 'POST' }), { ASSETS: assets } as never);
    expect(r.status).toBe(404);
    expect(await r.text()).toBe('');
    expect(assets.pedidas).toEqual(['POST /resultados/gub']);
  });
});
