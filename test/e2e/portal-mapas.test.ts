/**
 * End to end: the leaders' map of the entidad view. The synthetic Jalisco catalogue with verified actas written
 * into the publication log in two batches (one sección of every distrito × municipio pair, half in each) and a
 * corte through the scheduled handler after each, as on election night; then, per election, at 360 and 1280 px:
 * one shape per distrito or municipio, each shape's leader equal to its territory shard's and to the table's,
 * the legend naming exactly the leaders, the screen-reader table, axe clean, and tapping a shape opens its page.
 * Then the night as of corte 1 (issue 15), at the entidad and down to a sección and its acta: a distrito, a
 * municipio and a sección show corte 1's shards of them, and the URL carries the choice through the drill-down
 * until the newest is chosen.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actaSintetica } from '../../scripts/bench/corte-sintetico.ts';
import { generarJalisco } from '../../scripts/generador/generar.ts';
import { ejecutarArchivoD1Local } from '../../scripts/lib/d1-local.ts';
import { cerrarD1Local } from '../../scripts/lib/d1-sesion.ts';
import { entero, fechaHora, porcentaje } from '../../site/lib/formato.ts';
import { lider } from '../../site/lib/opciones.ts';
import { guionSqlCatalogo } from '../../worker/db/catalogo-carga.ts';
import { actasEsperadas, type ActaEsperada } from '../../worker/domain/acta/esperadas.ts';
import type { ActaPublicada } from '../../worker/domain/acta/publicada.ts';
import { actaDeFila, filasDeSecciones, resultadosDeFila, rutaShard, shardIds } from '../../worker/domain/contrato/index.ts';
import { ventana } from '../../worker/domain/corte/calendario.ts';
import {
  EntidadShardSchema,
  HistorialSchema,
  PunteroSchema,
  SeccionShardSchema,
  TerritorioShardSchema,
  type EntidadShard,
  type Puntero,
  type TerritorioShard,
} from '../../worker/domain/corte/shards.ts';
import { abrirNavegador, CAPTURAS, capturar, desbordaHorizontal, nuevaPagina, TAMANOS, violacionesAxe } from './lib/navegador.ts';
import { construirPortal, iniciarPila, type Pila } from './lib/pila.ts';
import { publicarCorte, sqlPublicacion } from './lib/corte-programado.ts';
import { leerJson } from './lib/pila-ejemplo.ts';
import { rutaSeccion } from './lib/seccion-corte.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'prep-e2e-mapas-'));
const cat = generarJalisco(2024);
const CONFIG = { jornada: '2024-06-02', inicioMinutos: 20 * 60, duracionMinutos: 24 * 60, cadenciaMinutos: 5 };
const apertura = ventana(CONFIG, cat.entidad.utcOffsetMinutes)!.apertura;
const MINUTO = 60_000;
let pila: Pila;
let nav: Browser;

/** One sección of every distrito × municipio pair, so every territory of every election gets actas. */
function lotes(): [ActaPublicada[], ActaPublicada[]] {
  const r = actasEsperadas(cat);
  if (!r.ok) throw new Error('catálogo sin actas esperadas');
  const elegida = new Map<string, number>();
  for (const s of [...cat.secciones].sort((a, b) => a.id - b.id)) {
    const par = `${s.distrito}-${s.municipio}`;
    if (!elegida.has(par)) elegida.set(par, s.id);
  }
  const secciones = [...elegida.values()];
  const primera = new Set(secciones.filter((_, i) => i % 2 === 0));
  const todas = new Set(secciones);
  const de = (a: ActaEsperada) => todas.has(a.seccion.id);
  const actas = r.value.filter(de);
  const pub = (a: ActaEsperada, i: number, min: number) => actaSintetica(a, i + 1, 0, apertura + min * MINUTO);
  return [
    actas.filter((a) => primera.has(a.seccion.id)).map((a, i) => pub(a, i, 20)),
    actas.filter((a) => !primera.has(a.seccion.id)).map((a, i) => pub(a, i + 100_000, 50)),
  ];
}

/** A corte `minuto` minutes after the window opens, once the pointer names it as `numero`. */
const corte = (minuto: number, numero: number) => publicarCorte(pila, apertura + minuto * MINUTO, numero);

