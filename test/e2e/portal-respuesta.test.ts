/**
 * End to end, as a citizen on a phone (360×740) and on a desktop (1280×800): after a night's cortes, inicio and
 * the Gubernatura view answer first — who leads, by how many votes and points over the second, with what % of
 * actas contabilizadas, as of which corte — inside the first viewport, with the figures of the published shards;
 * no word breaks mid-word; the layout does not shift while the data arrives (CLS from Chromium's layout-shift
 * entries, with the data delayed so the page paints before it); the final corte is labelled "Corte final".
 * On the Gubernatura view, the night over time charts every corte of the historial with the figures of its own
 * entidad shard, also as a table, and "Compartir" hands the page's address to Web Share (or copies it).
 * Screenshots under test-results/e2e/; the CLS measured is printed and kept in test-results/e2e/cls.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generarJalisco } from '../../scripts/generador/generar.ts';
import { ADMIN_CONFIRMA, personalDeLaNoche } from '../../scripts/simulacro/personal.ts';
import type { EntidadShard, Historial, Manifiesto, Puntero } from '../../worker/domain/contrato/index.ts';
import { entero, fechaHora, porcentaje } from '../../site/lib/formato.ts';
import { abrirNavegador, CAPTURAS, capturar, desbordaHorizontal, nuevaPagina, TAMANOS } from './lib/navegador.ts';
import type { Pila } from './lib/pila.ts';
import { leerJson, pilaConPortal } from './lib/pila-ejemplo.ts';
import { ADMIN, api, capturar as capturarActas, planear, type Api } from './lib/siembra.ts';

const sitio = mkdtempSync(path.join(tmpdir(), 'prep-e2e-respuesta-'));
const cat = generarJalisco(2024);
const siembra = planear(cat);
const CLS_MAXIMO = 0.05;
/** What the data takes to arrive: the page paints its first frame before it, as on a phone's network. */
const RETRASO_DATOS_MS = 400;
let pila: Pila;
let nav: Browser;
let tokens: Map<string, string>;
let cliente: Api;
const cls: Record<string, number> = {};

/** A portal built elsewhere (e.g. from an earlier commit, to measure its CLS the same way); by default, this tree's. */
const PORTAL = process.env.PREP_E2E_PORTAL;

beforeAll(async () => {
  const segundaFirma = personalDeLaNoche(cat).filter((o) => o.id === ADMIN_CONFIRMA);
  ({ pila, tokens } = await pilaConPortal(cat, siembra, sitio, { mas: segundaFirma, congelar: true, ...(PORTAL ? { portal: PORTAL } : {}) }));
  cliente = api(pila.url);
  nav = await abrirNavegador();
  // The night: the first actas, a corte; the rest, another corte.
  await capturarActas(cliente, cat, tokens, siembra, siembra.actas.filter((a) => !siembra.segundoCorte.includes(a)));
  await publicarCorte(1);
  await capturarActas(cliente, cat, tokens, siembra, siembra.segundoCorte);
  await publicarCorte(2);
}, 300_000);

afterAll(async () => {
  mkdirSync(CAPTURAS, { recursive: true });
  writeFileSync(path.join(CAPTURAS, 'cls.json'), `${JSON.stringify(cls, null, 2)}\n`);
  console.log('CLS medido:', JSON.stringify(cls));
  await nav?.close();
  await pila?.parar();
  rmSync(sitio, { recursive: true, force: true });
});

const json = (ruta: string) => leerJson(pila, ruta);
// Read as the portal reads them (the zod-free contract): their schemas are checked by the corte's own tests.
const puntero = async () => (await json('datos/latest.json')) as Puntero;
const entidad = async (p: Puntero, e: string) => (await json(p.elecciones.find((x) => x.codigo === e)!.ruta)) as EntidadShard;

