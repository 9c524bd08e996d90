/**
 * Issue 14, defect 3: the security headers on every answer. The Worker's routes through the Worker (API, /datos,
 * /health, their 404s, refusals and errors); every page the build wrote through the static assets, as the
 * platform serves them with the `_headers` the build wrote: each page's CSP must allow exactly its own inline
 * scripts and styles (by hash) and nothing inline otherwise.
 */
import { env, exports } from 'cloudflare:workers';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { ESTILO } from '../../docs/pagina.ts';
import type { EntornoApi } from '../../entorno.ts';
import { encabezadosSeguridad } from './index.ts';
import { CSP_API, CSP_ARCHIVO, ENCABEZADOS_COMUNES, PREFIJO_ENMARCABLE, permisos } from './politica.ts';

// The pages of the last `astro build` (npm test builds first), read by Vite when the test is bundled.
const PAGINAS = import.meta.glob<string>('../../../../dist/client/**/*.html', { query: '?raw', import: 'default', eager: true });

const rutaDe = (archivo: string) => `/${archivo.split('/dist/client/')[1]!.replace(/index\.html$/, '')}`;

async function sha256(texto: string): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(texto));
  return btoa(String.fromCharCode(...new Uint8Array(d)));
}

/** A CSP as directive → sources. */
function directivas(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([n, ...v]) => [n!, v]));
}

function comunes(res: Response, donde: string): void {
  for (const [nombre, valor] of Object.entries(ENCABEZADOS_COMUNES)) {
    if (nombre === 'Permissions-Policy' && donde.startsWith('/catd/')) continue;
    if (nombre === 'X-Frame-Options' && donde.startsWith(PREFIJO_ENMARCABLE)) continue;
    expect(res.headers.get(nombre), `${nombre} en ${donde}`).toBe(valor);
  }
}

const fetchWorker = (ruta: string, init?: RequestInit) => exports.default.fetch(new Request(`http://prep.test${ruta}`, init));