beforeAll(async () => {
  construirPortal(path.join(dir, 'sitio'));
  const [primero, segundo] = lotes();
  const archivo = (nombre: string, sql: string) => {
    const f = path.join(dir, nombre);
    writeFileSync(f, sql);
    return f;
  };
  pila = await iniciarPila({
    // Other work on the sources must not reload the Worker in the middle of the test.
    congelar: true,
    assetsDir: path.join(dir, 'sitio', 'client'),
    prepararDatos: ({ persistTo }) => {
      ejecutarArchivoD1Local(persistTo, archivo('catalogo.sql', guionSqlCatalogo(cat)));
      ejecutarArchivoD1Local(persistTo, archivo('lote-1.sql', `${sqlPublicacion(primero, 0)}UPDATE corte_config SET jornada = '${CONFIG.jornada}' WHERE id = 1;\n`));
      // The script's own handle on the database closes before wrangler dev opens it.
      cerrarD1Local(persistTo);
    },
  });
  await corte(30, 1);
  ejecutarArchivoD1Local(pila.persistTo, archivo('lote-2.sql', sqlPublicacion(segundo, primero.length)));
  cerrarD1Local(pila.persistTo);
  await corte(60, 2);
  nav = await abrirNavegador();
}, 300_000);

afterAll(async () => {
  await nav?.close();
  await pila?.parar();
  rmSync(dir, { recursive: true, force: true });
});

/** A published JSON of this file's stack (lib/pila-ejemplo.ts). */
const json = (ruta: string) => leerJson(pila, ruta);

/** Each territory of the election's map level: its leader in the entidad shard's row and in its own shard. */
async function lideresPublicados(p: Puntero, eleccion: string) {
  const ent = EntidadShardSchema.parse(await json(p.elecciones.find((e) => e.codigo === eleccion)!.ruta));
  const nivel = ent.eleccion.territorio === 'municipio' ? 'municipio' : 'distrito';
  const filas = nivel === 'municipio' ? ent.municipios : ent.distritos;
  const out = new Map<number, { fila: string | null; shard: string | null; nombre: string }>();
  for (const f of filas) {
    const t = TerritorioShardSchema.parse(await json(rutaShard(p.entidad.id, shardIds[nivel](eleccion, f.id), f.h)));
    out.set(f.id, { fila: lider(resultadosDeFila(f, ent).candidaturas)?.id ?? null, shard: lider(t.resultados.candidaturas)?.id ?? null, nombre: f.nombre });
  }
  return { nivel, out, ent };
}

/** A point of the page inside `id`'s shape and on top there (a click at a bbox centre may hit a neighbour). */
async function puntoDentro(page: Page, id: number): Promise<{ x: number; y: number }> {
  return page.evaluate((id) => {
    const a = document.querySelector(`.mapa-lideres svg a[data-id="${id}"]`)!;
    const forma = a.querySelector('path')!;
    const caja = forma.getBBox();
    const m = forma.getScreenCTM()!;
    for (let i = 1; i < 12; i++) {
      for (let j = 1; j < 12; j++) {
        const p = new DOMPoint(caja.x + (caja.width * i) / 12, caja.y + (caja.height * j) / 12);
        if (!forma.isPointInFill(p)) continue;
        const s = p.matrixTransform(m);
        if (document.elementFromPoint(s.x, s.y) === forma) return { x: s.x, y: s.y };
      }
    }
    throw new Error(`sin punto dentro de ${id}`);
  }, id);
}

