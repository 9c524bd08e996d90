/**
 * GET /api/v1/docs — a plain reference page rendered on the server from the same OpenAPI document as
 * /api/v1/openapi.json (no external scripts or styles): every operation with its parameters, body and answers.
 */
type Json = Record<string, unknown>;

const esc = (s: unknown) =>
  String(s ?? '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** The page's one inline style: its CSP allows exactly this text, by hash (worker/api/docs/rutas.ts). */
export const ESTILO = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
code,pre{font-family:ui-monospace,monospace}pre{background:#f4f4f4;padding:.75rem;overflow:auto;font-size:.85rem}
section{border-top:1px solid #ccc;padding-top:.5rem}`;

const METODOS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function bloque(titulo: string, valor: unknown): string {
  if (valor === undefined) return '';
  return `<details><summary>${esc(titulo)}</summary><pre>${esc(JSON.stringify(valor, null, 2))}</pre></details>`;
}

const CREDENCIAL: Record<string, string> = { bearer: 'token Bearer', sesion: 'sesión (cookie; X-CSRF-Token salvo en GET/HEAD)' };

/** "Requiere …" from the operation's security requirements (any one of them suffices). */
function requiere(op: Json): string {
  if (!Array.isArray(op.security)) return '';
  const nombres = (op.security as Json[]).flatMap((r) => Object.keys(r)).map((k) => CREDENCIAL[k] ?? k);
  return nombres.length === 0 ? '' : `<p><em>Requiere ${esc(nombres.join(' o '))}.</em></p>`;
}

function operacion(ruta: string, metodo: string, op: Json): string {
  const respuestas = Object.entries((op.responses ?? {}) as Record<string, Json>)
    .map(([s, r]) => `<li><code>${esc(s)}</code> ${esc(r.description)}</li>`)
    .join('');
  const id = `${metodo}-${ruta}`.replace(/[^a-zA-Z0-9]+/g, '-');
  return `<section id="${esc(id)}"><h3><code>${esc(metodo.toUpperCase())} ${esc(ruta)}</code></h3>
<p>${esc(op.summary)}</p>${requiere(op)}
${bloque('Parámetros', op.parameters)}${bloque('Cuerpo', op.requestBody)}<ul>${respuestas}</ul></section>`;
}

export function paginaReferencia(doc: Json): string {
  const paths = (doc.paths ?? {}) as Record<string, Record<string, Json>>;
  const ops = Object.entries(paths).flatMap(([ruta, item]) =>
    METODOS.filter((m) => item[m]).map((m) => ({ ruta, metodo: m, op: item[m]! })),
  );
  const info = (doc.info ?? {}) as Json;
  const indice = ops.map((o) => `<li><a href="#${esc(`${o.metodo}-${o.ruta}`.replace(/[^a-zA-Z0-9]+/g, '-'))}"><code>${esc(o.metodo.toUpperCase())} ${esc(o.ruta)}</code></a> ${esc(o.op.summary)}</li>`).join('');
  const componentes = (doc.components ?? {}) as Json;
  return `<!doctype html><html lang="es"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(info.title)} — referencia</title>
<style>${ESTILO}</style></head><body>
<h1>${esc(info.title)} <small>v${esc(info.version)}</small></h1><p>${esc(info.description)}</p>
<p>Documento OpenAPI: <a href="/api/v1/openapi.json"><code>/api/v1/openapi.json</code></a>. Errores:
<code>{"error":{"code","message","details"}}</code>.</p>
<h2>Operaciones</h2><ul>${indice}</ul>${ops.map((o) => operacion(o.ruta, o.metodo, o.op)).join('\n')}
<h2>Esquemas</h2>${bloque('Componentes', componentes.schemas)}</body></html>`;
}
