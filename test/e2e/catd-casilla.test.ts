/**
 * End to end, PREP Casilla on a 360 px phone (issue 13) through the UI only, against `wrangler dev` with local D1
 * and R2: a device operator signs in (and lands on its screen), loses signal, photographs two actas — they wait
 * in the phone —, closes the page and opens it again still without signal — they still wait (the page comes from
 * its service worker, the photos from IndexedDB) —, and when the signal returns both are sent once: the first
 * answer is cut on its way back, and the retry carries the same Idempotency-Key, so the server replays it instead
 * of applying it twice (the API shows one image per acta, and replaying the request once more changes nothing).
 * Then a photo taken while the session expires waits, the screen asks to sign in again, and it is sent once.
 * axe finds no violation, nothing scrolls sideways at 360 px, and the page's JavaScript is within 50 KB gzip.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OperadorNuevo } from '../../worker/domain/captura/operador-nuevo.ts';
import { png, qrGris } from './fixtures/imagenes-qr.ts';
import { abrirNavegador, nuevaPagina, violacionesAxe } from './lib/navegador.ts';
import { pilaCatd, portalConstruido, revisarPantalla, desmontarAlTerminar, llenarEntrada } from './lib/catd.ts';
import type { Pila } from './lib/pila.ts';
import { pesoJs } from './lib/presupuesto.ts';
import { sha256 } from './lib/siembra.ts';

const DISPOSITIVO = 'cel-338';
const OPERADORES: OperadorNuevo[] = [
  { id: DISPOSITIVO, nombre: 'PREP Casilla, sección 338', ambito: 'CASILLA', catd: null, roles: ['digitalizacion'], casillas: ['140338B0100', '140338C0100'] },
  { id: 'admin', nombre: 'Administración', ambito: 'INSTITUTO', catd: null, roles: ['admin'], casillas: [] },
];
const HORA = 3_600_000;
const PANTALLA = '/catd/casilla/';

const dir = mkdtempSync(path.join(tmpdir(), 'prep-e2e-casilla-'));
let cliente: string;
let pila: Pila;
let nav: Browser;
let tokens: Map<string, string>;

beforeAll(async () => {
  cliente = portalConstruido(dir, 'catd/casilla');
  ({ pila, tokens } = await pilaCatd(dir, cliente, OPERADORES));
  // The first corte publishes the catalogue's elections (the `territorios` shard) the phone chooses the acta from.
  const r = await fetch(`${pila.url}/api/v1/cortes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens.get('admin')}`, 'content-type': 'application/json' },
    body: '{}',
  });
  expect(r.status, await r.clone().text()).toBeLessThan(300);
  nav = await abrirNavegador();
}, 240_000);

desmontarAlTerminar(() => ({ nav, pila, dir }));

interface ActaApi {
  estado: { imagen: { sha256: string; origen: string; digitalizacion: string; operador: string } | null } | null;
}

async function leerApi<T>(ruta: string): Promise<T> {
  const r = await fetch(`${pila.url}${ruta}`, { headers: { authorization: `Bearer ${tokens.get('admin')}` } });
  expect(r.status, ruta).toBe(200);
  return (await r.json()) as T;
}

/** The acta's current image and how many images the server ever recorded for it. */
async function imagenes(clave: string): Promise<{ sha256: string | null; origen: string | null; veces: number }> {
  const a = await leerApi<ActaApi>(`/api/v1/actas/${clave}`);
  const h = await leerApi<{ eventos: { accion: string }[] }>(`/api/v1/actas/${clave}/historial`);
  return { sha256: a.estado?.imagen?.sha256 ?? null, origen: a.estado?.imagen?.origen ?? null, veces: h.eventos.filter((e) => e.accion === 'DIGITALIZACION').length };
}

const revisar = revisarPantalla;

async function entrarCon(page: Page): Promise<void> {
  await llenarEntrada(page, DISPOSITIVO, tokens.get(DISPOSITIVO)!);
  await page.waitForURL(`${pila.url}${PANTALLA}`);
  await page.locator(`.casilla[data-sesion="${DISPOSITIVO}"]`).waitFor();
}

