/**
 * The portal's security headers as `_headers` rules for the static assets (issue 14, defect 3): the common ones
 * and a closed CSP for every answer of the assets (`/*`: files, redirects, 404s), then, for every page, its own CSP
 * allowing exactly the inline scripts and styles that page contains, by SHA-256. Pure: pages in, text out; the
 * build step that reads dist and writes the file is ./astro.ts.
 *
 * Rules are applied in file order and a later rule's `! Name` removes what an earlier one set, so a page's rule
 * replaces the general CSP rather than adding a second policy (a response with two CSPs enforces both).
 */
import { createHash } from 'node:crypto';
import {
  CSP_API,
  ENCABEZADOS_COMUNES,
  PREFIJO_CAMARA,
  PREFIJO_ENMARCABLE,
  cspPagina,
  permisos,
} from '../../worker/api/middleware/seguridad/politica.ts';

/**
 * Astro's hashed scripts and styles, one path segment under /_astro/. A placeholder rather than `/_astro/*`: the
 * platform keys rules by their path, so a second `/_astro/*` would replace the adapter's cache rule, in its place.
 */
export const RUTA_MODULOS = '/_astro/:modulo';
/** The headers that only a document (a page, a framed or opened file) obeys. */
export const SOLO_DOCUMENTOS = ['Content-Security-Policy', 'X-Frame-Options', 'Permissions-Policy', 'Referrer-Policy'];

/** The platform's limits on `_headers` (Workers static assets): longer lines and further rules are ignored. */
export const MAX_LINEA = 2000;
export const MAX_REGLAS = 100;

export interface Pagina {
  /** The path the page is served at: `/`, `/catd/acopio/`. */
  ruta: string;
  html: string;
}

/**
 * A service worker's script (PREP Casilla's /catd/casilla/sw.js) obeys the CSP it is served with: the closed one
 * would forbid the fetches it exists to make (the page and its modules, same origin), and the screen could not
 * reopen without signal.
 */
export const CSP_SERVICIO = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export interface EnLinea {
  scripts: string[];
  estilos: string[];
}

const sha256 = (texto: string) => createHash('sha256').update(texto, 'utf8').digest('base64');

/** The SHA-256 (base64) of every inline script and style element of a page, as the browser hashes them. */
export function enLinea(html: string): EnLinea {
  const r: EnLinea = { scripts: [], estilos: [] };
  for (const m of html.matchAll(/<(script|style)\b([^>]*)>([\s\S]*?)<\/\1\s*>/gi)) {
    if (m[1]!.toLowerCase() === 'script' && /\ssrc\s*=/i.test(m[2]!)) continue;
    (m[1]!.toLowerCase() === 'script' ? r.scripts : r.estilos).push(sha256(m[3]!));
  }
  return r;
}

/**
 * What a hash cannot allow: event-handler and style attributes, `javascript:` URLs. The build refuses a page with
 * any (it would silently not work under its CSP).
 */
export function prohibidos(html: string): string[] {
  const hallados = [...html.matchAll(/<[a-z][^<>]*?\s(on[a-z]+|style)\s*=/gi)].map((m) => `atributo ${m[1]}`);
  if (/\s(?:href|src|action)\s*=\s*["']?\s*javascript:/i.test(html)) hallados.push('URL javascript:');
  return hallados;
}

/** `dist/client/a/b/index.html` → `/a/b/`; `x.html` → `/x` (how the assets server answers them). */
export function rutaDeArchivo(relativa: string): string {
  const r = relativa.split(/[\\/]/).join('/');
  if (r === 'index.html') return '/';
  if (r.endsWith('/index.html')) return `/${r.slice(0, -'index.html'.length)}`;
  return `/${r.replace(/\.html$/, '')}`;
}

function regla(ruta: string, quitar: readonly string[], poner: Readonly<Record<string, string>>): string[] {
  return [ruta, ...quitar.map((n) => `  ! ${n}`), ...Object.entries(poner).map(([n, v]) => `  ${n}: ${v}`)];
}

/**
 * The rules, in order: general, camera for the CATD screens, the modules' trimmed set, then one per page (sorted:
 * same build, same file).
 */
export function reglasSeguridad(paginas: readonly Pagina[], servicios: readonly string[] = []): string[][] {
  const reglas = [
    regla('/*', [], { ...ENCABEZADOS_COMUNES, 'Content-Security-Policy': CSP_API }),
    regla(`${PREFIJO_CAMARA}*`, ['Permissions-Policy'], { 'Permissions-Policy': permisos(true) }),
    // Scripts and styles are never documents: of the headers, only nosniff and HSTS mean anything for them, and
    // the rest would add ~300 bytes to each of the dozen modules a page loads (docs/BENCHMARKS.md, page weight).
    regla(RUTA_MODULOS, SOLO_DOCUMENTOS, {}),
    ...[...servicios].sort().map((ruta) => regla(ruta, ['Content-Security-Policy'], { 'Content-Security-Policy': CSP_SERVICIO })),
  ];
  for (const p of [...paginas].sort((a, b) => (a.ruta < b.ruta ? -1 : a.ruta > b.ruta ? 1 : 0))) {
    const malos = prohibidos(p.html);
    if (malos.length > 0) throw new Error(`${p.ruta}: ${malos.join(', ')}: no caben en su CSP; muévalos a un script o a una hoja de estilo.`);
    const enmarcable = p.ruta.startsWith(PREFIJO_ENMARCABLE);
    const { scripts, estilos } = enLinea(p.html);
    reglas.push(
      regla(p.ruta, ['Content-Security-Policy', ...(enmarcable ? ['X-Frame-Options'] : [])], {
        'Content-Security-Policy': cspPagina({ scripts, estilos, enmarcable }),
      }),
    );
  }
  return reglas;
}

const MARCA = '# Security headers (scripts/seguridad/encabezados-portal.ts): general first, then each page replaces the CSP.';

/**
 * The `_headers` file: what was there (the adapter's cache rule) followed by the security rules; rules of an
 * earlier run (a build into a folder not emptied) are replaced, not repeated.
 */
export function archivoEncabezados(previo: string, paginas: readonly Pagina[], servicios: readonly string[] = []): string {
  const propias = reglasSeguridad(paginas, servicios);
  const ajeno = previo.includes(MARCA) ? previo.slice(0, previo.indexOf(MARCA)) : previo;
  const repetidas = propias.map((r) => r[0]!).filter((ruta) => ajeno.split('\n').includes(ruta));
  if (repetidas.length > 0) throw new Error(`_headers ya tiene reglas para ${repetidas.join(', ')}: la plataforma las fundiría con las de seguridad.`);
  const lineas = [
    ...(ajeno.trim() === '' ? [] : [ajeno.trimEnd(), '']),
    MARCA,
    ...propias.flat(),
  ];
  const largas = lineas.filter((l) => l.length > MAX_LINEA);
  if (largas.length > 0) throw new Error(`_headers: ${largas.length} línea(s) exceden ${MAX_LINEA} caracteres (la plataforma las ignora).`);
  const reglas = lineas.filter((l) => l.startsWith('/') || l.startsWith('https://')).length;
  if (reglas > MAX_REGLAS) throw new Error(`_headers: ${reglas} reglas; la plataforma aplica solo ${MAX_REGLAS}.`);
  return `${lineas.join('\n')}\n`;
}
