// Guards against the adapter bug where prerendered pages build as "[object Object]" with a green build
// (withastro/astro#18009): build into a temporary folder and check every page's real content is there, and
// that no page ships more JavaScript than the budget (30 KB gzip per view on its first load, Preact included; 45 KB
// with what it loads on demand: a map, an acta's view). The entidad view, what a link to an election opens, has 20 KB
// for its first load (issue 15).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RAIZ, entornoDeConstruccion } from './lib/local.ts';
import { pesoJs } from '../test/e2e/lib/presupuesto.ts';
import pkg from '../package.json';

const out = mkdtempSync(path.join(tmpdir(), 'prep-build-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Every page of the portal: its file and text only that page has. */
const PAGINAS = [
  { ruta: '/', archivo: 'index.html', contiene: ['Programa de Resultados Electorales Preliminares', 'astro-island'] },
  // Rendered by the page's script, not an Astro island (site/pages/eleccion/index.astro).
  { ruta: '/eleccion/', archivo: 'eleccion/index.html', contiene: ['Resultados por elección · PREP', '<div id="eleccion"'] },
  { ruta: '/consulta/', archivo: 'consulta/index.html', contiene: ['Consulta tu casilla</h1>', 'astro-island'] },
  { ruta: '/datos-abiertos/', archivo: 'datos-abiertos/index.html', contiene: ['npm run verify', 'immutable', 'astro-island'] },
  { ruta: '/acerca/', archivo: 'acerca/index.html', contiene: ['Qué es el PREP', 'Calendario de publicación', `data-version-paquete>${pkg.version}<`] },
] as const;

const JS_MAX_GZIP = 30 * 1024;
const JS_MAX_GZIP_ENTIDAD = 20 * 1024;
const JS_MAX_GZIP_CON_DIFERIDO = 45 * 1024;

describe('astro build', () => {
  beforeAll(() => {
    const r = spawnSync(path.join(RAIZ, 'node_modules/.bin/astro'), ['build', '--silent', '--outDir', out], {
      cwd: RAIZ,
      env: entornoDeConstruccion,
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
  }, 120_000);

  it.each(PAGINAS)('renders $ruta with its real content, the legal notice and the navigation', ({ archivo, contiene }) => {
    const html = readFileSync(path.join(out, 'client', archivo), 'utf8');
    expect(html.includes('[object Object]')).toBe(false);
    expect(html.includes('lang="es-MX"')).toBe(true);
    expect(html.includes('no tienen efectos jurídicos')).toBe(true);
    // The main navigation (elections come from the data, so /eleccion/ is reached from inicio, not the menu).
    for (const ruta of ['/', '/consulta/', '/datos-abiertos/', '/acerca/']) expect(html.includes(`href="${ruta}"`), ruta).toBe(true);
    for (const texto of contiene) expect(html.includes(texto), texto).toBe(true);
  });

  it('writes the build version (package.json, plus the commit in a git checkout) on every page', () => {
    const html = readFileSync(path.join(out, 'client', 'acerca/index.html'), 'utf8');
    const commit = /data-version-commit>([^<]*)</.exec(html)?.[1];
    expect(commit === 'no disponible' || /^[0-9a-f]{12}$/.test(commit ?? '')).toBe(true);
    for (const p of PAGINAS) {
      expect(readFileSync(path.join(out, 'client', p.archivo), 'utf8').includes(`data-version>${pkg.version}`), p.ruta).toBe(true);
    }
  });

  it.each(PAGINAS)('keeps $ruta within 30 KB of JavaScript (gzip) on its first load (/eleccion/: 20 KB), 45 KB with what it loads on demand', ({ ruta, archivo }) => {
    const peso = pesoJs(path.join(out, 'client'), path.join(out, 'client', archivo));
    expect(peso.inicial, JSON.stringify(peso.modulos)).toBeLessThanOrEqual(ruta === '/eleccion/' ? JS_MAX_GZIP_ENTIDAD : JS_MAX_GZIP);
    expect(peso.total, JSON.stringify(peso.modulos)).toBeLessThanOrEqual(JS_MAX_GZIP_CON_DIFERIDO);
    // zod must never reach the browser (it alone is ~25 KB gzip): islands import domain types only.
    for (const m of peso.modulos) expect(readFileSync(path.join(out, 'client', m.archivo), 'utf8')).not.toContain('ZodError');
  });
});
