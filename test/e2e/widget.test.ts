/**
 * End to end, the difusor widget (issue 15): the snippet /datos-abiertos/ offers, pasted into a page of another
 * origin (a tiny server on another port, another host name), shows the election's summary in its frame with the
 * figures of the published entidad shard; it takes the next corte by itself and, offline, keeps the last figures
 * and says so. The widget's page may be framed by anyone and no other page may; its JavaScript weighs a few KB;
 * axe finds nothing. Screenshots under test-results/e2e/.
 */
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generarJalisco } from '../../scripts/generador/generar.ts';
import type { EntidadShard, Puntero } from '../../worker/domain/contrato/index.ts';
import { PREFIJO_ENMARCABLE } from '../../worker/api/middleware/seguridad/politica.ts';
import { entero, fechaHora, porcentaje } from '../../site/lib/formato.ts';
import { RUTA_WIDGET } from '../../site/lib/widget.ts';
import { abrirNavegador, CAPTURAS, nuevaPagina, violacionesAxe } from './lib/navegador.ts';
import type { Pila } from './lib/pila.ts';
import { leerJson, pilaConPortal } from './lib/pila-ejemplo.ts';
import { medirRed, pesoJs, totales } from './lib/presupuesto.ts';
import { ADMIN, api, capturar as capturarActas, planear, type Api } from './lib/siembra.ts';

const KB = 1024;
const sitio = mkdtempSync(path.join(tmpdir(), 'prep-e2e-widget-'));
const cat = generarJalisco(2024);
const siembra = planear(cat);
let pila: Pila;
let nav: Browser;
let tokens: Map<string, string>;
let cliente: Api;
/** The difusor's site: whatever page is put here, at http://localhost:<port>/ (the stack is http://127.0.0.1:…). */
let difusor: Server;
let paginaDifusor = '';

beforeAll(async () => {
  ({ pila, tokens } = await pilaConPortal(cat, siembra, sitio, { congelar: true }));
  cliente = api(pila.url);
  nav = await abrirNavegador();
  difusor = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(paginaDifusor));
  await new Promise<void>((ok) => difusor.listen(0, '127.0.0.1', ok));
  await capturarActas(cliente, cat, tokens, siembra, siembra.actas.filter((a) => !siembra.segundoCorte.includes(a)));
  await publicarCorte(1);
}, 300_000);

afterAll(async () => {
  await nav?.close();
  await new Promise((ok) => difusor?.close(ok));
  await pila?.parar();
  rmSync(sitio, { recursive: true, force: true });
});

const puntero = async () => (await leerJson(pila, 'datos/latest.json')) as Puntero;
const entidad = async (p: Puntero) => (await leerJson(pila, p.elecciones.find((x) => x.codigo === 'GUB')!.ruta)) as EntidadShard;

async function publicarCorte(numero: number): Promise<void> {
  const r = await fetch(`${pila.url}/api/v1/cortes`, { method: 'POST', headers: { authorization: `Bearer ${tokens.get(ADMIN)!}`, 'content-type': 'application/json' }, body: '{}' });
  if (!r.ok) throw new Error(`POST /api/v1/cortes → HTTP ${r.status}: ${await r.text()}`);
  expect((await puntero()).numero).toBe(numero);
}

/** What the card must say, computed here from the entidad shard (not with the widget's own code). */
async function esperado() {
  const p = await puntero();
  const ent = await entidad(p);
  const total = ent.resultados.figuras.TOTAL_VOTOS_C_CS;
  const [primero] = Object.entries(ent.resultados.candidaturas).sort((a, b) => b[1] - a[1]);
  return {
    lider: ent.catalogo.coaliciones.find((c) => c.id === primero![0])?.nombre ?? primero![0],
    votos: `${entero(primero![1])} votos`,
    porcentaje: porcentaje(Math.floor((primero![1] * 1_000_000) / total) / 10_000),
    contabilizadas: porcentaje(ent.resultados.figuras.PORCENTAJE_ACTAS_CONTABILIZADAS),
    corte: `Corte nº ${p.numero}, ${fechaHora(p.instante, p.entidad.utcOffsetMinutes)}`,
  };
}

async function muestra(marco: Frame, e: Awaited<ReturnType<typeof esperado>>): Promise<void> {
  const campo = (c: string) => marco.locator(`[data-widget="${c}"]`);
  await marco.locator(`[data-widget="corte"]:text-is("${e.corte}")`).waitFor({ timeout: 15_000 });
  expect(await campo('lider').textContent()).toBe(e.lider);
  expect(await campo('votos').textContent()).toBe(e.votos);
  expect(await campo('porcentaje').textContent()).toBe(e.porcentaje);
  expect(await campo('contabilizadas').textContent()).toBe(e.contabilizadas);
  expect(await marco.locator('.w-barras li').count()).toBe(3);
}

