/**
 * End to end, as a citizen on a phone (360×740): what the portal says when something goes wrong, and the help next
 * to its jargon. Without a network before any data, the page says it cannot connect and retries by itself — in
 * Spanish, no URL, no exception text, and without claiming to show data; after data, offline, it says the data on
 * screen is the last received and when, and keeps showing it; a link to an election, distrito or acta that does
 * not exist says so and links what exists; an unknown path gets the portal's 404 page with status 404; each term of
 * the Gubernatura sección view opens its definition (lib/ayuda.ts). axe-core on every state; screenshots under
 * test-results/e2e/.
 */
import { mkdtempSync, rmSync, } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generarJalisco } from '../../scripts/generador/generar.ts';
import { TERMINOS } from '../../site/lib/ayuda.ts';
import type { Termino } from '../../site/lib/terminos.ts';
import { etiquetaOffset } from '../../site/lib/formato.ts';
import { PunteroSchema, type Puntero } from '../../worker/domain/corte/shards.ts';
import { abrirNavegador, CAPTURAS, capturar, desbordaHorizontal, nuevaPagina, TAMANOS, violacionesAxe } from './lib/navegador.ts';
import type { Pila } from './lib/pila.ts';
import { pilaConPortal } from './lib/pila-ejemplo.ts';
import { ADMIN, api, capturar as capturarActas, planear } from './lib/siembra.ts';

const sitio = mkdtempSync(path.join(tmpdir(), 'prep-e2e-errores-'));
const cat = generarJalisco(2024);
const siembra = planear(cat);
let pila: Pila;
let nav: Browser;
let p: Puntero;

/** What a citizen must never read: English from the browser, a URL or path of the data, an HTTP code, an exception. */
const PROHIBIDO = /failed|fetch|networkerror|typeerror|error:|http|\/datos\/|\.json|undefined/i;

beforeAll(async () => {
  const montada = await pilaConPortal(cat, siembra, sitio);
  pila = montada.pila;
  const tokens = montada.tokens;
  const cliente = api(pila.url);
  await capturarActas(cliente, cat, tokens, siembra, siembra.actas.filter((a) => !siembra.segundoCorte.includes(a)));
  await publicarUnCorte(() => cliente.publicarCorte(tokens.get(ADMIN)!));
  p = PunteroSchema.parse(await (await fetch(`${pila.url}/datos/latest.json`)).json());
  nav = await abrirNavegador();
}, 300_000);

/**
 * `wrangler dev` reloads the Worker when a source file changes, and a POST it was answering then fails with 503
 * ("restarted mid-request"): while the pointer is not there, ask again.
 */
async function publicarUnCorte(publicar: () => Promise<unknown>): Promise<void> {
  for (let intento = 1; ; intento++) {
    try {
      expect(await publicar()).toMatchObject({ resultado: 'publicado', numero: 1 });
      return;
    } catch (e) {
      if ((await fetch(`${pila.url}/datos/latest.json`)).ok) return;
      if (intento === 3 || !String(e).includes('restarted mid-request')) throw e;
    }
  }
}

afterAll(async () => {
  await nav?.close();
  await pila?.parar();
  rmSync(sitio, { recursive: true, force: true });
});

/** The text as rendered (innerText): what a reader sees, without the closed helps' definitions. */
// biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is wanted here, not the DOM property.
const textoMain = (page: Page) => page.locator('main').innerText();

async function revisar(page: Page, nombre: string): Promise<void> {
  expect(await violacionesAxe(page), `axe en ${page.url()}`).toEqual([]);
  expect(await desbordaHorizontal(page), `desborde horizontal a 360 px en ${page.url()}`).toBe(false);
  await capturar(page, nombre);
}