/** A POST of the admin API; anything but success throws with its answer. */
async function post<T>(ruta: string, token: string, cuerpo?: unknown): Promise<T> {
  const r = await fetch(`${pila.url}${ruta}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: cuerpo === undefined ? undefined : JSON.stringify(cuerpo),
  });
  const texto = await r.text();
  if (!r.ok) throw new Error(`POST ${ruta} → HTTP ${r.status}: ${texto}`);
  return JSON.parse(texto) as T;
}

/** A corte now; the pointer then names corte `numero`. */
async function publicarCorte(numero: number): Promise<void> {
  await post('/api/v1/cortes', tokens.get(ADMIN)!, {});
  expect((await puntero()).numero).toBe(numero);
}

/** The final corte: one administrator requests it, the second confirms it (separation of duties). */
async function publicarCorteFinal(): Promise<void> {
  const solicitud = await post<{ id: string }>('/api/v1/cortes', tokens.get(ADMIN)!, { final: true });
  await post(`/api/v1/cortes/solicitudes/${solicitud.id}/confirmar`, tokens.get(ADMIN_CONFIRMA)!);
}

/** The leader, the second and what the answer block must say, computed here from the entidad shard. */
async function esperado(p: Puntero, eleccion: string) {
  const ent = await entidad(p, eleccion);
  const r = ent.resultados;
  const [primero, segundo] = Object.entries(r.candidaturas).sort((a, b) => b[1] - a[1]);
  expect(primero && segundo && primero[1] > segundo[1], 'la siembra deja un primer lugar sin empate').toBe(true);
  const nombre = (id: string) => ent.catalogo.coaliciones.find((c) => c.id === id)?.nombre ?? id;
  const total = r.figuras.TOTAL_VOTOS_C_CS;
  // Points: the two truncated 4-decimal shares, subtracted in ten-thousandths.
  const unidades = (v: number) => Math.floor((v * 1_000_000) / total);
  const puntos = (unidades(primero![1]) - unidades(segundo![1])) / 10_000;
  return {
    lider: nombre(primero![0]),
    segundo: nombre(segundo![0]),
    votos: entero(primero![1] - segundo![1]),
    puntos: new Intl.NumberFormat('es-MX', { minimumFractionDigits: 4, maximumFractionDigits: 4 }).format(puntos),
    contabilizadas: porcentaje(r.figuras.PORCENTAJE_ACTAS_CONTABILIZADAS),
    corte: fechaHora(p.instante, p.entidad.utcOffsetMinutes),
  };
}

/** Sums every layout shift not caused by input, from before the first paint (an init script). */
async function medirCls(page: Page): Promise<void> {
  await page.addInitScript(() => {
    type Cambio = { value: number; hadRecentInput: boolean; sources?: { node?: Node | null }[] };
    const w = window as unknown as { cls: number; movidos: string[] };
    w.cls = 0;
    w.movidos = [];
    new PerformanceObserver((lista) => {
      for (const e of lista.getEntries() as unknown as Cambio[]) {
        if (e.hadRecentInput) continue;
        w.cls += e.value;
        // What moved, to say so when the check fails.
        for (const s of e.sources ?? []) {
          const n = s.node instanceof Element ? s.node : s.node?.parentElement;
          if (n) w.movidos.push(`${n.tagName.toLowerCase()}${n.id ? `#${n.id}` : ''}${n.className ? `.${String(n.className).split(' ')[0]}` : ''}`);
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

async function clsDe(page: Page): Promise<number> {
  await page.waitForLoadState('networkidle');
  // Two frames, so the last render's shifts are reported.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const { cls, movidos } = await page.evaluate(() => {
    const w = window as unknown as { cls: number; movidos: string[] };
    return { cls: w.cls, movidos: w.movidos };
  });
  if (cls > 0) console.log(`desplazado en ${page.url()}: ${cls.toFixed(4)} — ${[...new Set(movidos)].join(', ')}`);
  return cls;
}

/** Words rendered across two lines inside `main` (long tokens such as hashes may wrap; they are skipped). */
function palabrasPartidas(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const partidas: string[] = [];
    const paseo = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
    for (let n = paseo.nextNode(); n; n = paseo.nextNode()) {
      const padre = n.parentElement;
      if (!padre || padre.closest('.sr-only, code.hash, [hidden]')) continue;
      for (const m of (n.textContent ?? '').matchAll(/[^\s\-/·,;:()]+/g)) {
        if (m[0].length > 24) continue;
        const r = document.createRange();
        r.setStart(n, m.index);
        r.setEnd(n, m.index + m[0].length);
        const tops = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
        if (tops.size > 1) partidas.push(m[0]);
      }
    }
    return partidas;
  });
}

/** The answer block of `eleccion` shows `e`, and its leader, margin and % lie inside the first viewport. */
async function respuestaArriba(page: Page, eleccion: string, e: Awaited<ReturnType<typeof esperado>>, alto: number): Promise<void> {
  const bloque = page.locator(`.respuesta[data-eleccion="${eleccion}"]`);
  const campo = (c: string) => bloque.locator(`[data-respuesta="${c}"]`);
  await expect(campo('lider').textContent()).resolves.toBe(e.lider);
  await expect(campo('segundo').textContent()).resolves.toBe(e.segundo);
  await expect(campo('ventaja-votos').textContent()).resolves.toBe(`${e.votos} votos`);
  await expect(campo('ventaja-puntos').textContent()).resolves.toBe(`${e.puntos} puntos porcentuales`);
  await expect(campo('contabilizadas').textContent()).resolves.toBe(e.contabilizadas);
  await expect(campo('corte').textContent()).resolves.toContain(e.corte);
  await expect(campo('corte').textContent()).resolves.toContain('Corte final');
  // The corte's date and time on one line: "(UTC-6)" is not split at its hyphen.
  expect(await campo('corte').locator('.fecha').evaluate((el) => new Set([...el.getClientRects()].map((r) => Math.round(r.top))).size)).toBe(1);
  // The simulacro's banner (and any notice) is fixed at the bottom of the screen: what it covers is not on the first screen.
  const banda = await page.locator('.avisos-fijos').evaluate((b) => b.getBoundingClientRect().height);
  expect(banda, 'la banda de simulacro se muestra').toBeGreaterThan(0);
  for (const c of ['lider', 'ventaja-votos', 'ventaja-puntos', 'contabilizadas', 'corte']) {
    const caja = await campo(c).evaluate((el) => el.getBoundingClientRect().bottom);
    expect(caja, `${c} de ${eleccion} dentro de la primera pantalla (${alto} px, ${banda} px de la banda de simulacro)`).toBeLessThanOrEqual(alto - banda);
  }
}

/** Loads `ruta` at one size with the data delayed, waits for the answer, and returns the CLS measured. */
async function abrir(ruta: string, tamano: keyof typeof TAMANOS, listo: string) {
  const { page, context } = await nuevaPagina(nav);
  await page.setViewportSize(TAMANOS[tamano]);
  await context.route(/\/(datos\/|health)/, async (r) => {
    await new Promise((ok) => setTimeout(ok, RETRASO_DATOS_MS));
    await r.continue();
  });
  await medirCls(page);
  await page.goto(pila.url + ruta);
  await page.locator(listo).first().waitFor();
  // What follows reads a page already complete: a missing element fails fast.
  page.setDefaultTimeout(5_000);
  return { page, context, cls: await clsDe(page) };
}

// Ready when the whole view is there: the cards of inicio, the table of distritos of the Gubernatura.
const VISTAS = [
  { nombre: 'inicio', ruta: '/', listo: '.tarjeta' },
  { nombre: 'gubernatura', ruta: '/eleccion/?e=GUB', listo: '#tabla-territorios' },
] as const;

describe('answer first, whole words, no layout shift', () => {
  it('a corte that is not final is named by its number, never "Corte final"', async () => {
    const p = await puntero();
    expect(p.final).toBe(false);
    const { page, context } = await abrir('/eleccion/?e=GUB', 'movil', '.estado-corte [data-corte-instante]');
    await expect(page.locator('.estado-corte p').first().textContent()).resolves.toContain(`Corte ${p.numero}:`);
    await expect(page.locator('main').textContent()).resolves.not.toContain('Corte final');
    await context.close();
  }, 60_000);

  it('after the final corte, inicio and Gubernatura answer on the first screen at 360 and 1280 px', async () => {
    await publicarCorteFinal();
    const p = await puntero();
    expect(p.final).toBe(true);
    const e = await esperado(p, 'GUB');
    for (const v of VISTAS) {
      for (const tamano of ['movil', 'escritorio'] as const) {
        const { page, context, cls: medido } = await abrir(v.ruta, tamano, v.listo);
        cls[`${v.nombre}-${tamano}`] = Number(medido.toFixed(4));
        expect.soft(medido, `CLS de ${v.nombre} (${tamano})`).toBeLessThanOrEqual(CLS_MAXIMO);
        const fallo = await respuestaArriba(page, 'GUB', e, TAMANOS[tamano].height).then(() => null, (x: unknown) => String(x));
        expect.soft(fallo, `respuesta en ${v.nombre} (${tamano})`).toBeNull();
        expect.soft(await page.locator('.estado-corte p').first().textContent()).toContain('Corte final');
        expect.soft(await palabrasPartidas(page), `palabras partidas en ${v.nombre} (${tamano})`).toEqual([]);
        expect.soft(await desbordaHorizontal(page)).toBe(false);
        if (tamano === 'movil') await capturar(page, `respuesta-${v.nombre}-final`);
        await context.close();
      }
    }
    // Datos abiertos names it final too, in its status line and in the list of cortes.
    const { page, context } = await nuevaPagina(nav);
    await page.goto(`${pila.url}/datos-abiertos/`);
    const fila = page.locator(`#lista-cortes [data-corte="${p.numero}"] h3`);
    await expect(fila.textContent()).resolves.toContain(`Corte final (nº ${p.numero})`);
    await expect(page.locator(`#lista-cortes [data-corte="${p.numero - 1}"] h3`).textContent()).resolves.not.toContain('final');
    await expect(page.locator('.estado-corte p').first().textContent()).resolves.toContain('Corte final');
    await context.close();
  }, 180_000);

  it('consulta tu casilla does not shift while its sección arrives', async () => {
    const s = siembra.secciones[0]!;
    const { page, context, cls: medido } = await abrir(`/consulta/?s=${s}`, 'movil', '.estado-corte [data-corte-instante]');
    cls['consulta-movil'] = Number(medido.toFixed(4));
    expect.soft(await palabrasPartidas(page), 'palabras partidas en consulta').toEqual([]);
    expect.soft(medido, 'CLS de consulta').toBeLessThanOrEqual(CLS_MAXIMO);
    await capturar(page, 'respuesta-consulta-final');
    await context.close();
  }, 60_000);
});

