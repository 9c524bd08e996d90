/**
 * End to end: the sección map of a territory (issue 15). The Aguascalientes fixture catalogue
 * (data/fixtures/catalogo-aguascalientes: INE's real secciones of five municipios, with their boundaries in
 * secciones.topojson, and Asientos without any) read as `npm run catalogue -- import` reads it, loaded into D1, every
 * acta but Asientos' published, one corte. At 360 px: Tepezalá's AYUN view draws one shape per sección, each with the
 * leader of its row in the municipio's shard and of the view's table, legend and screen-reader table alike, and a
 * tap opens the sección; Asientos has no map and asks for none. Then the boundaries are removed from D1 and a second
 * corte (Asientos' actas) publishes a pointer without maps: Tepezalá shows no map and makes no map request.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actaSintetica } from '../../scripts/bench/corte-sintetico.ts';
import { ejecutarArchivoD1Local } from '../../scripts/lib/d1-local.ts';
import { cerrarD1Local } from '../../scripts/lib/d1-sesion.ts';
import { lider } from '../../site/lib/opciones.ts';
import { hrefDe } from '../../site/lib/ruta.ts';
import { guionSqlCatalogo } from '../../worker/db/catalogo-carga.ts';
import { actasEsperadas } from '../../worker/domain/acta/esperadas.ts';
import type { ActaPublicada } from '../../worker/domain/acta/publicada.ts';
import { archivosACatalogo } from '../../worker/domain/catalogo/archivos/leer.ts';
import { filasDeSecciones, resultadosDeFila, rutaShard, shardIds } from '../../worker/domain/contrato/index.ts';
import { ventana } from '../../worker/domain/corte/calendario.ts';
import { EntidadShardSchema, PunteroSchema, TerritorioShardSchema } from '../../worker/domain/corte/shards.ts';
import { abrirNavegador, CAPTURAS, capturar, desbordaHorizontal, nuevaPagina, TAMANOS, violacionesAxe } from './lib/navegador.ts';
import { construirPortal, iniciarPila, type Pila } from './lib/pila.ts';
import { publicarCorte, sqlPublicacion } from './lib/corte-programado.ts';
import { leerJson } from './lib/pila-ejemplo.ts';

const CARPETA = path.resolve(import.meta.dirname, '../../data/fixtures/catalogo-aguascalientes');
const leido = archivosACatalogo(readdirSync(CARPETA).map((n) => ({ nombre: n, bytes: new Uint8Array(readFileSync(path.join(CARPETA, n))) })));
if (!leido.ok) throw new Error(`catálogo de ejemplo inválido: ${JSON.stringify(leido.error)}`);
const cat = leido.value;
const dir = mkdtempSync(path.join(tmpdir(), 'prep-e2e-mapa-secciones-'));
const CONFIG = { jornada: '2024-06-02', inicioMinutos: 20 * 60, duracionMinutos: 24 * 60, cadenciaMinutos: 5 };
const apertura = ventana(CONFIG, cat.entidad.utcOffsetMinutes)!.apertura;
const MINUTO = 60_000;
const TEPEZALA = 9;
const ASIENTOS = 2;
let pila: Pila;
let nav: Browser;

/** Every acta published: first all but Asientos', then Asientos'. */
function lotes(): [ActaPublicada[], ActaPublicada[]] {
  const r = actasEsperadas(cat);
  if (!r.ok) throw new Error('catálogo sin actas esperadas');
  const municipio = new Map(cat.secciones.map((s) => [s.id, s.municipio]));
  const pub = r.value.map((a, i) => actaSintetica(a, i + 1, 0, apertura + 20 * MINUTO));
  const deAsientos = (i: number) => municipio.get(r.value[i]!.seccion.id) === ASIENTOS;
  return [pub.filter((_, i) => !deAsientos(i)), pub.filter((_, i) => deAsientos(i))];
}

/** A corte `minuto` minutes after the window opens, once the pointer names it as `numero`. */
const corte = (minuto: number, numero: number) => publicarCorte(pila, apertura + minuto * MINUTO, numero);

const archivo = (nombre: string, sql: string) => {
  const f = path.join(dir, nombre);
  writeFileSync(f, sql);
  return f;
};
const [primero, segundo] = lotes();