/** A small PNG of the acta (its clave as a QR); `marca` makes two photos of one acta differ. */
const foto = (clave: string, marca = 0) => Buffer.from(png(qrGris(clave, 64, 64, 1, marca)));

async function fotografiar(page: Page, casilla: string, eleccion: string, bytes: Buffer): Promise<void> {
  await page.getByLabel('Casilla').selectOption(casilla);
  await page.getByLabel('Acta de la elección').selectOption({ label: eleccion });
  await page.locator('input[type="file"][capture="environment"]').setInputFiles({ name: 'acta.png', mimeType: 'image/png', buffer: bytes });
}

const esperando = (page: Page) => page.locator('li[data-estado="esperando"]');
const enviadas = (page: Page) => page.locator('li[data-estado="enviada"]');

/** Waits until the service worker holds the page and the modules it loaded (what an offline reopening needs). */
async function esperarServicio(page: Page): Promise<void> {
  await page.waitForFunction(async () => {
    await navigator.serviceWorker.ready;
    const c = await caches.open('prep-casilla-v1');
    const claves = (await c.keys()).map((r) => new URL(r.url).pathname);
    const isla = document.querySelector('astro-island')?.getAttribute('component-url');
    return claves.includes('/catd/casilla/') && isla !== null && isla !== undefined && claves.includes(isla);
  }, undefined, { timeout: 15_000 });
}

/** Every POST of a photo the page makes: its clave and Idempotency-Key. */
function registrarEnvios(context: BrowserContext): { clave: string; llave: string; url: string; peticion: Request }[] {
  const envios: { clave: string; llave: string; url: string; peticion: Request }[] = [];
  context.on('request', (r) => {
    const m = /\/api\/v1\/actas\/([^/]+)\/imagen/.exec(r.url());
    if (r.method() === 'POST' && m) envios.push({ clave: m[1]!, llave: r.headers()['idempotency-key'] ?? '', url: r.url(), peticion: r });
  });
  return envios;
}

