/**
 * End to end, on a phone (360×740): the acta view puts its image near the top and opens it at full size, keeps
 * every figure on one line, shows the SHA-256 in a few lines and hides the combinations without votes until asked;
 * a municipio's table of secciones draws one page of rows, narrows by what is typed, still sorts over every row, and
 * says when it scrolls sideways. Figures are checked against the published shards. Screenshots at 360×740 and
 * 1280×800 under test-results/e2e/; the page heights measured are printed.
 */
import { mkdtempSync, rmSync, } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generarJalisco } from '../../scripts/generador/generar.ts';
import { actaDeFila, filasDeSecciones, leerActa, resultadosDeFila, rutaShard, shardIds, tablaDeBloque } from '../../worker/domain/contrato/index.ts';
import { EntidadShardSchema, HistorialSchema, PunteroSchema, TerritorioShardSchema, type Puntero } from '../../worker/domain/corte/shards.ts';
import { esCombinacion } from '../../site/lib/acta.ts';
import { entero } from '../../site/lib/formato.ts';
import { abrirNavegador, capturar, desbordaHorizontal, nuevaPagina, violacionesAxe } from './lib/navegador.ts';
import type { Pila } from './lib/pila.ts';
import { leerJson, pilaConPortal } from './lib/pila-ejemplo.ts';
import { seccionDelCorte } from './lib/seccion-corte.ts';
import { idPuesto, type Puesto } from '../../scripts/simulacro/personal.ts';
import { imprentaDe } from '../../scripts/simulacro/imagen.ts';
import type { ActaEsperada } from '../../worker/domain/acta/esperadas.ts';
import { ADMIN, api, capturar as capturarActas, figurasPara, planear, type Api } from './lib/siembra.ts';

const sitio = mkdtempSync(path.join(tmpdir(), 'prep-e2e-acta-tablas-'));
const cat = generarJalisco(2024);
const siembra = planear(cat);
const ALTO_PANTALLA = 740;
/** More than the 10 cortes datos abiertos lists at first. */
const CORTES = 12;
let pila: Pila;
let nav: Browser;
const alturas: Record<string, number> = {};
/** A GUB acta captured as most actas of a real night read: every coalition combination without votes. */
const sinCombinaciones = siembra.actas.find((a) => a.eleccion.codigo === 'GUB' && a.casilla.tipo !== 'S' && a !== siembra.ilegible && !siembra.verificadas.includes(a))!;

/** Takes `a` through acopio, digitalización and two agreeing captures, its combinations' votes moved to its first party. */
async function capturarSinCombinaciones(cliente: Api, tokens: ReadonlyMap<string, string>, a: ActaEsperada): Promise<void> {
  const catd = cat.catds.find(
    (x) => x.elecciones.includes(a.eleccion.codigo) && x.territorio === (x.ambito === 'distrito' ? a.seccion.distrito : a.seccion.municipio),
  )!;
  const token = (p: Puesto) => tokens.get(idPuesto(catd.id, p))!;
  const captura = figurasPara(a);
  const votos = { ...captura.votos };
  const primero = a.boleta.columnas.find((c) => !esCombinacion(c, cat))!;
  for (const c of a.boleta.columnas.filter((x) => esCombinacion(x, cat))) {
    votos[primero] = (votos[primero] as number) + (votos[c] as number);
    votos[c] = 0;
  }
  const final = { ...captura, votos };
  await cliente.recibir(token('acopio'), a.clave, { mecanismoTraslado: 'F' });
  await cliente.digitalizar(token('dig'), a.clave, imprentaDe(cat).imagen(a, final, 'CATD'));
  await cliente.capturar(token('cap1'), a.clave, final);
  expect((await cliente.capturar(token('cap2'), a.clave, final)).etapa).toBe('VERIFICADA');
}

beforeAll(async () => {
  const montada = await pilaConPortal(cat, siembra, sitio);
  pila = montada.pila;
  const tokens = montada.tokens;
  nav = await abrirNavegador();
  const cliente = api(pila.url);
  // The night in CORTES cortes, each with a share of the actas (so datos abiertos has more than a page of them).
  const resto = siembra.actas.filter((a) => a !== sinCombinaciones);
  const corte = (i: number) => Math.floor((i * resto.length) / (CORTES - 1));
  for (let i = 0; i < CORTES - 1; i++) {
    await capturarActas(cliente, cat, tokens, siembra, resto.slice(corte(i), corte(i + 1)));
    expect(await cliente.publicarCorte(tokens.get(ADMIN)!)).toMatchObject({ resultado: 'publicado', numero: i + 1 });
  }
  await capturarSinCombinaciones(cliente, tokens, sinCombinaciones);
  expect(await cliente.publicarCorte(tokens.get(ADMIN)!)).toMatchObject({ resultado: 'publicado', numero: CORTES });
}, 300_000);

