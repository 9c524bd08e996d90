/**
 * Every answer of the Worker leaves with the security headers (politica.ts): API, /datos, /health, 404s and
 * errors alike. Mounted first, so it also sees what onError and notFound answered. A header the answer already
 * has is kept: the API reference sets its own CSP, and what the static assets answer (a /datos path no route
 * knows falls through to them) carries the portal's `_headers`.
 */
import type { MiddlewareHandler } from 'hono';
import type { EntornoApi } from '../../entorno.ts';
import { cspDeRespuesta, ENCABEZADOS_COMUNES } from './politica.ts';

export const encabezadosSeguridad: MiddlewareHandler<EntornoApi> = async (c, next) => {
  await next();
  const todos: [string, string][] = [...Object.entries(ENCABEZADOS_COMUNES), ['Content-Security-Policy', cspDeRespuesta(c.res.headers.get('content-type'))]];
  const faltan = todos.filter(([nombre]) => !c.res.headers.has(nombre));
  if (faltan.length === 0) return;
  try {
    for (const [nombre, valor] of faltan) c.res.headers.set(nombre, valor);
  } catch {
    // An answer fetched from a binding has immutable headers: copy it into one we may change (only such
    // answers are copied: one the Worker built may carry an already-compressed body it must not touch).
    const res = new Response(c.res.body, c.res);
    for (const [nombre, valor] of faltan) res.headers.set(nombre, valor);
    c.res = undefined;
    c.res = res;
  }
};