describe('the leaders map after a night of cortes', () => {
  it.each([
    { eleccion: 'GUB', tamano: 'movil' as const },
    { eleccion: 'AYUN', tamano: 'escritorio' as const },
    { eleccion: 'DIP_LOC', tamano: 'movil' as const },
  ])('$eleccion at $tamano: one shape per territory, leaders as published, legend, table, tap to drill down', async ({ eleccion, tamano }) => {
    const p = PunteroSchema.parse(await json('datos/latest.json'));
    expect(p.numero).toBe(2);
    const { nivel, out } = await lideresPublicados(p, eleccion);
    expect([...out.values()].every((l) => l.shard !== null)).toBe(true);

    const { page, context } = await nuevaPagina(nav);
    await page.setViewportSize(TAMANOS[tamano]);
    await page.goto(`${pila.url}/eleccion/?e=${eleccion}`);
    await page.locator('.mapa-lideres svg a[data-id]').first().waitFor();
    const formas = page.locator('.mapa-lideres svg a[data-id]');

    // One shape per territory with data, each with the leader of its row and of its own shard.
    const enMapa = new Map(
      (await formas.evaluateAll((as) => as.map((a) => [Number(a.getAttribute('data-id')), a.getAttribute('data-lider') ?? '', a.querySelector('title')?.textContent ?? ''] as const))).map(
        ([id, l, t]) => [id, { lider: l, titulo: t }],
      ),
    );
    expect([...enMapa.keys()].sort((a, b) => a - b)).toEqual([...out.keys()].sort((a, b) => a - b));
    for (const [id, l] of out) {
      expect(l.fila, `${nivel} ${id}`).toBe(l.shard);
      expect(enMapa.get(id)!.lider, `${nivel} ${id}`).toBe(l.shard);
    }
    const nombreLider = new Map(
      await page.locator('.mapa-lideres .mapa-leyenda li[data-lider]').evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-lider')!, li.textContent ?? ''] as const)),
    );

    // The legend names exactly the candidaturas that lead somewhere.
    const lideres = new Set([...out.values()].map((l) => l.shard!));
    expect(new Set(nombreLider.keys())).toEqual(lideres);

    // The screen-reader table says the same, row by row; the view's own table agrees for the rows it shows.
    const tablaSr = page.locator('.mapa-lideres .sr-only table');
    await expect(tablaSr.locator('caption').textContent()).resolves.toContain(nivel === 'municipio' ? 'municipios' : 'distritos');
    const filasSr = await tablaSr.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [Number(tr.getAttribute('data-id')), tr.getAttribute('data-lider')] as const));
    expect(new Map(filasSr)).toEqual(new Map([...out].map(([id, l]) => [id, l.shard])));
    const param = nivel === 'municipio' ? 'm' : 'd';
    const filasTabla = await page.locator('#tabla-territorios tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [tr.querySelector('th a')?.getAttribute('href') ?? '', tr.querySelector('td')?.textContent ?? ''] as const),
    );
    expect(filasTabla.length).toBeGreaterThan(0);
    for (const [href, texto] of filasTabla) {
      const id = Number(new URL(href, pila.url).searchParams.get(param));
      const nombre = enMapa.get(id)!.titulo.split(': va adelante ')[1]!;
      expect(texto.startsWith(`${nombre} (`), `${href}: ${texto}`).toBe(true);
      expect(nombreLider.get(out.get(id)!.shard!)!.startsWith(`${nombre}: `)).toBe(true);
    }

    expect(await violacionesAxe(page), `axe en ${page.url()}`).toEqual([]);
    expect(await desbordaHorizontal(page)).toBe(false);
    await capturar(page, `mapa-${eleccion.toLowerCase()}`);
    await page.locator('.mapa-lideres').screenshot({ path: path.join(CAPTURAS, `mapa-${eleccion.toLowerCase()}-detalle-${tamano}.png`) });

    // Tapping a shape opens that territory's page (in place, as the table's links do).
    const [id, l] = [...out].sort((a, b) => a[0] - b[0]).at(-1)!;
    await page.locator('.mapa-lideres').scrollIntoViewIfNeeded();
    const punto = await puntoDentro(page, id);
    await page.mouse.click(punto.x, punto.y);
    await page.waitForURL(`**/eleccion/?e=${eleccion}&${param}=${id}`);
    await page.locator('h1', { hasText: l.nombre }).waitFor();
    expect(await page.locator('.mapa-lideres').count()).toBe(0);
    await context.close();
  }, 120_000);
});

/** The leader of every row of the map's screen-reader table ('' for none), and the won-territories table's rows. */
async function ganadosYMapa(page: Page) {
  const mapa = await page.locator('.mapa-lideres .sr-only tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-lider') ?? ''));
  const tabla = new Map(
    await page.locator('table.ganados tr[data-lider]').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-lider')!, Number(tr.getAttribute('data-territorios'))] as const)),
  );
  return { mapa, tabla };
}

/** Every count of the table is the map's: per leader, the rest (ties, no votes) as the map's territories without one. */
function cuentasIguales({ mapa, tabla }: Awaited<ReturnType<typeof ganadosYMapa>>) {
  const porLider = new Map<string, number>();
  for (const l of mapa) porLider.set(l, (porLider.get(l) ?? 0) + 1);
  expect(mapa.length).toBeGreaterThan(0);
  for (const [l, n] of porLider) if (l !== '') expect(tabla.get(l), l).toBe(n);
  expect((tabla.get('empate') ?? 0) + (tabla.get('sin-votos') ?? 0)).toBe(porLider.get('') ?? 0);
  expect(tabla.get('total')).toBe(mapa.length);
  expect([...tabla.keys()].filter((k) => !['empate', 'sin-votos', 'total'].includes(k)).sort()).toEqual([...porLider.keys()].filter((l) => l !== '').sort());
}