afterAll(async () => {
  console.log('alturas de página a 360 px:', JSON.stringify(alturas));
  await nav?.close();
  await pila?.parar();
  rmSync(sitio, { recursive: true, force: true });
});

const json = (ruta: string) => leerJson(pila, ruta);
const puntero = async () => PunteroSchema.parse(await json('datos/latest.json'));
async function entidad(p: Puntero, eleccion: string) {
  return EntidadShardSchema.parse(await json(p.elecciones.find((e) => e.codigo === eleccion)!.ruta));
}
async function municipio(p: Puntero, eleccion: string, id: number) {
  const fila = (await entidad(p, eleccion)).municipios.find((f) => f.id === id)!;
  return TerritorioShardSchema.parse(await json(rutaShard(p.entidad.id, shardIds.municipio(eleccion, id), fila.h)));
}

async function revisar(page: Page, nombre: string): Promise<void> {
  expect(await violacionesAxe(page), `axe en ${page.url()}`).toEqual([]);
  expect(await desbordaHorizontal(page), `desborde horizontal a 360 px en ${page.url()}`).toBe(false);
  await capturar(page, nombre);
}
const altoPagina = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight);
/** Lines a block of text takes: its height over its line height. */
const lineas = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((e) => {
    const alto = e.getBoundingClientRect().height;
    return Math.round(alto / Number.parseFloat(getComputedStyle(e).lineHeight));
  });