beforeAll(async () => {
  construirPortal(path.join(dir, 'sitio'));
  pila = await iniciarPila({
    congelar: true,
    assetsDir: path.join(dir, 'sitio', 'client'),
    prepararDatos: ({ persistTo }) => {
      ejecutarArchivoD1Local(persistTo, archivo('catalogo.sql', guionSqlCatalogo(cat)));
      ejecutarArchivoD1Local(persistTo, archivo('lote-1.sql', `${sqlPublicacion(primero, 0)}UPDATE corte_config SET jornada = '${CONFIG.jornada}' WHERE id = 1;\n`));
      cerrarD1Local(persistTo);
    },
  });
  await corte(30, 1);
  nav = await abrirNavegador();
}, 300_000);

afterAll(async () => {
  await nav?.close();
  await pila?.parar();
  rmSync(dir, { recursive: true, force: true });
});

/** A published JSON of this file's stack (lib/pila-ejemplo.ts). */
const json = (ruta: string) => leerJson(pila, ruta);

/** Tepezalá's secciones and their leaders as its AYUN shard publishes them. */
async function lideresDeTepezala(): Promise<Map<number, string | null>> {
  const p = PunteroSchema.parse(await json('datos/latest.json'));
  const ent = EntidadShardSchema.parse(await json(p.elecciones.find((e) => e.codigo === 'AYUN')!.ruta));
  const fila = ent.municipios.find((m) => m.id === TEPEZALA)!;
  const t = TerritorioShardSchema.parse(await json(rutaShard(p.entidad.id, shardIds.municipio('AYUN', TEPEZALA), fila.h)));
  return new Map(filasDeSecciones(t).map((f) => [f.id, lider(resultadosDeFila(f, t).candidaturas)?.id ?? null]));
}

/** The map requests a page makes (the cuts live under /datos/<e>/mapas/). */
function peticionesDeMapa(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/mapas/')) urls.push(r.url());
  });
  return urls;
}

/** Municipio `m`'s AYUN page at 360 px, once its table is drawn, shows no sección map and asked for none. */
async function sinMapa(m: number): Promise<void> {
  const { page, context } = await nuevaPagina(nav);
  await page.setViewportSize(TAMANOS.movil);
  const peticiones = peticionesDeMapa(page);
  await page.goto(`${pila.url}${hrefDe({ vista: 'territorio', e: 'AYUN', m })}`);
  await page.locator('#tabla-territorios tbody tr').first().waitFor();
  expect(await page.locator('.mapa-secciones').count()).toBe(0);
  expect(peticiones).toEqual([]);
  await context.close();
}

