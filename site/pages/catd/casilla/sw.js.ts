// The PREP Casilla page's service worker, at /catd/casilla/sw.js so its scope is that page (see servicio.ts).
import type { APIRoute } from 'astro';
import { FUENTE_SERVICIO } from '../../../lib/catd/casilla/servicio.ts';

export const GET: APIRoute = () =>
  new Response(FUENTE_SERVICIO, { headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' } });