describe('acta view on a phone', () => {
  it('image near the top and zoomable, figures on one line, short SHA-256, zero combinations behind a toggle', async () => {
    const p = await puntero();
    // The acta captured with its combinations at zero, as the shards publish it.
    const a = sinCombinaciones;
    const ent = await entidad(p, 'GUB');
    const s = await seccionDelCorte(pila, p.entidad.id, p.secciones, a.seccion.id);
    const bloque = s.elecciones.find((e) => e.codigo === 'GUB')!;
    const acta = leerActa(bloque.actas.map((f) => actaDeFila(f, s.seccion)).find((x) => x.clave === a.clave)!, tablaDeBloque(s, bloque).columnas, p.entidad.id);
    const elegida = { clave: a.clave, url: `/eleccion/?e=GUB&d=${a.seccion.distrito}&s=${a.seccion.id}&a=${a.clave}`, votos: acta.votos ?? {}, sha: acta.imagen!.sha256 };
    const { page, context } = await nuevaPagina(nav);
    await page.goto(pila.url + elegida.url);
    await page.locator(`article.acta[data-clave="${elegida.clave}"]`).waitFor();
    alturas.acta = await altoPagina(page);

    // The image starts within the first screen and a half.
    const vista = page.locator('[data-ampliar-acta]');
    const arriba = await vista.evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
    alturas.actaImagenArriba = Math.round(arriba);
    expect(arriba).toBeLessThan(1.5 * ALTO_PANTALLA);

    // Every figure equals the shard's and sits on one line; the zero combinations are hidden until the toggle.
    const combinacionesCero = Object.entries(elegida.votos)
      .filter(([c, v]) => v === 0 && esCombinacion(c, ent.catalogo))
      .map(([c]) => c);
    expect(combinacionesCero.length).toBeGreaterThan(0);
    for (const [col, v] of Object.entries(elegida.votos)) {
      const celda = page.locator(`#tabla-votos-acta tr[data-columna="${col}"] td.num`);
      expect(await celda.textContent(), col).toBe(v === 'ILEGIBLE' ? 'Ilegible' : v === 'SIN_DATO' ? 'Sin dato' : entero(v as number));
      expect(await celda.isVisible(), col).toBe(!combinacionesCero.includes(col));
    }
    const boton = page.locator('[data-mostrar-ceros]');
    await expect(boton.textContent()).resolves.toBe(`Mostrar combinaciones sin votos (${entero(combinacionesCero.length)})`);
    await expect(boton.getAttribute('aria-expanded')).resolves.toBe('false');
    for (const [k, v] of Object.entries(acta.totales ?? {})) {
      await expect(page.locator(`#tabla-totales-acta tr[data-total="${k}"] td.num`).textContent(), k).resolves.toBe(entero(v as number));
    }
    const alturasCeldas = await page.locator('table.votos-acta td.num:visible').evaluateAll((tds) =>
      tds.map((td) => {
        const r = document.createRange();
        r.selectNodeContents(td);
        return new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size;
      }),
    );
    expect(alturasCeldas.length).toBeGreaterThan(0);
    expect(alturasCeldas.every((n) => n === 1), `líneas por cifra: ${alturasCeldas}`).toBe(true);

    // The SHA-256: the code unbroken in the text, in at most 3 lines at 360 px.
    await expect(page.locator('[data-codigo-integridad]').textContent()).resolves.toBe(elegida.sha);
    const lineasSha = await lineas(page, '[data-codigo-integridad]');
    expect(lineasSha).toBeLessThanOrEqual(3);
    await revisar(page, 'acta-movil');

    await boton.click();
    await expect(boton.getAttribute('aria-expanded')).resolves.toBe('true');
    for (const col of combinacionesCero) expect(await page.locator(`#tabla-votos-acta tr[data-columna="${col}"]`).isVisible(), col).toBe(true);
    alturas.actaConCeros = await altoPagina(page);

    // From the keyboard: the preview opens a dialog with the image at its natural size, scrollable; Escape closes.
    await vista.focus();
    await page.keyboard.press('Enter');
    const dialogo = page.locator('dialog[data-visor-acta]');
    await expect.poll(() => dialogo.evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    const img = dialogo.locator('img');
    await expect.poll(() => img.evaluate((e: HTMLImageElement) => e.complete && e.naturalWidth)).toBeGreaterThan(0);
    const medida = await img.evaluate((e: HTMLImageElement) => ({ natural: e.naturalWidth, ancho: e.getBoundingClientRect().width }));
    expect(Math.abs(medida.ancho - medida.natural)).toBeLessThanOrEqual(1);
    expect(medida.natural).toBeGreaterThan(360);
    expect(await dialogo.locator('.visor-lienzo').evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    await dialogo.getByRole('button', { name: 'Acercar' }).click();
    await expect.poll(() => img.evaluate((e: HTMLImageElement) => Math.round(e.getBoundingClientRect().width))).toBe(Math.round(medida.natural * 1.5));
    expect(await violacionesAxe(page)).toEqual([]);
    await capturar(page, 'acta-imagen-ampliada');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialogo.evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
    await expect.poll(() => vista.evaluate((e) => e === document.activeElement)).toBe(true);
    await context.close();
  }, 90_000);
});

describe('a municipio table of secciones on a phone', () => {
  it('one page of rows, a filter that narrows to the row typed, sorting over every row, a scroll hint', async () => {
    const p = await puntero();
    // The municipio with most secciones.
    const cuenta = new Map<number, number>();
    for (const s of cat.secciones) cuenta.set(s.municipio, (cuenta.get(s.municipio) ?? 0) + 1);
    const [mun] = [...cuenta.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const shard = await municipio(p, 'GUB', mun);
    const secciones = filasDeSecciones(shard);
    const total = secciones.length;
    expect(total).toBeGreaterThan(100);

    const { page, context } = await nuevaPagina(nav);
    await page.goto(`${pila.url}/eleccion/?e=GUB&m=${mun}`);
    const filas = page.locator('#tabla-territorios tbody tr');
    await filas.first().waitFor();
    expect(await filas.count()).toBe(50);
    const rango = page.locator('[data-rango]');
    await expect(rango.textContent()).resolves.toBe(`Se muestran 1–50 de ${entero(total)}`);
    alturas.municipio = await altoPagina(page);
    expect(alturas.municipio).toBeLessThan(12_000);

    // The table is wider than a phone: the hint says so, and is the region's description.
    const region = page.locator('.tabla-desplazable:has(#tabla-territorios)');
    expect(await region.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    const pista = page.locator('[data-pista-desplazar]');
    await expect(pista.isVisible()).resolves.toBe(true);
    await expect(region.getAttribute('aria-describedby')).resolves.toBe(await pista.getAttribute('id'));
    await revisar(page, 'municipio-tabla');

    // Sorting by votes sorts every row, not only the page drawn: the first is the shard's largest.
    await page.locator('#tabla-territorios th:has-text("Votos") button').click();
    await expect(page.locator('#tabla-territorios th:has-text("Votos")').getAttribute('aria-sort')).resolves.toBe('descending');
    const votos = secciones.map((f) => resultadosDeFila(f, shard).figuras.TOTAL_VOTOS_C_CS);
    await expect(filas.first().locator('td.num').last().textContent()).resolves.toBe(entero(Math.max(...votos)));

    // "Mostrar más" adds a page.
    await page.getByRole('button', { name: 'Mostrar 50 más' }).click();
    expect(await filas.count()).toBe(100);
    await expect(rango.textContent()).resolves.toBe(`Se muestran 1–100 de ${entero(total)}`);

    // Typing a sección no other one contains leaves its row, with the shard's figures.
    const ids = secciones.map((f) => String(f.id));
    const unica = secciones.find((f) => ids.filter((x) => x.includes(String(f.id))).length === 1 && resultadosDeFila(f, shard).figuras.TOTAL_VOTOS_C_CS > 0)
      ?? secciones.find((f) => ids.filter((x) => x.includes(String(f.id))).length === 1)!;
    await page.getByLabel('Buscar por nombre o número').fill(String(unica.id));
    await expect.poll(() => filas.count()).toBe(1);
    await expect(filas.first().locator('a').getAttribute('href')).resolves.toBe(`/eleccion/?e=GUB&m=${mun}&s=${unica.id}`);
    await expect(filas.first().locator('td.num').last().textContent()).resolves.toBe(entero(resultadosDeFila(unica, shard).figuras.TOTAL_VOTOS_C_CS));
    await expect(rango.textContent()).resolves.toBe(`Se muestran 1–1 de 1 (de ${entero(total)} en total)`);
    await page.getByLabel('Buscar por nombre o número').fill('sin coincidencias');
    await expect.poll(() => filas.count()).toBe(0);
    await expect(rango.textContent()).resolves.toContain('Ninguna fila coincide');
    await page.getByLabel('Buscar por nombre o número').fill('');
    await expect.poll(() => filas.count()).toBe(50);

    // Every row drawn (what the page was before paging), for the record.
    const mas = page.getByRole('button', { name: /^Mostrar \d+ más$/ });
    while ((await mas.count()) > 0) await mas.click();
    expect(await filas.count()).toBe(total);
    alturas.municipioTodasLasFilas = await altoPagina(page);

    // On a wide screen the table fits and the hint goes away.
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(() => pista.count()).toBe(0);
    await context.close();
  }, 90_000);
});

describe('datos abiertos on a phone', () => {
  it('lists the newest 10 cortes, then the earlier ones on request', async () => {
    const historial = HistorialSchema.parse(await json((await puntero()).historial));
    expect(historial.cortes).toHaveLength(CORTES);
    const { page, context } = await nuevaPagina(nav);
    await page.goto(`${pila.url}/datos-abiertos/`);
    const cortes = page.locator('#lista-cortes [data-corte]');
    await cortes.first().waitFor();
    const numeros = () => cortes.evaluateAll((li) => li.map((x) => Number(x.getAttribute('data-corte'))));
    const todos = historial.cortes.map((c) => c.numero).sort((a, b) => b - a);
    expect(await numeros()).toEqual(todos.slice(0, 10));
    await expect(page.locator('[data-rango]').textContent()).resolves.toBe(`Se muestran 1–10 de ${entero(CORTES)} cortes`);
    // Each SHA-256 reads whole, and wraps in at most 3 lines on a phone.
    const ultimo = historial.cortes.find((c) => c.numero === todos[0])!;
    await expect(page.locator(`[data-corte="${ultimo.numero}"] [data-sha-zip]`).textContent()).resolves.toBe(ultimo.abiertos.sha256);
    expect(await lineas(page, `[data-corte="${ultimo.numero}"] [data-sha-zip]`)).toBeLessThanOrEqual(3);
    alturas.datosAbiertos = await altoPagina(page);
    await revisar(page, 'datos-abiertos-paginas');
    await page.getByRole('button', { name: `Mostrar ${CORTES - 10} cortes anteriores` }).click();
    await expect.poll(numeros).toEqual(todos);
    alturas.datosAbiertosTodos = await altoPagina(page);
    await context.close();
  }, 60_000);
});
