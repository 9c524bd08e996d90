/**
 * End to end, at 360 px: the datos abiertos page of a portal built from this tree, over a corte the cron published
 * (fixture catalogue and actas), links each election's CSVs of the newest corte and shows the pandas and R lines
 * with this portal's address; the links download the published bytes, plain to a client that asks for no
 * compression. Screenshots in test-results/e2e/datos-csv-*.png.
 */
import { mkdtempSync, rmSync, } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recetaPandas, recetaR, type Puntero } from '../../worker/domain/contrato/index.ts';
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
