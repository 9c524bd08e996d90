/**
 * The security headers of every answer (issue 14, defect 3), in one place for both servers: the Worker's own
 * answers (API, /datos, /health, their 404s and errors: ./index.ts) and the portal's static pages, whose headers
 * the build writes into the assets' `_headers` (scripts/seguridad). Pure: no Hono, no I/O.
 */

/** What every answer carries, page or JSON. */
export const ENCABEZADOS_COMUNES: Readonly<Record<string, string>> = {
  // Two years, subdomains included; not `preload`: joining the browsers' list is the institute's decision for its domain.
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  // Same-origin requests keep the Referer (nothing needs it, but Origin stays a real origin on POST); other
  // sites never learn which sección or acta a person was looking at.
  'Referrer-Policy': 'same-origin',
  // For browsers without CSP frame-ancestors; a page that may be framed drops it (see enmarcable below).
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': permisos(false),
};

/**
 * Browser features: none, except the camera for the CATD screens (acopio reads the QR codes with it); same origin
 * only, and nothing can be framed from elsewhere anyway.
 */
export function permisos(camara: boolean): string {
  const apagados = ['accelerometer', 'geolocation', 'gyroscope', 'magnetometer', 'microphone', 'payment', 'usb'];
  return [`camera=(${camara ? 'self' : ''})`, ...apagados.map((f) => `${f}=()`)].join(', ');
}

/** A JSON (or empty) answer: it loads nothing, runs nothing and is framed nowhere. */
export const CSP_API = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * An acta image or PDF opened directly in a tab: the browser's own viewer shows it (the PDF viewer is a plugin,
 * which object-src governs), nothing else loads; the file itself was checked to carry no active content.
 */
export const CSP_ARCHIVO = "default-src 'none'; img-src 'self'; object-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The CSP of an answer the Worker made, by its type. */
export function cspDeRespuesta(contentType: string | null): string {
  return /^(image\/(jpeg|png)|application\/pdf)\b/i.test(contentType ?? '') ? CSP_ARCHIVO : CSP_API;
}

/** `'sha256-…'` source expressions, sorted and without repeats (the same build writes the same header). */
const fuentes = (hashes: readonly string[]) => [...new Set(hashes)].sort().map((h) => `'sha256-${h}'`);

/**
 * A portal page's policy: its own scripts and styles (files from the same origin) plus the inline ones it has,
 * by hash; data from the same origin (/datos, the API with the session cookie); images also as data: (the
 * favicon) and blob: (the photos the CATD screens show before sending them). `enmarcable`: the difusor widget,
 * the one page other sites may embed.
 */
export function cspPagina(p: { scripts: readonly string[]; estilos: readonly string[]; enmarcable: boolean }): string {
  return [
    "default-src 'self'",
    ['script-src', "'self'", ...fuentes(p.scripts)].join(' '),
    ['style-src', "'self'", ...fuentes(p.estilos)].join(' '),
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${p.enmarcable ? '*' : "'none'"}`,
  ].join('; ');
}

/** The reference page of the API (/api/v1/docs): one inline style, no script. */
export function cspReferencia(hashEstilo: string): string {
  return `default-src 'none'; style-src 'sha256-${hashEstilo}'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`;
}

/**
 * The pages other sites may frame: the difusor widget's (site/pages/difusor/widget/, issue 15), and no other, so
 * every other page refuses to be framed. A page under this path gets `frame-ancestors *` and no X-Frame-Options.
 */
export const PREFIJO_ENMARCABLE = '/difusor/widget/';

/** The pages whose Permissions-Policy lets them use the camera. */
export const PREFIJO_CAMARA = '/catd/';