/** The figures the view shows: the answer's and the figures block's, as formatted from `f`. */
async function cifrasIguales(page: Page, f: EntidadShard['resultados']['figuras']) {
  await expect(page.locator('[data-respuesta="contabilizadas"]').textContent()).resolves.toBe(porcentaje(f.PORCENTAJE_ACTAS_CONTABILIZADAS));
  await expect(page.locator('.respuesta-avance').textContent()).resolves.toContain(`(${entero(f.ACTAS_CONTABILIZADAS)} de ${entero(f.ACTAS_ESPERADAS)})`);
  const cifra = (id: string) => page.locator(`main dl.cifras [data-cifra="${id}"] strong`).first().textContent();
  await expect(cifra('contabilizadas')).resolves.toBe(entero(f.ACTAS_CONTABILIZADAS));
  await expect(cifra('votos-con')).resolves.toBe(entero(f.TOTAL_VOTOS_C_CS));
  await expect(cifra('participacion')).resolves.toBe(porcentaje(f.PORCENTAJE_PARTICIPACION_CIUDADANA));
}

/** A distrito's or municipio's shard as of the corte whose entidad shard is `ent` (its row names it). */
async function shardTerritorio(p: Puntero, ent: EntidadShard, nivel: 'distrito' | 'municipio', id: number) {
  const f = (nivel === 'distrito' ? ent.distritos : ent.municipios).find((x) => x.id === id)!;
  return TerritorioShardSchema.parse(await json(rutaShard(p.entidad.id, shardIds[nivel](ent.eleccion.codigo, id), f.h)));
}

/**
 * From the entidad view as of corte 1 (the page is there), one level down (issue 15): the map's and the table's
 * links keep the corte, the distrito shows corte 1's distrito shard under the same label, its secciones link to
 * themselves as of corte 1 (seccionAlCortePasado), its way up keeps the corte and its way to the newest drops it;
 * a municipio link and a corte that is not a number behave as at entidad level.
 */
