/**
 * Two portal pages for a reader without JavaScript (issue 15). Inicio's summary and datos abiertos' downloads are
 * islands that fetch the shards, so without scripts one said "Cargando…" forever and the other offered no link.
 * The Worker answers these pages first (wrangler.toml `run_worker_first`): the built page, with the newest corte
 * rendered into its `<noscript id="sin-script">` by the portal's own components (site/components/*SinScript.tsx).
 * A browser running scripts ignores that element, so the islands are untouched.
 *
 * The shards are read through the public routes, so from this location's edge cache, and each page's HTML is
 * rendered once per corte per isolate. Without a published corte, or if a read fails, the page goes out as built
 * (its <noscript> says what it would show): the portal never fails because of this.
 */
import type { Context } from 'hono';
import { render } from 'preact-render-to-string';
import { h } from 'preact';
import { RUTA_LATEST_RAIZ, VERSION_SHARDS, type EntidadShard, type Puntero } from '../domain/contrato/index.ts';
import DescargasSinScript from '../../site/components/DescargasSinScript.tsx';
import InicioSinScript from '../../site/components/InicioSinScript.tsx';
import type { VistaInicio } from '../../site/lib/modelo.ts';
import type { EntornoApi } from './entorno.ts';
import { rutasPublico } from './publico/rutas.ts';

/** The element of the built page the corte is rendered into (site/pages/index.astro, datos-abiertos). */
export const SELECTOR_SIN_SCRIPT = 'noscript#sin-script';

type Leer = <T extends { tipo: string; version: number }>(ruta: string, tipo: T['tipo']) => Promise<T | null>;

/** The pages rendered here, by path: each one's HTML of a corte. */
const PAGINAS: Record<string, (p: Puntero, leer: Leer) => Promise<string>> = {
  '/': async (p, leer) => render(h(InicioSinScript, { datos: await vistaInicio(p, leer), simulacro: p.simulacro })),
  '/datos-abiertos/': async (p) => render(h(DescargasSinScript, { p })),
};

/** What inicio's island shows (site/lib/publicacion.ts `cargarInicio`), from the same shards. */
async function vistaInicio(p: Puntero, leer: Leer): Promise<VistaInicio> {
  const shards = await Promise.all(p.elecciones.map((e) => leer<EntidadShard>(e.ruta, 'entidad')));
  return {
    corte: { numero: p.numero, instante: p.instante, offsetMinutes: p.entidad.utcOffsetMinutes, final: p.final, entidad: p.entidad },
    elecciones: shards.map((s, i) => {
      if (!s) throw new Error(`no se pudo leer ${p.elecciones[i]!.ruta}`);
      return { eleccion: s.eleccion, catalogo: { ...s.catalogo, candidatos: s.candidatos }, ...s.resultados };
    }),
  };
}

/** A published JSON object through the public routes (edge cache), plain; null when absent or of another shape. */
function lectorPublico(c: Context<EntornoApi>): Leer {
  return async <T extends { tipo: string; version: number }>(ruta: string, tipo: T['tipo']) => {
    const r = await rutasPublico.fetch(new Request(new URL(`/${ruta}`, c.req.url), { headers: { 'accept-encoding': 'identity' } }), c.env, c.executionCtx);
    if (!r.ok) return null;
    const o = (await r.json()) as T;
    return o.tipo === tipo && o.version === VERSION_SHARDS ? o : null;
  };
}

/** Each page's HTML of the newest corte this isolate rendered (a corte's shards never change). */
const renderizadas = new Map<string, { corte: string; html: string }>();

async function htmlDelCorte(ruta: string, leer: Leer): Promise<{ corte: string; html: string } | null> {
  const p = await leer<Puntero>(RUTA_LATEST_RAIZ, 'puntero');
  if (!p) return null;
  const previa = renderizadas.get(ruta);
  if (previa?.corte === p.manifiesto.sha256) return previa;
  const hecha = { corte: p.manifiesto.sha256, html: await PAGINAS[ruta]!(p, leer) };
  renderizadas.set(ruta, hecha);
  return hecha;
}

/** The page's validator: the built page's and the corte's (either changing makes another page). */
const etagCon = (etag: string, corte: string) => `"${etag.replace(/^W\//, '').replaceAll('"', '')}-${corte.slice(0, 16)}"`;

const CONDICIONALES = ['if-none-match', 'if-modified-since', 'if-match', 'if-unmodified-since', 'range', 'if-range'];

/** The built page with the newest corte in its <noscript>. */
export async function servirSinScript(c: Context<EntornoApi>): Promise<Response> {
  // The asset server's answer to a conditional request may be a bodiless 304 for the built page alone.
  const pedida = new Request(c.req.raw, { method: 'GET' });
  for (const n of CONDICIONALES) pedida.headers.delete(n);
  const pagina = await c.env.ASSETS.fetch(pedida);
  if (pagina.status !== 200 || !(pagina.headers.get('content-type') ?? '').startsWith('text/html')) return pagina;
  let hecha: { corte: string; html: string } | null = null;
  try {
    hecha = await htmlDelCorte(c.req.path, lectorPublico(c));
  } catch (e) {
    console.error('portal sin script: se sirve la página sin el corte', e);
  }
  if (!hecha) return pagina;
  const headers = new Headers(pagina.headers);
  headers.delete('content-length');
  const etag = etagCon(pagina.headers.get('etag') ?? '', hecha.corte);
  headers.set('etag', etag);
  const inm = c.req.header('if-none-match');
  if (inm?.split(',').some((x) => x.trim().replace(/^W\//, '') === etag)) return new Response(null, { status: 304, headers });
  const html = hecha.html;
  const reescrita = new HTMLRewriter().on(SELECTOR_SIN_SCRIPT, { element: (e) => void e.setInnerContent(html, { html: true }) }).transform(new Response(pagina.body, { headers }));
  return c.req.method === 'HEAD' ? new Response(null, { headers }) : reescrita;
}