/** What the chart must draw for `eleccion`: every corte of the historial, read from its own entidad shard. */
async function nocheEsperada(eleccion: string) {
  const p = await puntero();
  const h = (await json(p.historial)) as Historial;
  return Promise.all(
    h.cortes.map(async (c) => {
      const m = (await json(c.manifiesto.ruta)) as Manifiesto;
      const ent = (await json(m.shards.find((s) => s.id === `${eleccion}/entidad`)!.ruta)) as EntidadShard;
      const r = ent.resultados;
      const [lider] = Object.entries(r.candidaturas).sort((a, b) => b[1] - a[1]);
      // The truncated 4-decimal share, as the answer block shows it.
      const parte = (v: number) => Math.floor((v * 1_000_000) / r.figuras.TOTAL_VOTOS_C_CS) / 10_000;
      return { numero: c.numero, contabilizadas: r.figuras.PORCENTAJE_ACTAS_CONTABILIZADAS, lider: lider![0], partes: Object.fromEntries(Object.entries(r.candidaturas).map(([id, v]) => [id, parte(v)])) };
    }),
  );
}

describe('the night over time and sharing, on the Gubernatura view', () => {
  it('charts % contabilizadas and the leaders per corte as historial says, as a table too; Compartir shares the page', async () => {
    const esperada = await nocheEsperada('GUB');
    expect(esperada.length, 'la noche tiene varios cortes').toBeGreaterThanOrEqual(2);
    const { page, context } = await nuevaPagina(nav);
    await page.setViewportSize(TAMANOS.movil);
    // Web Share as a phone has it: the call is recorded, to be read back.
    await page.addInitScript(() => {
      const w = window as unknown as { compartido: unknown[] };
      w.compartido = [];
      Object.defineProperty(navigator, 'share', { value: async (d: unknown) => void w.compartido.push(d), configurable: true });
    });
    await page.goto(`${pila.url}/eleccion/?e=GUB`);
    const grafica = page.locator('.noche-grafica');
    // The chart is fetched only when its place comes near the screen.
    await page.locator('section.noche').waitFor({ state: 'attached' });
    expect(await grafica.count()).toBe(0);
    await page.locator('section.noche').scrollIntoViewIfNeeded();
    await grafica.waitFor();
    page.setDefaultTimeout(5_000);
    const valores = (serie: string) =>
      grafica.locator(`[data-serie="${serie}"] circle`).evaluateAll((cs) => cs.map((c) => [Number(c.getAttribute('data-corte')), Number(c.getAttribute('data-valor'))]));
    expect(await valores('contabilizadas')).toEqual(esperada.map((c) => [c.numero, c.contabilizadas]));
    // Every candidatura that led at some corte has its line, with its share at each corte.
    for (const id of new Set(esperada.map((c) => c.lider))) {
      expect(await valores(id), `línea de ${id}`).toEqual(esperada.map((c) => [c.numero, c.partes[id] ?? 0]));
    }
    // The same figures as a table, behind "Ver como tabla".
    const tabla = page.locator('details.noche-tabla');
    await tabla.locator('summary', { hasText: 'Ver como tabla' }).click();
    const celdas = await tabla.locator('tbody td[data-serie="contabilizadas"]').allTextContents();
    expect(celdas).toEqual(esperada.map((c) => porcentaje(c.contabilizadas)));
    mkdirSync(CAPTURAS, { recursive: true });
    await page.locator('section.noche').screenshot({ path: path.join(CAPTURAS, 'noche-gubernatura-movil.png') });

    // Link previews name the page; Compartir hands the page's own address and title to the share sheet.
    await expect(page.locator('meta[property="og:title"]').getAttribute('content')).resolves.toContain('PREP');
    await expect(page.locator('meta[property="og:locale"]').getAttribute('content')).resolves.toBe('es_MX');
    await page.getByRole('button', { name: 'Compartir' }).click();
    const compartido = await page.evaluate(() => (window as unknown as { compartido: unknown[] }).compartido);
    expect(compartido).toEqual([{ title: await page.title(), url: page.url() }]);
    await context.close();

    // Without Web Share the address is copied, and a live region says so.
    const otra = await nuevaPagina(nav);
    await otra.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: pila.url });
    await otra.page.addInitScript(() => Object.defineProperty(navigator, 'share', { value: undefined, configurable: true }));
    await otra.page.goto(`${pila.url}/eleccion/?e=GUB`);
    await otra.page.getByRole('button', { name: 'Compartir' }).click();
    await otra.page.getByRole('status').filter({ hasText: 'Enlace copiado' }).waitFor({ timeout: 5_000 });
    await expect(otra.page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(otra.page.url());
    await otra.context.close();
  }, 60_000);
});
