/**
 * The PREP Casilla page must open without signal (a CAE closes the browser at the polling station and opens it
 * again with photos waiting). A service worker scoped to /catd/casilla/ keeps the page and the modules it loaded:
 * the page is taken from the network when there is one (a new deployment shows at once) and from the cache when
 * not; the hashed /_astro/ modules, which never change under the same name, from the cache first. API calls and
 * anything else are left alone. After loading, the page tells it which modules it used, so exactly those are kept.
 */
export const RUTA_SERVICIO = '/catd/casilla/sw.js';
export const PAGINA = '/catd/casilla/';

/** The service worker's source (served as /catd/casilla/sw.js by site/pages/catd/casilla/sw.js.ts). */
export const FUENTE_SERVICIO = `'use strict';
const CACHE = 'prep-casilla-v1';
const PAGINA = ${JSON.stringify(PAGINA)};
const guardar = (clave, r) => { if (r.ok) { const copia = r.clone(); caches.open(CACHE).then((c) => c.put(clave, copia)); } return r; };
self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.add(PAGINA)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));
self.addEventListener('message', (e) => {
  const lista = e.data && Array.isArray(e.data.modulos) ? e.data.modulos.filter((u) => typeof u === 'string' && u.startsWith('/_astro/')) : null;
  if (!lista) return;
  e.waitUntil(caches.open(CACHE).then(async (c) => {
    for (const r of await c.keys()) {
      const p = new URL(r.url).pathname;
      if (p.startsWith('/_astro/') && !lista.includes(p)) await c.delete(r);
    }
    await Promise.all(lista.map(async (u) => (await c.match(u)) || c.add(u).catch(() => {})));
  }));
});
self.addEventListener('fetch', (e) => {
  const r = e.request;
  if (r.method !== 'GET') return;
  const u = new URL(r.url);
  if (u.origin !== location.origin) return;
  if (r.mode === 'navigate' && u.pathname === PAGINA) {
    e.respondWith(fetch(r).then((x) => guardar(PAGINA, x)).catch(async () => (await caches.match(PAGINA)) || Response.error()));
  } else if (u.pathname.startsWith('/_astro/')) {
    e.respondWith(caches.match(u.pathname).then((m) => m || fetch(r).then((x) => guardar(u.pathname, x))));
  }
});
`;

/** Registers the service worker and tells it the modules this page loaded. Without support, nothing happens. */
export async function registrarServicio(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  try {
    await navigator.serviceWorker.register(RUTA_SERVICIO, { scope: PAGINA });
    const reg = await navigator.serviceWorker.ready;
    const modulos = performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name))
      .filter((u) => u.origin === location.origin && u.pathname.startsWith('/_astro/'))
      .map((u) => u.pathname);
    reg.active?.postMessage({ modulos: [...new Set(modulos)] });
  } catch {
    // Without a service worker the screen works online; only reopening it without signal needs one.
  }
}