async function bajarAlCortePasado(page: Page, p: Puntero, etiqueta: string, ent1: EntidadShard, ent2: EntidadShard) {
  const hrefs = await page.locator('#tabla-territorios tbody th a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(href).toMatch(/^\/eleccion\/\?e=GUB&d=\d+&corte=1$/);
  for (const href of await page.locator('.mapa-lideres svg a[data-id]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) expect(href).toMatch(/&corte=1$/);
  // A distrito whose figures changed from corte 1 to 2, so the past view cannot pass by showing the newest.
  const ids = hrefs.map((x) => Number(new URL(x, pila.url).searchParams.get('d')));
  let elegido: { id: number; t1: TerritorioShard; t2: TerritorioShard } | undefined;
  for (const d of ids) {
    const [t1, t2] = await Promise.all([shardTerritorio(p, ent1, 'distrito', d), shardTerritorio(p, ent2, 'distrito', d)]);
    if (t1.resultados.figuras.ACTAS_CONTABILIZADAS >= t2.resultados.figuras.ACTAS_CONTABILIZADAS) continue;
    elegido = { id: d, t1, t2 };
    break;
  }
  expect(elegido, 'un distrito que cambió del corte 1 al 2').toBeDefined();
  const { id, t1, t2 } = elegido!;

  await page.locator(`#tabla-territorios a[href="/eleccion/?e=GUB&d=${id}&corte=1"]`).click();
  await page.waitForURL(`**/eleccion/?e=GUB&d=${id}&corte=1`);
  await page.locator('h1', { hasText: t1.nombre }).waitFor();
  await page.locator('[data-corte-pasado-etiqueta]', { hasText: etiqueta }).waitFor();
  await expect(page.locator('[data-corte-pasado] p').first().textContent()).resolves.toBe(`${etiqueta}. No son los más recientes: el corte nº 2 ya se publicó.`);
  await expect(page.locator('[data-respuesta="contabilizadas"]').textContent()).resolves.toBe(porcentaje(t1.resultados.figuras.PORCENTAJE_ACTAS_CONTABILIZADAS));
  await cifrasIguales(page, t1.resultados.figuras);
  // The label block fits the height kept for it while its code loads (CorteAnterior.tsx): a shared link to this
  // view does not move what is under it.
  for (const tamano of ['movil', 'escritorio'] as const) {
    await page.setViewportSize(TAMANOS[tamano]);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const alto = await page.locator('[data-corte-pasado]').evaluate((el) => ({ alto: el.getBoundingClientRect().height, reserva: parseFloat(getComputedStyle(el).minHeight) }));
    expect(alto.alto, `${tamano}: ${JSON.stringify(alto)}`).toBeLessThanOrEqual(alto.reserva + 1);
  }
  await page.setViewportSize(TAMANOS.movil);
  // Its secciones are listed as of corte 1, each a link to that sección as of corte 1.
  const filas = page.locator('#tabla-territorios tbody tr');
  expect(await filas.count()).toBeGreaterThan(0);
  await expect(filas.locator('th').first().textContent()).resolves.toMatch(/^Sección \d+$/);
  for (const href of await page.locator('#tabla-territorios tbody th a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
    expect(href).toMatch(new RegExp(`^/eleccion/\\?e=GUB&d=${id}&s=\\d+&corte=1$`));
  }
  await expect(page.locator('#tabla-territorios tbody th a').count()).resolves.toBe(await filas.count());
  expect(await violacionesAxe(page), `axe en ${page.url()}`).toEqual([]);
  expect(await desbordaHorizontal(page)).toBe(false);
  await capturar(page, 'corte-pasado-distrito');
  await seccionAlCortePasado(page, p, etiqueta, ent1, id, t1, t2);

  // Up to the entidad, still as of corte 1; back again with the browser's button.
  const arriba = page.locator('nav.migas a', { hasText: ent1.eleccion.nombre });
  await expect(arriba.getAttribute('href')).resolves.toBe('/eleccion/?e=GUB&corte=1');
  await arriba.click();
  await page.waitForURL('**/eleccion/?e=GUB&corte=1');
  await expect(page.locator('[data-respuesta="contabilizadas"]').textContent()).resolves.toBe(porcentaje(ent1.resultados.figuras.PORCENTAJE_ACTAS_CONTABILIZADAS));
  await page.goBack();
  await page.waitForURL(`**/eleccion/?e=GUB&d=${id}&corte=1`);
  await expect(page.locator('[data-respuesta="contabilizadas"]').textContent()).resolves.toBe(porcentaje(t1.resultados.figuras.PORCENTAJE_ACTAS_CONTABILIZADAS));

  // The newest corte of the same distrito: the link drops the corte, the figures are corte 2's shard.
  const reciente = page.locator('[data-corte-reciente]').first();
  await expect(reciente.getAttribute('href')).resolves.toBe(`/eleccion/?e=GUB&d=${id}`);
  await reciente.click();
  await page.waitForURL(`**/eleccion/?e=GUB&d=${id}`);
  await cifrasIguales(page, t2.resultados.figuras);
  expect(await page.locator('[data-corte-pasado]').count()).toBe(0);
  // Where the secciones are links again.
  await expect(page.locator('#tabla-territorios tbody th a').count()).resolves.toBe(await filas.count());
  // The distrito's own way to a past corte.
  await page.getByText('Ver los resultados de un corte anterior').click();
  await page.getByLabel('Corte', { exact: true }).selectOption('1');
  await page.getByRole('button', { name: 'Ver resultados' }).click();
  await page.waitForURL(`**/eleccion/?e=GUB&d=${id}&corte=1`);
  await page.locator('[data-corte-pasado-etiqueta]', { hasText: etiqueta }).waitFor();
  await cifrasIguales(page, t1.resultados.figuras);

  // A municipio (munícipes) opened from a shared link as of corte 1: its corte 1 shard.
  const c1 = HistorialSchema.parse(await json(p.historial)).cortes.find((c) => c.numero === 1)!;
  const ayun1 = EntidadShardSchema.parse(await json(c1.elecciones!.find((e) => e.codigo === 'AYUN')!.ruta));
  const m = ayun1.municipios.find((f) => resultadosDeFila(f, ayun1).figuras.ACTAS_CONTABILIZADAS > 0)!;
  const tm = await shardTerritorio(p, ayun1, 'municipio', m.id);
  await page.goto(`${pila.url}/eleccion/?e=AYUN&m=${m.id}&corte=1`);
  await page.locator('[data-corte-pasado-etiqueta]', { hasText: etiqueta }).waitFor();
  await cifrasIguales(page, tm.resultados.figuras);
  await expect(page.locator('nav.migas a', { hasText: ayun1.eleccion.nombre }).getAttribute('href')).resolves.toBe('/eleccion/?e=AYUN&corte=1');

  // A corte that is not a number, at territory level: the same message as at entidad level.
  await page.goto(`${pila.url}/eleccion/?e=GUB&d=${id}&corte=abc`);
  const falta = page.locator('[data-no-existe="corte"]');
  await falta.waitFor();
  await expect(falta.locator('strong').textContent()).resolves.toBe('«abc» no es un número de corte.');
  await expect(falta.locator('a').getAttribute('href')).resolves.toBe(`/eleccion/?e=GUB&d=${id}`);
}

/**
 * From distrito `id` as of corte 1 (the page is there), one of its secciones that corte 2 changed, as of corte 1:
 * its link keeps the corte, the view shows corte 1's sección shard (figures and actas) under the same label, its
 * actas' links keep the corte, a shared link opens it (through corte 1's entidad shard and group of secciones,
 * never its distrito's shard), the newest corte is one link away and the corte selector works there too; the way
 * up keeps the corte, and leaves the page at the distrito as of corte 1.
 */
async function seccionAlCortePasado(page: Page, p: Puntero, etiqueta: string, ent1: EntidadShard, id: number, t1: TerritorioShard, t2: TerritorioShard) {
  const figuras = (t: TerritorioShard, s: number) => resultadosDeFila(filasDeSecciones(t).find((x) => x.id === s)!, t).figuras;
  const fila1 = filasDeSecciones(t1).find((f) => figuras(t1, f.id).ACTAS_CONTABILIZADAS !== figuras(t2, f.id).ACTAS_CONTABILIZADAS);
  expect(fila1, 'una sección que cambió del corte 1 al 2').toBeDefined();
  const s = fila1!.id;
  const [f1, f2] = [figuras(t1, s), figuras(t2, s)];
  // Corte 1's sección shard, reached as the portal reaches it: corte 1's entidad shard names its groups.
  const ruta1 = await rutaSeccion(pila, p.entidad.id, ent1.secciones, s);
  expect(ruta1, 'corte 2 publicó otro shard de la sección').not.toBe(await rutaSeccion(pila, p.entidad.id, p.secciones, s));
  const sh1 = SeccionShardSchema.parse(await json(ruta1));
  const actas1 = sh1.elecciones.find((e) => e.codigo === 'GUB')!.actas.map((a) => actaDeFila(a, s));
  const aqui = `/eleccion/?e=GUB&d=${id}&s=${s}`;
  const cifra = (c: string) => page.locator(`main dl.cifras [data-cifra="${c}"] strong`).first().textContent();

  // From the distrito's table (found by its number when the table is long).
  const buscar = page.getByLabel('Buscar por nombre o número');
  if (await buscar.count()) await buscar.fill(String(s));
  await page.locator(`#tabla-territorios a[href="${aqui}&corte=1"]`).click();
  await page.waitForURL(`**${aqui}&corte=1`);
  await page.locator('h1', { hasText: `Sección ${s}` }).waitFor();
  await page.locator('[data-corte-pasado-etiqueta]', { hasText: etiqueta }).waitFor();
  await expect(page.locator('[data-corte-pasado] p').first().textContent()).resolves.toBe(`${etiqueta}. No son los más recientes: el corte nº 2 ya se publicó.`);
  await expect(cifra('contabilizadas')).resolves.toBe(entero(f1.ACTAS_CONTABILIZADAS));
  await expect(cifra('votos-con')).resolves.toBe(entero(f1.TOTAL_VOTOS_C_CS));
  // Its actas as corte 1 published them, each linking to itself as of corte 1.
  const filas = await page.locator('#tabla-actas tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [tr.getAttribute('data-clave'), tr.querySelector('a')?.getAttribute('href'), tr.querySelector('td.num')?.textContent] as const),
  );
  expect(filas).toEqual(actas1.map((a) => [a.clave, `${aqui}&a=${a.clave}&corte=1`, a.totalVotosCalculado === null ? '-' : entero(a.totalVotosCalculado)]));
  await expect(page.locator('nav.migas a', { hasText: `Distrito ${id} ` }).getAttribute('href')).resolves.toBe(`/eleccion/?e=GUB&d=${id}&corte=1`);
  expect(await violacionesAxe(page), `axe en ${page.url()}`).toEqual([]);
  expect(await desbordaHorizontal(page)).toBe(false);
  await capturar(page, 'corte-pasado-seccion');

  // A shared link to it: the same view. The data it reads, gzip as served (logged for docs/ and the report).
  await page.goto(`${pila.url}${aqui}&corte=1`);
  await page.locator('[data-corte-pasado-etiqueta]', { hasText: etiqueta }).waitFor();
  await expect(cifra('contabilizadas')).resolves.toBe(entero(f1.ACTAS_CONTABILIZADAS));
  const datos = await page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.name.includes('/datos/')).map((r) => [new URL(r.name).pathname, r.encodedBodySize] as const),
  );
  console.log(`sección ${s} al corte 1, datos leídos: ${(datos.reduce((t, [, b]) => t + b, 0) / 1024).toFixed(1)} KB gzip`, datos);
  const leidas = datos.map(([r]) => r);
  expect(leidas).toContain(`/${ruta1}`);
  const distrito1 = ent1.distritos.find((x) => x.id === id)!;
  expect(leidas).not.toContain(`/${rutaShard(p.entidad.id, shardIds.distrito('GUB', id), distrito1.h)}`);

  // One acta as corte 1 published it; back to the sección.
  const primera = actas1[0]!;
  await page.locator(`#tabla-actas a[href="${aqui}&a=${primera.clave}&corte=1"]`).click();
  await page.waitForURL(`**${aqui}&a=${primera.clave}&corte=1`);
  await page.locator(`article.acta[data-clave="${primera.clave}"]`).waitFor();
  await page.locator('[data-corte-pasado-etiqueta]', { hasText: etiqueta }).waitFor();
  await expect(page.locator('nav.migas a', { hasText: `Sección ${s}` }).getAttribute('href')).resolves.toBe(`${aqui}&corte=1`);
  await page.goBack();
  await page.waitForURL(`**${aqui}&corte=1`);

  // The newest corte of the same sección: corte 2's figures, no label.
  const reciente = page.locator('[data-corte-reciente]').first();
  await expect(reciente.getAttribute('href')).resolves.toBe(aqui);
  await reciente.click();
  await page.waitForURL(`**${aqui}`);
  await expect(cifra('contabilizadas')).resolves.toBe(entero(f2.ACTAS_CONTABILIZADAS));
  expect(await page.locator('[data-corte-pasado]').count()).toBe(0);
  // The sección's own way to a past corte.
  await page.getByText('Ver los resultados de un corte anterior').click();
  await page.getByLabel('Corte', { exact: true }).selectOption('1');
  await page.getByRole('button', { name: 'Ver resultados' }).click();
  await page.waitForURL(`**${aqui}&corte=1`);
  await page.locator('[data-corte-pasado-etiqueta]', { hasText: etiqueta }).waitFor();
  await expect(cifra('contabilizadas')).resolves.toBe(entero(f1.ACTAS_CONTABILIZADAS));

  // Up to its distrito, still as of corte 1.
  await page.locator('nav.migas a', { hasText: `Distrito ${id} ` }).click();
  await page.waitForURL(`**/eleccion/?e=GUB&d=${id}&corte=1`);
  await page.locator('[data-corte-pasado-etiqueta]', { hasText: etiqueta }).waitFor();
  await expect(page.locator('[data-respuesta="contabilizadas"]').textContent()).resolves.toBe(porcentaje(t1.resultados.figuras.PORCENTAJE_ACTAS_CONTABILIZADAS));
}

describe('the night as of a past corte, and the territories each candidatura leads', () => {
  it('GUB at 360 px: the table agrees with the map; corte 1 chosen shows its shards, its label, and the URL carries it down to a distrito', async () => {
    const p = PunteroSchema.parse(await json('datos/latest.json'));
    expect(p.numero).toBe(2);
    const h = HistorialSchema.parse(await json(p.historial));
    const c1 = h.cortes.find((c) => c.numero === 1)!;
    const ent1 = EntidadShardSchema.parse(await json(c1.elecciones!.find((e) => e.codigo === 'GUB')!.ruta));
    const ent2 = EntidadShardSchema.parse(await json(p.elecciones.find((e) => e.codigo === 'GUB')!.ruta));
    const f1 = ent1.resultados.figuras;
    // The two cortes differ, so the past view cannot pass by showing the newest figures.
    expect(f1.ACTAS_CONTABILIZADAS).toBeLessThan(ent2.resultados.figuras.ACTAS_CONTABILIZADAS);
    const { out } = await lideresPublicados(p, 'GUB');

    const { page, context } = await nuevaPagina(nav);
    await page.setViewportSize(TAMANOS.movil);
    await page.goto(`${pila.url}/eleccion/?e=GUB`);
    await page.locator('.mapa-lideres .sr-only tbody tr').first().waitFor({ state: 'attached' });
    const vivo = await ganadosYMapa(page);
    cuentasIguales(vivo);
    // And both are the published leaders of corte 2.
    for (const l of new Set([...out.values()].map((x) => x.shard!))) expect(vivo.tabla.get(l)).toBe([...out.values()].filter((x) => x.shard === l).length);
    await expect(page.locator('table.ganados caption').textContent()).resolves.toBe('Distritos donde va adelante cada candidatura');

    // Choose corte 1 from the labelled select.
    await page.getByText('Ver los resultados de un corte anterior').click();
    await page.getByLabel('Corte', { exact: true }).selectOption('1');
    await page.getByRole('button', { name: 'Ver resultados' }).click();
    await page.waitForURL('**/eleccion/?e=GUB&corte=1');
    const etiqueta = `Resultados al corte nº 1, ${fechaHora(c1.instante, h.entidad.utcOffsetMinutes)}`;
    await page.locator('[data-corte-pasado-etiqueta]', { hasText: etiqueta }).waitFor();
    await expect(page.locator('[data-corte-pasado-etiqueta]').textContent()).resolves.toBe(etiqueta);
    await expect(page.locator('[data-respuesta="contabilizadas"]').textContent()).resolves.toBe(porcentaje(f1.PORCENTAJE_ACTAS_CONTABILIZADAS));
    await expect(page.locator('.respuesta-avance').textContent()).resolves.toContain(`(${entero(f1.ACTAS_CONTABILIZADAS)} de ${entero(f1.ACTAS_ESPERADAS)})`);
    const cifra = (id: string) => page.locator(`main dl.cifras [data-cifra="${id}"] strong`).first().textContent();
    await expect(cifra('contabilizadas')).resolves.toBe(entero(f1.ACTAS_CONTABILIZADAS));
    await expect(cifra('votos-con')).resolves.toBe(entero(f1.TOTAL_VOTOS_C_CS));
    await expect(cifra('participacion')).resolves.toBe(porcentaje(f1.PORCENTAJE_PARTICIPACION_CIUDADANA));
    // The newest corte is still what the status line reports: the live view keeps polling underneath.
    await expect(page.locator('.estado-corte [data-corte-instante]').textContent()).resolves.toBe(fechaHora(p.instante, p.entidad.utcOffsetMinutes));
    // The map and the table are corte 1's, and still agree with each other.
    await page.locator('.mapa-lideres .sr-only tbody tr').first().waitFor({ state: 'attached' });
    const pasado = await ganadosYMapa(page);
    cuentasIguales(pasado);
    const lideres1 = ent1.distritos.map((f) => lider(resultadosDeFila(f, ent1).candidaturas)?.id ?? '');
    expect(pasado.mapa.sort()).toEqual(lideres1.sort());
    expect(await violacionesAxe(page), `axe en ${page.url()}`).toEqual([]);
    expect(await desbordaHorizontal(page)).toBe(false);
    await capturar(page, 'corte-pasado');

    // Back to the newest corte, in place.
    await page.locator('[data-corte-reciente]').first().click();
    await page.waitForURL('**/eleccion/?e=GUB');
    await expect(page.locator('[data-respuesta="contabilizadas"]').textContent()).resolves.toBe(porcentaje(ent2.resultados.figuras.PORCENTAJE_ACTAS_CONTABILIZADAS));
    expect(await page.locator('[data-corte-pasado]').count()).toBe(0);

    // A shared link to corte 1 opens it, and nothing moves while its code and data arrive (CLS budget 0.05).
    await page.addInitScript(() => {
      const w = window as unknown as { cls: number };
      w.cls = 0;
      new PerformanceObserver((l) => {
        for (const e of l.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!e.hadRecentInput) w.cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${pila.url}/eleccion/?e=GUB&corte=1`);
    await page.locator('[data-corte-pasado-etiqueta]', { hasText: etiqueta }).waitFor();
    await page.locator('.mapa-lideres svg').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const cls = await page.evaluate(() => (window as unknown as { cls: number }).cls);
    expect(cls, `CLS ${cls}`).toBeLessThanOrEqual(0.05);
    await expect(page.locator('[data-respuesta="contabilizadas"]').textContent()).resolves.toBe(porcentaje(f1.PORCENTAJE_ACTAS_CONTABILIZADAS));

    await bajarAlCortePasado(page, p, etiqueta, ent1, ent2);

    // A shared link to a corte that does not exist says so and links the newest.
    await page.goto(`${pila.url}/eleccion/?e=GUB&corte=99`);
    const falta = page.locator('[data-no-existe="corte"]');
    await falta.waitFor();
    await expect(falta.textContent()).resolves.toContain('El corte nº 99 no existe en esta publicación: los cortes publicados van del nº 1 al nº 2.');
    await expect(falta.locator('a').getAttribute('href')).resolves.toBe('/eleccion/?e=GUB');
    await context.close();
  }, 120_000);
});
