/**
 * End to end: the portal built by Astro, served by `wrangler dev` (workerd, local D1 and R2) with the synthetic
 * Jalisco catalogue, driven by Debian's Chromium. Every view: real content, axe-core with no violations, no
 * horizontal scrolling at 360 px, screenshots at 360×740 and 1280×800 under test-results/e2e/.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json';
import { generateJalisco } from '../../data/generator/generate.ts';
import { catalogueSqlScript } from '../../worker/db/catalogue-load.ts';
import { DB_NAME } from '../../scripts/lib/local.ts';
import { abrirNavegador, capturar, desbordaHorizontal, nuevaPagina, violacionesAxe } from './lib/navegador.ts';
import { construirPortal, iniciarPila, type Pila } from './lib/pila.ts';

const sitio = mkdtempSync(path.join(tmpdir(), 'prep-e2e-site-'));
let pila: Pila;
let nav: Browser;

beforeAll(async () => {
  construirPortal(sitio);
  pila = await iniciarPila({
    assetsDir: path.join(sitio, 'client'),
    prepararDatos: ({ wrangler, persistTo }) => {
      const archivo = path.join(sitio, 'catalogo.sql');
      writeFileSync(archivo, catalogueSqlScript(generateJalisco(2024)));
      wrangler(['d1', 'execute', DB_NAME, '--local', '--persist-to', persistTo, '--yes', '--file', archivo]);
    },
  });
  nav = await abrirNavegador();
}, 240_000);

afterAll(async () => {
  await nav?.close();
  await pila?.parar();
  rmSync(sitio, { recursive: true, force: true });
});

/** Opens `ruta`, waits for `listo`, and runs the checks every view gets. */
async function revisarVista(page: Page, ruta: string, nombre: string, listo: string): Promise<void> {
  await page.goto(pila.url + ruta);
  await page.locator(listo).first().waitFor();
  expect(await violacionesAxe(page), `axe en ${ruta}`).toEqual([]);
  expect(await desbordaHorizontal(page), `desborde horizontal a 360 px en ${ruta}`).toBe(false);
  await capturar(page, nombre);
}

describe('portal on the local stack', () => {
  it('inicio: the legal notice, the catalogue from /health, and no corte yet', async () => {
    const { page, context } = await nuevaPagina(nav);
    const salud = (await (await fetch(`${pila.url}/health`)).json()) as { catalogo: { casillas: number; entidad: { nombre: string } } };
    await revisarVista(page, '/', 'inicio', '#catalogo-titulo');
    await expect(page.locator('.aviso').textContent()).resolves.toContain('no tienen efectos jurídicos');
    await expect(page.locator('#catalogo-titulo').textContent()).resolves.toContain(salud.catalogo.entidad.nombre);
    await expect(page.locator('#catalogo-titulo').textContent()).resolves.toContain('datos sintéticos');
    await expect(page.locator('.cifras').first().textContent()).resolves.toContain(
      new Intl.NumberFormat('es-MX').format(salud.catalogo.casillas),
    );
    await page.getByText('Aún no se ha publicado ningún corte.').waitFor();
    await context.close();
  }, 60_000);

  it('acerca: the rules and the deployed build version', async () => {
    const { page, context } = await nuevaPagina(nav);
    await revisarVista(page, '/acerca/', 'acerca', 'h1');
    await expect(page.locator('[data-version-paquete]').textContent()).resolves.toBe(pkg.version);
    await expect(page.locator('footer [data-version]').textContent()).resolves.toContain(pkg.version);
    await context.close();
  }, 60_000);

  it('datos abiertos: the zip contents, how to verify, the JSON API', async () => {
    const { page, context } = await nuevaPagina(nav);
    await revisarVista(page, '/datos-abiertos/', 'datos-abiertos', '#api');
    await expect(page.locator('main').textContent()).resolves.toContain('npm run verify');
    await page.getByText('Aún no se ha publicado ningún corte.').waitFor();
    await context.close();
  }, 60_000);

  it('consulta tu casilla: a labelled search form, usable from the keyboard', async () => {
    const { page, context } = await nuevaPagina(nav);
    await revisarVista(page, '/consulta/', 'consulta', 'form.consulta');
    await page.getByLabel('Número de sección', { exact: true }).focus();
    await page.keyboard.type('338');
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).search).toBe('?s=338');
    await context.close();
  }, 60_000);

  it('elección: says when nothing is published, and when the network fails, then recovers', async () => {
    const { page, context } = await nuevaPagina(nav);
    await page.clock.install();
    await revisarVista(page, '/eleccion/?e=GUB', 'eleccion-sin-corte', '.estado-corte');
    await page.getByText('Aún no se ha publicado ningún corte.').waitFor();

    // The network drops: the next poll (a minute later) fails and the view says so, without reloading.
    await context.route('**/datos/**', (r) => r.abort('internetdisconnected'));
    await page.clock.runFor(61_000);
    await page.locator('.estado-corte[data-estado="error"]').waitFor();
    await expect(page.locator('.estado-corte').textContent()).resolves.toContain('Sin conexión');
    expect(await violacionesAxe(page)).toEqual([]);

    await context.unroute('**/datos/**');
    await page.clock.runFor(61_000);
    await page.locator('.estado-corte[data-estado="al-dia"]').waitFor();
    await context.close();
  }, 60_000);

  it('elección without an election in the query string points back to inicio', async () => {
    const { page, context } = await nuevaPagina(nav);
    await revisarVista(page, '/eleccion/', 'eleccion-sin-parametros', 'h1');
    await expect(page.locator('h1').textContent()).resolves.toBe('Elección no indicada');
    await context.close();
  }, 60_000);

  // site/lib/publicacion.ts already reads the shards of worker/domain/corte/shards.ts; these need the rest of
  // issue 4 here: the public /datos routes, the corte job, and a way for a test to capture actas and publish a corte.
  it.todo('drills inicio → entidad → distrito → sección → acta; figures on screen equal the shards');
  it.todo('the acta image SHA-256 equals its published CODIGO_INTEGRIDAD');
  it.todo('consulta tu casilla shows the actas of a sección in every election');
  it.todo('downloads the corte zip; its SHA-256 and size equal the published ones');
  it.todo('a second corte published while the page is open updates it without reload');
  it.todo('entidad view first load ≤ 100 KB gzip (data included); sección view data ≤ 20 KB');
});
