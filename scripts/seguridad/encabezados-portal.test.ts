import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CSP_API } from '../../worker/api/middleware/seguridad/politica.ts';
import { archivoEncabezados, CSP_SERVICIO, enLinea, MAX_LINEA, prohibidos, reglasSeguridad, rutaDeArchivo } from './encabezados-portal.ts';

const hash = (t: string) => createHash('sha256').update(t).digest('base64');
const pagina = (ruta: string, cuerpo: string) => ({ ruta, html: `<!doctype html><html><head>${cuerpo}</head><body></body></html>` });
const ADAPTADOR = '/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n';

/** The rule for `ruta` as header → value (unset lines as `!`). */
function regla(texto: string, ruta: string): Record<string, string> {
  const bloques = texto.split(/\n(?=\S)/).map((b) => b.split('\n'));
  const b = bloques.find((x) => x[0] === ruta)!;
  return Object.fromEntries(b.slice(1).filter((l) => l.trim() !== '').map((l) => (l.trim().startsWith('!') ? [l.trim(), '!'] : [l.split(': ')[0]!.trim(), l.slice(l.indexOf(': ') + 2)])));
}

describe('the portal’s _headers', () => {
  it('maps built files to the paths the assets server answers', () => {
    expect(['index.html', 'catd/acopio/index.html', 'widget.html'].map(rutaDeArchivo)).toEqual(['/', '/catd/acopio/', '/widget']);
  });

  it('hashes every inline script and style, not the external ones', () => {
    const h = enLinea('<script type="module" src="/_astro/a.js"></script><script>uno()</script><style>b{c:d}</style><script type="module">dos()</script>');
    expect(h).toEqual({ scripts: [hash('uno()'), hash('dos()')], estilos: [hash('b{c:d}')] });
  });

  it('keeps the adapter’s rule, closes everything by default, and gives each page its own CSP replacing it', () => {
    const texto = archivoEncabezados(ADAPTADOR, [pagina('/consulta/', '<script>x()</script><style>p{}</style>'), pagina('/', '')]);
    expect(texto.startsWith(ADAPTADOR)).toBe(true);
    expect(regla(texto, '/*')).toMatchObject({ 'Content-Security-Policy': CSP_API, 'X-Frame-Options': 'DENY', 'X-Content-Type-Options': 'nosniff' });
    const consulta = regla(texto, '/consulta/');
    expect(consulta['! Content-Security-Policy']).toBe('!');
    expect(consulta['Content-Security-Policy']).toContain(`script-src 'self' 'sha256-${hash('x()')}'; style-src 'self' 'sha256-${hash('p{}')}'`);
    expect(consulta['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(regla(texto, '/catd/*')['Permissions-Policy']).toMatch(/^camera=\(self\)/);
    expect(regla(texto, '/_astro/*')).toEqual({ 'Cache-Control': 'public, max-age=31536000, immutable' });
    expect(Object.keys(regla(texto, '/_astro/:modulo'))).toEqual(['! Content-Security-Policy', '! X-Frame-Options', '! Permissions-Policy', '! Referrer-Policy']);
    // The root page comes before /consulta/ (sorted), whatever order the pages were read in.
    expect(texto.indexOf('\n/\n')).toBeLessThan(texto.indexOf('\n/consulta/\n'));
  });

  it('lets a service worker fetch its own origin (the closed CSP would stop PREP Casilla reopening without signal)', () => {
    const texto = archivoEncabezados(ADAPTADOR, [pagina('/catd/casilla/', '')], ['/catd/casilla/sw.js']);
    expect(regla(texto, '/catd/casilla/sw.js')).toEqual({ '! Content-Security-Policy': '!', 'Content-Security-Policy': CSP_SERVICIO });
    expect(CSP_SERVICIO).toMatch(/^default-src 'self'/);
  });

  it('refuses to add a rule for a path the file already has (the platform would merge the two)', () => {
    expect(() => archivoEncabezados('/*\n  X-Otro: 1\n', [])).toThrow(/ya tiene reglas para \/\*/);
  });

  it('a rebuild into the same folder replaces its own rules and gives the same file', () => {
    const paginas = [pagina('/', '<script>x()</script>')];
    const una = archivoEncabezados(ADAPTADOR, paginas);
    expect(archivoEncabezados(una, paginas)).toBe(una);
  });

  it('the difusor widget, once it exists, is the one page other sites may frame', () => {
    const [, , , widget, otra] = reglasSeguridad([pagina('/difusor/widget/', ''), pagina('/eleccion/', '')]);
    expect(widget).toContain('  ! X-Frame-Options');
    expect(widget!.find((l) => l.includes('Content-Security-Policy:'))).toContain('frame-ancestors *');
    expect(otra).not.toContain('  ! X-Frame-Options');
    expect(otra!.find((l) => l.includes('Content-Security-Policy:'))).toContain("frame-ancestors 'none'");
  });

  it('refuses to build a page with what no hash can allow, or a line the platform would ignore', () => {
    expect(prohibidos('<button onclick="x()">a</button><p style="color:red">b</p><a href="javascript:x()">c</a>')).toEqual(['atributo onclick', 'atributo style', 'URL javascript:']);
    expect(prohibidos('<p>onclick="x()" es texto</p>')).toEqual([]);
    expect(() => reglasSeguridad([pagina('/', '<div style="x">')])).toThrow(/no caben en su CSP/);
    const muchos = Array.from({ length: 40 }, (_, i) => `<script>f${i}()</script>`).join('');
    expect(() => archivoEncabezados('', [pagina('/', muchos)])).toThrow(new RegExp(`exceden ${MAX_LINEA}`));
  });
});