describe('the sección map of a territory', () => {
  it('Tepezalá at 360 px: a shape per sección, leaders as the shard and the table say, legend, table, tap to open', async () => {
    const p = PunteroSchema.parse(await json('datos/latest.json'));
    expect(p.mapas?.territorios).toEqual(['distrito-1', 'distrito-3', 'municipio-4', 'municipio-6', 'municipio-7', 'municipio-8', 'municipio-9']);
    const publicados = await lideresDeTepezala();
    expect([...publicados.values()].every((l) => l !== null)).toBe(true);

    const { page, context } = await nuevaPagina(nav);
    await page.setViewportSize(TAMANOS.movil);
    const peticiones = peticionesDeMapa(page);
    await page.goto(`${pila.url}${hrefDe({ vista: 'territorio', e: 'AYUN', m: TEPEZALA })}`);
    const formas = page.locator('.mapa-secciones svg a[data-id]');
    await formas.first().waitFor();
    expect(peticiones).toEqual([`${pila.url}/${p.mapas!.ruta}/municipio-${TEPEZALA}.json`]);
    // Served as a content-addressed object: read from D1 once per location and encoding, then from the edge cache.
    const leer = () => fetch(`${pila.url}/${p.mapas!.ruta}/municipio-${TEPEZALA}.json`, { headers: { 'accept-encoding': 'identity' } });
    await leer();
    const otra = await leer();
    expect([otra.headers.get('cache-status'), otra.headers.get('cache-control')]).toEqual(['prep-borde; hit', 'public, max-age=31536000, immutable']);
    // Another fingerprint, or a territory without shapes, is no map.
    expect((await fetch(`${pila.url}/${p.mapas!.ruta.replace(/[0-9a-f]{16}$/, '0'.repeat(16))}/municipio-${TEPEZALA}.json`)).status).toBe(404);
    expect((await fetch(`${pila.url}/${p.mapas!.ruta}/municipio-${ASIENTOS}.json`)).status).toBe(404);

    const enMapa = new Map(await formas.evaluateAll((as) => as.map((a) => [Number(a.getAttribute('data-id')), a.getAttribute('data-lider') ?? ''] as const)));
    expect([...enMapa.keys()].sort((a, b) => a - b)).toEqual([...publicados.keys()].sort((a, b) => a - b));
    for (const [s, l] of publicados) expect(enMapa.get(s), `sección ${s}`).toBe(l);

    // The screen-reader table and the legend say the same; the view's table names the same leader per sección.
    const sr = new Map(
      await page.locator('.mapa-secciones .sr-only tbody tr').evaluateAll((trs) => trs.map((tr) => [Number(tr.getAttribute('data-id')), [tr.getAttribute('data-lider'), tr.querySelector('td')?.textContent ?? ''] as const] as const)),
    );
    expect(new Map([...sr].map(([s, [l]]) => [s, l]))).toEqual(publicados);
    const leyenda = await page.locator('.mapa-secciones .mapa-leyenda li[data-lider]').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-lider')));
    expect(new Set(leyenda)).toEqual(new Set(publicados.values()));
    const tabla = await page.locator('#tabla-territorios tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [tr.querySelector('th a')?.getAttribute('href') ?? '', tr.querySelector('td')?.textContent ?? ''] as const),
    );
    expect(tabla).toHaveLength(publicados.size);
    for (const [href, texto] of tabla) {
      const s = Number(new URL(href, pila.url).searchParams.get('s'));
      expect(texto.startsWith(`${sr.get(s)![1]} (`), `sección ${s}: ${texto}`).toBe(true);
    }

    expect(await violacionesAxe(page), `axe en ${page.url()}`).toEqual([]);
    expect(await desbordaHorizontal(page)).toBe(false);
    await capturar(page, 'mapa-secciones-tepezala');
    // At 1280 px the same map: every sección drawn, nothing wider than the window.
    await page.setViewportSize(TAMANOS.escritorio);
    expect(await formas.count()).toBe(publicados.size);
    expect(await desbordaHorizontal(page)).toBe(false);
    await page.setViewportSize(TAMANOS.movil);
    await page.locator('.mapa-secciones').screenshot({ path: path.join(CAPTURAS, 'mapa-secciones-tepezala-detalle-movil.png') });

    // Tapping a shape opens its sección, in place.
    const s = Math.max(...publicados.keys());
    await page.locator('.mapa-secciones').scrollIntoViewIfNeeded();
    const punto = await page.evaluate((s) => {
      const forma = document.querySelector(`.mapa-secciones svg a[data-id="${s}"] path`) as SVGPathElement;
      const caja = forma.getBBox();
      const m = forma.getScreenCTM()!;
      for (let i = 1; i < 16; i++) {
        for (let j = 1; j < 16; j++) {
          const q = new DOMPoint(caja.x + (caja.width * i) / 16, caja.y + (caja.height * j) / 16);
          const v = q.matrixTransform(m);
          if (forma.isPointInFill(q) && document.elementFromPoint(v.x, v.y) === forma) return { x: v.x, y: v.y };
        }
      }
      throw new Error(`sin punto dentro de ${s}`);
    }, s);
    await page.mouse.click(punto.x, punto.y);
    await page.waitForURL((u) => u.searchParams.get('s') === String(s));
    await context.close();
  }, 120_000);

  it('Asientos, whose secciones have no shape: no map and no map request', async () => {
    await sinMapa(ASIENTOS);
  }, 60_000);

  it('a catalogue without boundaries: the pointer names no maps, and Tepezalá shows none and asks for none', async () => {
    ejecutarArchivoD1Local(pila.persistTo, archivo('lote-2.sql', `DELETE FROM configuracion WHERE clave LIKE 'mapa_secciones/%';\n${sqlPublicacion(segundo, primero.length)}`));
    cerrarD1Local(pila.persistTo);
    await corte(60, 2);
    expect(PunteroSchema.parse(await json('datos/latest.json')).mapas).toBeUndefined();
    await sinMapa(TEPEZALA);
  }, 120_000);
});