describe('the difusor widget', () => {
  it('only the widget’s page may be framed, by any site; the election view keeps refusing', async () => {
    expect(RUTA_WIDGET).toBe(PREFIJO_ENMARCABLE);
    const widget = await fetch(`${pila.url}${RUTA_WIDGET}?e=GUB`);
    expect(widget.status).toBe(200);
    expect(widget.headers.get('content-security-policy')).toMatch(/frame-ancestors \*(;|$)/);
    expect(widget.headers.get('x-frame-options')).toBeNull();
    const vista = await fetch(`${pila.url}/eleccion/?e=GUB`);
    expect(vista.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(vista.headers.get('x-frame-options')).toBe('DENY');
  });

  it('the snippet of /datos-abiertos/ shows the election in a page of another origin, and follows the cortes', async () => {
    const { context, page } = await nuevaPagina(nav);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: pila.url });
    await page.goto(`${pila.url}/datos-abiertos/`);
    const snippet = await page.locator('#incrustar ~ pre [data-snippet]').textContent();
    expect(snippet).toContain(`<iframe src="${pila.url}${RUTA_WIDGET}?e=GUB"`);
    expect(snippet).toContain('loading="lazy"');
    expect(await violacionesAxe(page), 'axe en /datos-abiertos/').toEqual([]);
    await page.getByRole('button', { name: 'Copiar el código' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);

    // Another origin: another host name and port than the stack's.
    const origen = `http://localhost:${(difusor.address() as AddressInfo).port}`;
    paginaDifusor = `<!doctype html><html lang="es-MX"><head><meta charset="utf-8"><title>Un medio</title></head><body><main><h1>Noticias de la elección</h1>${snippet}</main></body></html>`;
    await page.goto(`${origen}/`);
    const frame = (await (await page.waitForSelector('iframe')).contentFrame())!;
    await frame.locator('[data-widget="corte"]').waitFor({ timeout: 30_000 });
    expect(new URL(frame.url()).origin).toBe(pila.url);
    expect(new URL(page.url()).origin).not.toBe(pila.url);
    await muestra(frame, await esperado());
    // The stack is a rehearsal (`pruebas`): the widget says SIMULACRO like every page of the portal.
    expect(await frame.locator('[data-widget="simulacro"]').textContent()).toContain('SIMULACRO');
    const enlace = frame.getByRole('link', { name: 'Ver en el PREP' });
    expect(await enlace.getAttribute('href')).toBe('/eleccion/?e=GUB');
    expect(await enlace.getAttribute('target')).toBe('_blank');
    expect(await enlace.getAttribute('rel')).toBe('noopener');
    mkdirSync(CAPTURAS, { recursive: true });
    await page.screenshot({ path: path.join(CAPTURAS, 'widget-en-otro-origen.png'), fullPage: true });

    // A new corte: the widget takes it without a reload (the poller checks at once when the device is back online).
    await capturarActas(cliente, cat, tokens, siembra, siembra.segundoCorte);
    await publicarCorte(2);
    await frame.evaluate(() => window.dispatchEvent(new Event('online')));
    await muestra(frame, await esperado());

    // Offline: the last figures stay, with a note in Spanish.
    await context.setOffline(true);
    await frame.evaluate(() => window.dispatchEvent(new Event('online')));
    await frame.locator('[data-widget="aviso"]').waitFor({ timeout: 15_000 });
    expect(await frame.locator('[data-widget="aviso"]').textContent()).toMatch(/^Sin conexión.*Cifras recibidas a las \d\d:\d\d \(UTC-6\)/);
    await muestra(frame, await esperado());
    await page.screenshot({ path: path.join(CAPTURAS, 'widget-sin-conexion.png'), fullPage: true });
    await context.close();
  }, 120_000);

  it('weighs a few KB of JavaScript, does not shift, and axe finds nothing', async () => {
    const { context, page } = await nuevaPagina(nav);
    await page.setViewportSize({ width: 400, height: 440 });
    await page.addInitScript(() => {
      const w = window as unknown as { cls: number };
      w.cls = 0;
      new PerformanceObserver((l) => {
        for (const e of l.getEntries() as unknown as { value: number }[]) w.cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const red = await medirRed(page);
    await page.goto(`${pila.url}${RUTA_WIDGET}?e=GUB`);
    await page.locator('[data-widget="corte"]').waitFor();
    const js = totales(await red.detener()).js;
    const construido = pesoJs(path.join(sitio, 'client'), path.join(sitio, 'client', 'difusor', 'widget', 'index.html'));
    console.log(`JS del widget: ${(js / KB).toFixed(1)} KB transferidos; ${(construido.total / KB).toFixed(1)} KB gzip con los scripts en línea`);
    // The modules' gzip bodies, Preact included, within 15 KB; on the wire each of its ~10 responses adds its
    // headers (~350 B: cache rule, HSTS, nosniff, ETag), hence the looser bound on what was transferred.
    expect(construido.total).toBeLessThanOrEqual(15 * KB);
    expect(js).toBeGreaterThan(0);
    expect(js).toBeLessThanOrEqual(20 * KB);
    expect(await page.evaluate(() => (window as unknown as { cls: number }).cls)).toBeLessThanOrEqual(0.01);
    expect(await violacionesAxe(page), 'axe en el widget').toEqual([]);
    await page.screenshot({ path: path.join(CAPTURAS, 'widget-400x440.png') });
    await context.close();
  }, 60_000);
});
