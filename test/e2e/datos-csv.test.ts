/**
 * End to end, at 360 px: the datos abiertos page of a portal built from this tree, over a corte the cron published
 * (fixture catalogue and actas), links each election's CSVs of the newest corte and shows the pandas and R lines
 * with this portal's address; the links download the published bytes, plain to a client that asks for no
 * compression. Without JavaScript, inicio and datos abiertos still show the newest corte's summary and downloads,
 * rendered by the Worker. Screenshots in test-results/e2e/datos-csv-*.png and sin-script-*.png.
 */
import { mkdtempSync, rmSync, } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recetaPandas, recetaR, recetaRIne, type EntidadShard, type Puntero } from '../../worker/domain/contrato/index.ts';
import { entero, porcentaje } from '../../site/lib/formato.ts';
import { abrirNavegador, capturar, desbordaHorizontal, nuevaPagina, violacionesAxe } from './lib/navegador.ts';
import { construirPortal, type Pila } from './lib/pila.ts';
import { pilaConCorteDelCron } from './lib/pila-ejemplo.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'prep-e2e-datos-csv-'));
let pila: Pila;
let nav: Browser;
let p: Puntero;

beforeAll(async () => {
  construirPortal(path.join(dir, 'sitio'));
  pila = await pilaConCorteDelCron(dir, path.join(dir, 'sitio', 'client'));
  p = (await (await fetch(`${pila.url}/datos/latest.json`)).json()) as Puntero;
  nav = await abrirNavegador();
}, 300_000);

afterAll(async () => {
  await nav?.close();
  await pila?.parar();
  rmSync(dir, { recursive: true, force: true });
});

describe('datos abiertos: each election in a CSV', () => {
  it('links both CSVs of every election and shows the recipes with this address, at 360 px, without axe violations', async () => {
    const { context, page } = await nuevaPagina(nav);
    await page.goto(`${pila.url}/datos-abiertos/`);
    const lista = page.locator('#csv-eleccion');
    await lista.waitFor();
    for (const e of p.elecciones) {
      const li = lista.locator(`[data-eleccion="${e.codigo}"]`);
      await expect(li.locator('[data-csv-ordenado]').getAttribute('href')).resolves.toBe(`/${e.csv!.ordenado}`);
      await expect(li.locator('[data-csv-ine]').getAttribute('href')).resolves.toBe(`/${e.csv!.resultados}`);
    }
    const receta = { base: pila.url, entidad: p.entidad.id, eleccion: p.elecciones[0]!.codigo };
    await expect(page.locator('[data-receta="pandas"]').textContent()).resolves.toBe(recetaPandas(receta));
    await expect(page.locator('[data-receta="r"]').textContent()).resolves.toBe(recetaR(receta));
    await expect(page.locator('[data-receta="r-ine"]').textContent()).resolves.toBe(recetaRIne(receta));
    // What the tidy link gives, fetched as a client without compression: its header line first.
    const href = await lista.locator('[data-csv-ordenado]').first().getAttribute('href');
    const r = await page.request.get(`${pila.url}${href}`, { headers: { 'accept-encoding': 'identity' } });
    expect(r.headers()['content-encoding']).toBeUndefined();
    expect((await r.text()).startsWith('CLAVE_CASILLA,CLAVE_ACTA,')).toBe(true);
    expect(await desbordaHorizontal(page)).toBe(false);
    expect(await violacionesAxe(page)).toEqual([]);
    await capturar(page, 'datos-csv');
    await context.close();
  }, 120_000);
});

describe('without JavaScript', () => {
  it('inicio shows the newest corte’s answer and every election’s votes, nothing waiting for a script, at 360 px', async () => {
    const { context, page } = await nuevaPagina(nav, { javaScriptEnabled: false });
    await page.goto(`${pila.url}/`);
    const resumen = page.locator('[data-sin-script="inicio"]');
    await expect(resumen.isVisible()).resolves.toBe(true);
    for (const espera of ['Cargando…', 'Consultando el corte más reciente…', 'Cargando catálogo…']) {
      await expect(page.getByText(espera).isVisible()).resolves.toBe(false);
    }
    for (const e of p.elecciones) {
      const s = (await (await fetch(`${pila.url}/${e.ruta}`)).json()) as EntidadShard;
      const seccion = resumen.locator(`[data-eleccion="${e.codigo}"]`);
      await expect(seccion.locator('[data-cifra="contabilizadas"]').textContent({ timeout: 10_000 })).resolves.toBe(porcentaje(s.resultados.figuras.PORCENTAJE_ACTAS_CONTABILIZADAS));
      const [id, votos] = Object.entries(s.resultados.candidaturas).sort((a, b) => b[1] - a[1])[0]!;
      await expect(seccion.locator(`[data-candidatura="${id}"] td`).first().textContent({ timeout: 10_000 })).resolves.toBe(entero(votos));
    }
    await expect(resumen.locator('[data-respuesta="corte"]').textContent({ timeout: 10_000 })).resolves.toContain(`Corte ${p.numero}`);
    expect(await desbordaHorizontal(page)).toBe(false);
    await capturar(page, 'sin-script-inicio');
    await context.close();
  }, 120_000);

  it('the views that need it say so and lead to the summary and the downloads, with no empty screen', async () => {
    const { context, page } = await nuevaPagina(nav, { javaScriptEnabled: false });
    for (const ruta of ['/eleccion/?e=GUB', '/consulta/?s=1']) {
      await page.goto(`${pila.url}${ruta}`);
      const aviso = page.locator('main noscript + p, main p', { hasText: 'necesita JavaScript' }).first();
      await expect(aviso.isVisible(), ruta).resolves.toBe(true);
      await expect(aviso.locator('a[href="/"]').count(), ruta).resolves.toBe(1);
      await expect(aviso.locator('a[href="/datos-abiertos/"]').count(), ruta).resolves.toBe(1);
      // Nothing above it waits for a script: the island's place is not held.
      const arriba = await aviso.evaluate((el) => el.getBoundingClientRect().top);
      expect(arriba, ruta).toBeLessThan(740);
    }
    await context.close();
  }, 120_000);

  it('datos abiertos links the newest corte’s zip and CSVs, and the links download', async () => {
    const { context, page } = await nuevaPagina(nav, { javaScriptEnabled: false });
    await page.goto(`${pila.url}/datos-abiertos/`);
    const descargas = page.locator('[data-sin-script="descargas"]');
    await expect(descargas.locator('[data-zip]').getAttribute('href', { timeout: 10_000 })).resolves.toBe(`/${p.abiertos.ruta}`);
    for (const e of p.elecciones) {
      await expect(descargas.locator(`[data-eleccion="${e.codigo}"] [data-csv-ordenado]`).getAttribute('href', { timeout: 10_000 })).resolves.toBe(`/${e.csv!.ordenado}`);
    }
    // On the first screen: the islands' reserved places are not held without a script.
    expect(await descargas.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(740);
    const zip = await page.request.get(`${pila.url}/${p.abiertos.ruta}`);
    expect(zip.status()).toBe(200);
    expect(await desbordaHorizontal(page)).toBe(false);
    await capturar(page, 'sin-script-datos');
    await context.close();
  }, 120_000);
});