describe('security headers on every route of the Worker', () => {
  const casos: [string, RequestInit | undefined][] = [
    ['/health', undefined],
    ['/api/v1/ping', undefined],
    ['/api/v1/cortes', undefined],
    ['/api/v1/cortes', { method: 'POST', headers: { authorization: 'Bearer prep_x_y' } }],
    ['/api/v1/no-existe', undefined],
    ['/api/v1/sesion', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"operador":' }],
    ['/api/v1/openapi.json', undefined],
    ['/datos/latest.json', undefined],
    ['/datos/aviso.json', undefined],
    ['/datos/latest.json', { method: 'OPTIONS', headers: { origin: 'https://difusor.example', 'access-control-request-method': 'GET' } }],
    ['/datos/%FF', undefined],
    [`/datos/${'x'.repeat(2_000)}`, undefined],
  ];

  it.each(casos.map(([ruta, init]) => [`${init?.method ?? 'GET'} ${ruta.slice(0, 40)}`, ruta, init] as const))('%s', async (_nombre, ruta, init) => {
    const res = await fetchWorker(ruta, init);
    await res.arrayBuffer();
    comunes(res, ruta);
    expect(res.headers.get('Content-Security-Policy'), ruta).toBe(CSP_API);
  });

  it('an acta image or PDF opened in a tab may be shown by the browser’s viewer, and nothing else', async () => {
    const app = new Hono<EntornoApi>().use(encabezadosSeguridad).get('/:tipo', (c) => c.body('x', 200, { 'content-type': c.req.param('tipo') === 'pdf' ? 'application/pdf' : 'image/png' }));
    for (const tipo of ['pdf', 'png']) {
      const res = await app.request(`/${tipo}`);
      comunes(res, tipo);
      expect(res.headers.get('Content-Security-Policy')).toBe(CSP_ARCHIVO);
    }
  });

  it('the API reference allows its one inline style by hash and nothing else', async () => {
    const res = await fetchWorker('/api/v1/docs');
    expect(res.status).toBe(200);
    comunes(res, '/api/v1/docs');
    const html = await res.text();
    expect(html).toContain(`<style>${ESTILO}</style>`);
    const csp = directivas(res.headers.get('Content-Security-Policy')!);
    expect(csp.get('style-src')).toEqual([`'sha256-${await sha256(ESTILO)}'`]);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });
});

describe('security headers on every page of the portal (dist, as the static assets serve it)', () => {
  const paginas = Object.entries(PAGINAS).map(([archivo, html]) => ({ ruta: rutaDe(archivo), html }));

  it('finds the built pages', () => {
    expect(paginas.map((p) => p.ruta)).toEqual(expect.arrayContaining(['/', '/consulta/', '/catd/entrar/', '/consola/']));
  });

  it('the difusor widget is the one page other sites may frame', () => {
    const enmarcables = paginas.filter((p) => p.ruta.startsWith(PREFIJO_ENMARCABLE)).map((p) => p.ruta);
    expect(enmarcables).toEqual(['/difusor/widget/']);
  });

  it.each(paginas.map((p) => [p.ruta, p.html]))('%s', async (ruta, html) => {
    const res = await env.ASSETS.fetch(new Request(`https://prep.test${ruta}`));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(html);
    comunes(res, ruta);
    if (ruta.startsWith('/catd/')) expect(res.headers.get('Permissions-Policy')).toBe(permisos(true));
    const cabecera = res.headers.get('Content-Security-Policy')!;
    // One policy, not the general one plus the page's (a comma would join two).
    expect(cabecera).not.toContain(',');
    const csp = directivas(cabecera);
    const enLinea = async (tipo: 'script' | 'style') => {
      const cuerpos = [...html.matchAll(new RegExp(`<${tipo}\\b([^>]*)>([\\s\\S]*?)</${tipo}>`, 'g'))].filter((m) => !/\ssrc=/.test(m[1]!)).map((m) => m[2]!);
      return [...new Set(await Promise.all(cuerpos.map(async (c) => `'sha256-${await sha256(c)}'`)))].sort();
    };
    expect(csp.get('script-src')).toEqual(["'self'", ...(await enLinea('script'))]);
    expect(csp.get('style-src')).toEqual(["'self'", ...(await enLinea('style'))]);
    const enmarcable = ruta.startsWith(PREFIJO_ENMARCABLE);
    // Any site may frame the difusor widget, and no other page (its CSP and the older browsers' X-Frame-Options).
    expect(csp.get('frame-ancestors')).toEqual([enmarcable ? '*' : "'none'"]);
    expect(res.headers.get('X-Frame-Options')).toBe(enmarcable ? null : 'DENY');
    expect(cabecera.replace('frame-ancestors *', '')).not.toMatch(/unsafe-|\*|https?:/);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(html).not.toMatch(/<[a-z][^<>]*\s(on[a-z]+|style)\s*=/i);
  });

  it('the scripts and styles carry nosniff, HSTS and their cache rule, not the headers only documents obey', async () => {
    const modulos = new Set(Object.values(PAGINAS).flatMap((html) => [...html.matchAll(/(?:src|href)="(\/_astro\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!)));
    expect(modulos.size).toBeGreaterThan(0);
    for (const ruta of modulos) {
      const res = await env.ASSETS.fetch(new Request(`https://prep.test${ruta}`));
      await res.arrayBuffer();
      expect(res.status, ruta).toBe(200);
      expect(res.headers.get('X-Content-Type-Options'), ruta).toBe('nosniff');
      // The adapter's cache rule for the same files is still there.
      expect(res.headers.get('Cache-Control'), ruta).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('Strict-Transport-Security'), ruta).toBe(ENCABEZADOS_COMUNES['Strict-Transport-Security']);
      for (const n of ['Content-Security-Policy', 'X-Frame-Options', 'Permissions-Policy', 'Referrer-Policy']) expect(res.headers.get(n), `${n} en ${ruta}`).toBeNull();
    }
  });

  it('a path with no page, a redirect and a file get the general headers and the closed CSP', async () => {
    for (const ruta of ['/no-existe/', '/acerca', '/identidad.json']) {
      const res = await env.ASSETS.fetch(new Request(`https://prep.test${ruta}`, { redirect: 'manual' }));
      comunes(res, ruta);
      expect(res.headers.get('Content-Security-Policy'), ruta).toBe(CSP_API);
    }
  });
});