describe('PREP Casilla', () => {
  it('keeps the page within 50 KB of JavaScript (gzip)', () => {
    const peso = pesoJs(cliente, path.join(cliente, 'catd/casilla/index.html'));
    expect(peso.total, JSON.stringify(peso.modulos)).toBeLessThanOrEqual(50 * 1024);
    console.log(`catd/casilla/index.html: ${peso.total} B gzip`);
  });

  it('keeps photos taken without signal across closing the page, and sends each once when the signal returns', async () => {
    const { context, page } = await nuevaPagina(nav);
    const envios = registrarEnvios(context);
    // Signed in without asking for a screen, a PREP Casilla device lands on its own.
    await page.goto(`${pila.url}/catd/entrar/`);
    await entrarCon(page);
    await esperarServicio(page);
    await revisar(page, 'catd-casilla');

    await context.setOffline(true);
    const gub = foto('140338B01004');
    const dip = foto('140338B01005');
    await fotografiar(page, '140338B0100', 'Gubernatura', gub);
    await fotografiar(page, '140338B0100', 'Diputaciones Locales', dip);
    await expect.poll(() => esperando(page).count()).toBe(2);
    await page.locator('[data-conexion="no"]').getByText(/Sin señal/).waitFor();
    expect(await page.locator('li[data-clave="140338B01004"] [data-sha-local]').textContent()).toBe(sha256(gub));
    await revisar(page, 'catd-casilla-esperando');
    const llaves = await esperando(page).evaluateAll((ls) => Object.fromEntries(ls.map((l) => [l.getAttribute('data-clave'), l.getAttribute('data-idem')])));

    // Closed and opened again, still without signal: the page comes from the service worker, the photos wait.
    await page.close();
    const otra = await context.newPage();
    await otra.goto(`${pila.url}${PANTALLA}`);
    await otra.locator(`.casilla[data-sesion="${DISPOSITIVO}"]`).waitFor();
    await expect.poll(() => esperando(otra).count()).toBe(2);
    expect(await enviadas(otra).count()).toBe(0);

    // The first answer is lost on its way back (the server did apply it): the retry must not apply it twice.
    let cortadas = 0;
    await context.route('**/api/v1/actas/140338B01004/imagen*', async (route) => {
      if (cortadas > 0) return route.continue();
      cortadas++;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await context.setOffline(false);
    // Back online the photos go by themselves: on the online event, or (a page opened without signal may never
    // get one: Chromium keeps navigator.onLine true there) on its next look at the connection.
    await expect.poll(() => enviadas(otra).count(), { timeout: 20_000 }).toBe(2);
    expect(await esperando(otra).count()).toBe(0);
    expect(cortadas).toBe(1);

    for (const [clave, bytes] of [['140338B01004', gub], ['140338B01005', dip]] as const) {
      const fila = otra.locator(`li[data-clave="${clave}"]`);
      expect(await fila.locator('[data-sha-servidor]').textContent()).toBe(sha256(bytes));
      expect(await fila.locator('[data-recibida]').textContent()).toMatch(/^\d\d:\d\d:\d\d$/);
      expect(await imagenes(clave)).toEqual({ sha256: sha256(bytes), origen: 'CASILLA', veces: 1 });
      // Every try carried the key the photo got when taken.
      const mias = envios.filter((e) => e.clave === clave);
      expect(new Set(mias.map((e) => e.llave))).toEqual(new Set([llaves[clave]]));
    }
    expect(envios.filter((e) => e.clave === '140338B01004').length).toBeGreaterThanOrEqual(2);
    await revisar(otra, 'catd-casilla-enviadas');

    // The same request once more (a retry from anywhere): the stored answer, no second image.
    const primero = envios.find((e) => e.clave === '140338B01005')!;
    const r = await context.request.post(primero.url, { headers: primero.peticion.headers(), data: dip });
    // 201: the photo came before the paper (acopio), so it registered the acta; the replay says so again.
    expect(r.status()).toBe(201);
    expect(r.headers()['idempotent-replayed']).toBe('true');
    expect((await imagenes('140338B01005')).veces).toBe(1);
    await context.close();
  }, 120_000);

  it('sends a photo that waited while the session expired after signing in again, once', async () => {
    const { context, page } = await nuevaPagina(nav);
    const envios = registrarEnvios(context);
    await page.goto(`${pila.url}${PANTALLA}`);
    await page.waitForURL((u) => u.pathname === '/catd/entrar/' && u.searchParams.get('volver') === PANTALLA);
    await entrarCon(page);

    await context.setOffline(true);
    const bytes = foto('140338C01004', 7);
    await fotografiar(page, '140338C0100', 'Gubernatura', bytes);
    await expect.poll(() => esperando(page).count()).toBe(1);

    // Eight hours later, still without signal (the table checks that a session ends after it starts).
    const ahora = Date.now();
    pila.d1(`UPDATE sesion SET creada_at = ${ahora - 9 * HORA}, expira_at = ${ahora - 1000} WHERE operador = '${DISPOSITIVO}' AND cerrada_at IS NULL`);
    await context.setOffline(false);
    const aviso = page.locator('[data-aviso="sesion"]');
    await aviso.getByText(/sesión venció/).waitFor({ timeout: 20_000 });
    expect(await aviso.textContent()).toMatch(/Una foto espera en este teléfono/);
    expect(await esperando(page).count()).toBe(1);
    expect((await imagenes('140338C01004')).veces).toBe(0);
    expect(await violacionesAxe(page)).toEqual([]);

    await aviso.getByRole('link', { name: 'Entrar de nuevo' }).click();
    await page.waitForURL((u) => u.pathname === '/catd/entrar/' && u.searchParams.get('motivo') === 'SESION_EXPIRADA');
    await entrarCon(page);
    await expect.poll(() => enviadas(page).count(), { timeout: 20_000 }).toBe(1);
    expect(await esperando(page).count()).toBe(0);
    expect(await imagenes('140338C01004')).toEqual({ sha256: sha256(bytes), origen: 'CASILLA', veces: 1 });
    const mias = envios.filter((e) => e.clave === '140338C01004');
    expect(new Set(mias.map((e) => e.llave)).size).toBe(1);
    await context.close();
  }, 120_000);
});