describe('portal errors a citizen can see, in Spanish', () => {
  it('without a network before any data: cannot connect, retries by itself, shows nothing as if it were data', async () => {
    const { page, context } = await nuevaPagina(nav);
    await context.route('**/datos/**', (r) => r.abort('internetdisconnected'));
    await page.goto(`${pila.url}/eleccion/?e=GUB`);
    await page.locator('.estado-corte[data-estado="error"]').waitFor();
    const texto = await textoMain(page);
    expect(texto).toContain('Sin conexión: no se pudo contactar al servidor del PREP.');
    expect(texto).toContain('Todavía no se ha recibido ningún dato.');
    expect(texto).toContain('La página vuelve a intentarlo sola cada minuto');
    expect(texto).not.toMatch(/últimos datos|Cargando…/);
    expect(texto).not.toMatch(PROHIBIDO);
    await revisar(page, 'errores-sin-red');
    await context.close();
  }, 60_000);

  it('after data, offline: the last data received, when, and still on screen', async () => {
    const { page, context } = await nuevaPagina(nav);
    await page.clock.install();
    await page.goto(`${pila.url}/eleccion/?e=GUB&d=${siembra.distrito}&s=${siembra.secciones[0]!}`);
    await page.locator('#tabla-actas').waitFor();
    const filas = await page.locator('#tabla-actas tbody tr').count();
    expect(filas).toBeGreaterThan(0);

    await context.setOffline(true);
    await page.clock.runFor(61_000);
    await page.locator('.estado-corte[data-estado="error"]').waitFor();
    const texto = await textoMain(page);
    const offset = etiquetaOffset(p.entidad.utcOffsetMinutes).replace('+', '\\+');
    expect(texto).toMatch(new RegExp(`Se muestran los últimos datos recibidos, a las \\d{2}:\\d{2} \\(${offset}\\), hace `));
    expect(texto).toContain('La página vuelve a intentarlo sola cada minuto');
    expect(texto).not.toMatch(PROHIBIDO);
    // The figures stay on screen.
    expect(await page.locator('#tabla-actas tbody tr').count()).toBe(filas);
    await expect(page.locator('main dl.cifras').first().isVisible()).resolves.toBe(true);
    await revisar(page, 'errores-sin-red-con-datos');

    await context.setOffline(false);
    await page.clock.runFor(61_000);
    await page.locator('.estado-corte[data-estado="al-dia"]').waitFor();
    await context.close();
  }, 90_000);

  it('an election, distrito or acta that does not exist says so, with links to what exists', async () => {
    const { page, context } = await nuevaPagina(nav);
    await page.goto(`${pila.url}/eleccion/?e=NOEXISTE`);
    const aviso = page.locator('[data-no-existe="eleccion"]');
    await aviso.waitFor();
    const texto = await textoMain(page);
    expect(texto).toContain('La elección «NOEXISTE» no existe en este PREP.');
    expect(texto).not.toMatch(/Sin conexión|Cargando…/);
    expect(texto).not.toMatch(PROHIBIDO);
    const enlaces = await aviso.locator('a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(enlaces).toEqual(p.elecciones.map((e) => [e.nombre, `/eleccion/?e=${e.codigo}`]));
    await expect(page.locator('.estado-corte').getAttribute('data-estado')).resolves.toBe('al-dia');
    await revisar(page, 'errores-eleccion-no-existe');

    // A link from it opens the real election.
    await aviso.locator('a[href="/eleccion/?e=GUB"]').click();
    await page.locator('#tabla-territorios').waitFor();

    await page.goto(`${pila.url}/eleccion/?e=GUB&d=999`);
    await page.locator('[data-no-existe="distrito"]').waitFor();
    expect(await textoMain(page)).toContain('El distrito 999 no existe en esta elección.');
    await expect(page.locator('[data-no-existe="distrito"] a[href="/eleccion/?e=GUB"]').count()).resolves.toBe(1);

    const s = siembra.secciones[0]!;
    await page.goto(`${pila.url}/eleccion/?e=GUB&d=${siembra.distrito}&s=${s}&a=ZZZZZZZZZZZZ`);
    await page.locator('[data-no-existe="acta"]').waitFor();
    expect(await textoMain(page)).toContain('El acta con la clave ZZZZZZZZZZZZ no existe en esta sección.');
    await page.locator(`[data-no-existe="acta"] a[href="/eleccion/?e=GUB&d=${siembra.distrito}&s=${s}"]`).click();
    await page.locator('#tabla-actas').waitFor();

    // Consulta tu casilla with a sección the catálogo does not have.
    const existentes = new Set(cat.secciones.map((x) => x.id));
    const falta = Array.from({ length: 9999 }, (_, i) => i + 1).find((n) => !existentes.has(n))!;
    await page.goto(`${pila.url}/consulta/?s=${falta}`);
    await page.locator('[data-no-existe="seccion"]').waitFor();
    expect(await textoMain(page)).toContain(`La sección ${falta} no existe o no tiene casillas publicadas.`);
    await expect(page.locator('[data-no-existe="seccion"] a').count()).resolves.toBe(p.elecciones.length);
    await context.close();
  }, 90_000);

  it('an unknown path gets the portal’s 404 page, status 404, in Spanish, with a link home; the API keeps its JSON 404', async () => {
    const r = await fetch(`${pila.url}/resultados/gubernatura`);
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    const api404 = await fetch(`${pila.url}/api/v1/no-existe`);
    expect(api404.status).toBe(404);
    expect(api404.headers.get('content-type')).toMatch(/^application\/json/);

    const { page, context } = await nuevaPagina(nav);
    const respuesta = await page.goto(`${pila.url}/resultados/gubernatura`);
    expect(respuesta?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Esta página no existe');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es-MX');
    await expect(page.locator('main a[href="/"]').count()).resolves.toBe(1);
    expect(await textoMain(page)).not.toMatch(PROHIBIDO);
    await revisar(page, 'errores-404');
    await context.close();
  }, 60_000);
});

describe('help next to the jargon', () => {
  it('each term on the Gubernatura sección view opens its definition', async () => {
    const { page, context } = await nuevaPagina(nav);
    const s = siembra.secciones[0]!;
    await page.goto(`${pila.url}/eleccion/?e=GUB&d=${siembra.distrito}&s=${s}`);
    await page.locator('#tabla-actas').waitFor();
    const esperados: Termino[] = [
      'actas-esperadas',
      'actas-capturadas',
      'acta-contabilizada',
      'actas-no-contabilizadas',
      'actas-registradas',
      'fuera-de-catalogo',
      'inconsistencias',
      'casilla-especial',
      'lista-nominal',
      'participacion',
    ];
    const presentes = await page.locator('main details.ayuda').evaluateAll((ds) => ds.map((d) => d.getAttribute('data-ayuda')));
    for (const t of esperados) expect(presentes, t).toContain(t);

    for (const t of esperados) {
      const ayuda = page.locator(`main details.ayuda[data-ayuda="${t}"]`).first();
      const definicion = ayuda.locator('.definicion');
      await expect(definicion.isVisible()).resolves.toBe(false);
      // Its name says what it explains; it opens from the keyboard as from a tap.
      await expect(ayuda.locator('summary').textContent()).resolves.toContain(`Qué significa «${TERMINOS[t].nombre}»`);
      await ayuda.locator('summary').focus();
      await page.keyboard.press('Enter');
      await expect(definicion.isVisible()).resolves.toBe(true);
      // The glossary is fetched at the first opening.
      await expect.poll(() => definicion.textContent()).toBe(TERMINOS[t].definicion);
    }
    await revisar(page, 'ayuda-seccion-abierta');
    await page.setViewportSize(TAMANOS.movil);
    await page.locator('main dl.cifras').first().screenshot({ path: path.join(CAPTURAS, 'ayuda-cifras-abiertas-movil-360.png') });
    await context.close();
  }, 90_000);
});
