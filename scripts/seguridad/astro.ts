/**
 * The build step that writes the portal's security headers: once Astro (and the Cloudflare adapter, whose cache
 * rule it keeps) has written the pages, every `.html` under the assets folder is read and `_headers` rewritten
 * with ./encabezados-portal.ts. It runs before the build identity, which digests `_headers` with the rest.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { archivoEncabezados, rutaDeArchivo, type Pagina } from './encabezados-portal.ts';

/** Every page of the assets folder, with the path it is served at. */
export function paginasDe(dir: string): Pagina[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => ({ ruta: rutaDeArchivo(f), html: readFileSync(path.join(dir, f), 'utf8') }));
}

/** Scripts served outside /_astro/ (the service workers pages register), with the path each is served at. */
export function serviciosDe(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(/[\\/]/).join('/'))
    .filter((f) => f.endsWith('.js') && !f.startsWith('_astro/') && !f.startsWith('_worker'))
    .map((f) => `/${f}`);
}

export function encabezadosDeSeguridad() {
  return {
    name: 'prep:encabezados-de-seguridad',
    hooks: {
      'astro:build:done': ({ dir, logger }: { dir: URL; logger: { info(t: string): void } }) => {
        const portal = fileURLToPath(dir);
        const archivo = path.join(portal, '_headers');
        const paginas = paginasDe(portal);
        writeFileSync(archivo, archivoEncabezados(existsSync(archivo) ? readFileSync(archivo, 'utf8') : '', paginas, serviciosDe(portal)));
        logger.info(`encabezados de seguridad: ${paginas.length} páginas con su CSP en _headers`);
      },
    },
  };
}
