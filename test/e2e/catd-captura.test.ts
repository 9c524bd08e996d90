/**
 * End to end, the CATD captura screen (issue 13) through the UI only, against `wrangler dev` with local D1 and R2:
 * an acta is received and digitized through the API (its rendered simulacro image), then two capturists each sign
 * in through the form and capture it with the keyboard only — the figures typed field by field, Enter to move, a
 * slip in the totals pointed out and confirmed with a second Enter, one field marked Ilegible with its key, the
 * image zoomed with + and -, a reload in the middle that keeps the draft, and the send cut after it reached the
 * server and retried with the same Idempotency-Key. The API then has the acta in verificación with exactly the
 * two typed captures, once each; no answer the second capturist's page received carried a capture's figures.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { imprentaDe } from '../../scripts/simulacro/imagen.ts';
import { COLUMNAS_FIJAS, ILEGIBLE, type Captura, type Valor } from '../../worker/domain/acta/esquema.ts';
import { actasEsperadas, type ActaEsperada } from '../../worker/domain/acta/esperadas.ts';
import type { OperadorNuevo } from '../../worker/domain/captura/operador-nuevo.ts';
import { catalogoEjemplo } from '../ejemplos/eleccion.ts';
import { abrirNavegador, capturar, desbordaHorizontal, nuevaPagina, violacionesAxe } from './lib/navegador.ts';
import { escribirApi, leerApiCon, pilaCatd, portalConstruido, desmontarAlTerminar } from './lib/catd.ts';
import type { Pila } from './lib/pila.ts';
import { pesoJs } from './lib/presupuesto.ts';

const OPERADORES: OperadorNuevo[] = [
  { id: 'rita', nombre: 'Rita Acopio', ambito: 'CATD', catd: 'CATD-D01', roles: ['acopio', 'digitalizacion'], casillas: [] },
  { id: 'caro', nombre: 'Carolina Díaz Mora', ambito: 'CATD', catd: 'CATD-D01', roles: ['captura'], casillas: [] },
  { id: 'memo', nombre: 'Guillermo Soto', ambito: 'CATD', catd: 'CATD-D01', roles: ['captura'], casillas: [] },
  { id: 'pepe', nombre: 'José Luis Pérez', ambito: 'CATD', catd: 'CATD-D01', roles: ['captura'], casillas: [] },
  { id: 'vero', nombre: 'Verónica Ruiz', ambito: 'CATD', catd: 'CATD-D01', roles: ['verificacion'], casillas: [] },
];
const CLAVE = '140338B01004';
/** Another acta of the same ballot, for the 409. */
const CLAVE2 = '140338C01004';

const esperadas = actasEsperadas(catalogoEjemplo);
if (!esperadas.ok) throw new Error('catálogo de ejemplo sin actas esperadas');
const acta = esperadas.value.find((a) => a.clave === CLAVE)!;
const acta2 = esperadas.value.find((a) => a.clave === CLAVE2)!;
const columnas = [...acta.boleta.columnas, ...COLUMNAS_FIJAS];

/** What the paper acta says: small figures per column; its written total of votes is one off (a slip of the acta). */
function figurasDelActa(a: ActaEsperada): Captura {
  const votos: Record<string, Valor> = Object.fromEntries(columnas.map((c, i) => [c, (i * 7 + 3) % 19]));
  const suma = Object.values(votos).reduce<number>((s, v) => s + (v as number), 0);
  return {
    votos,
    totales: {
      TOTAL_BOLETAS_SOBRANTES: a.casilla.listaNominal - suma,
      TOTAL_PERSONAS_VOTARON: suma,
      TOTAL_REP_PARTIDO_CI_VOTARON: 0,
      TOTAL_VOTOS_SACADOS: suma,
      TOTAL_VOTOS_ASENTADO: suma + 1,
    },
  };
}
const PAPEL = figurasDelActa(acta);
/** The second capturist cannot read PRI on the image and marks it Ilegible. */
const SEGUNDA: Captura = { ...PAPEL, votos: { ...PAPEL.votos, PRI: ILEGIBLE } };
/** The form's order: vote fields, then the totals as the acta prints them. */
const ORDEN = [...columnas, 'TOTAL_VOTOS_ASENTADO', 'TOTAL_BOLETAS_SOBRANTES', 'TOTAL_PERSONAS_VOTARON', 'TOTAL_REP_PARTIDO_CI_VOTARON', 'TOTAL_VOTOS_SACADOS'] as const;
const valor = (c: Captura, k: string): Valor => (k in c.votos ? c.votos[k]! : c.totales[k as keyof Captura['totales']]);

const dir = mkdtempSync(path.join(tmpdir(), 'prep-e2e-captura-'));
let cliente: string;
let pila: Pila;
let nav: Browser;
let tokens: Map<string, string>;

const escribir = (token: string, ruta: string, cuerpo: BodyInit, tipo: string) => escribirApi(pila.url, token, ruta, cuerpo, tipo);

const leerApi = <T,>(token: string, ruta: string) => leerApiCon<T>(pila.url, token, ruta);

beforeAll(async () => {
  cliente = portalConstruido(dir, 'catd/captura');
  ({ pila, tokens } = await pilaCatd(dir, cliente, OPERADORES));
  // The acta arrives and is scanned (through the API, as the simulacro does): the image shows PAPEL's figures.
  const rita = tokens.get('rita')!;
  await escribir(rita, '/api/v1/acopio', JSON.stringify({ clave: CLAVE, mecanismoTraslado: 'F' }), 'application/json');
  const png = imprentaDe(catalogoEjemplo).imagen(acta, PAPEL, 'CATD');
  await escribir(rita, `/api/v1/actas/${CLAVE}/imagen?origen=CATD&digitalizacion=ESCANER&tipoDocumento=ACTA_PREP`, new Uint8Array(png), 'image/png');
  nav = await abrirNavegador();
}, 240_000);

desmontarAlTerminar(() => ({ nav, pila, dir }));

/** Opens the captura screen without a session, signs in through the form with the keyboard, lands back on it. */
async function entrarACaptura(page: Page, operador: string, clave = CLAVE, antes?: () => Promise<void>): Promise<void> {
  await page.goto(`${pila.url}/catd/captura/`);
  await page.waitForURL((u) => u.pathname === '/catd/entrar/' && u.searchParams.get('volver') === '/catd/captura/');
  await page.locator('form.entrar[data-listo="si"]').waitFor();
  await antes?.();
  await page.getByLabel('Operador').focus();
  await page.keyboard.type(operador);
  await page.keyboard.press('Tab');
  await page.keyboard.type(tokens.get(operador)!);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${pila.url}/catd/captura/`);
  await page.locator(`form.formulario-captura[data-acta="${clave}"]`).waitFor();
}

const enfocado = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Types fields `desde`..`hasta` (exclusive) of `c` from the focused field on, Enter after each but the last one. */
async function teclear(page: Page, c: Captura, desde: number, hasta: number): Promise<void> {
  expect(await enfocado(page)).toBe(`campo-${ORDEN[desde]}`);
  for (let i = desde; i < hasta; i++) {
    const v = valor(c, ORDEN[i]!);
    await page.keyboard.press(v === ILEGIBLE ? 'i' : 'Backspace');
    if (typeof v === 'number') await page.keyboard.type(String(v));
    if (i < ORDEN.length - 1) await page.keyboard.press('Enter');
  }
}

/** The JSON answers of the API a page receives, as text. */
function respuestasApi(page: Page): string[] {
  const textos: string[] = [];
  page.on('response', async (r) => {
    if (!r.url().includes('/api/v1/') || !(r.headers()['content-type'] ?? '').includes('json')) return;
    textos.push(await r.text().catch(() => ''));
  });
  return textos;
}

describe('CATD workstation: captura', () => {
  it('keeps the screen within 50 KB of JavaScript (gzip)', () => {
    const peso = pesoJs(cliente, path.join(cliente, 'catd/captura/index.html'));
    expect(peso.total, JSON.stringify(peso.modulos)).toBeLessThanOrEqual(50 * 1024);
  });

  it('two capturists capture the acta with the keyboard only; it goes to verificación with exactly what they typed', async () => {
    // First capturist: the whole acta, a slip in the written total pointed out, confirmed with a second Enter.
    const primera = await nuevaPagina(nav);
    const p1 = primera.page;
    await entrarACaptura(p1, 'caro');
    expect(await p1.locator('[data-acta-actual]').textContent()).toMatch(/Acta 140338B01004 · Gubernatura · sección 338, casilla B1/);
    await p1.locator(`img[data-imagen-acta="${CLAVE}"]`).waitFor();
    expect(await p1.locator('img[data-imagen-acta]').evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
    await teclear(p1, PAPEL, 0, ORDEN.length);
    await p1.keyboard.press('Enter');
    await p1.locator('[data-avisos="1"]').waitFor();
    expect(await p1.locator('[data-avisos]').textContent()).toMatch(/no coincide con el total de votos asentado/);
    expect(await enfocado(p1)).toBe('campo-TOTAL_VOTOS_SACADOS');
    await p1.keyboard.press('Enter');
    await p1.locator('[data-nota="info"]').filter({ hasText: 'falta la captura de otra persona' }).waitFor();
    // Captured by her, the acta leaves her screen (it waits for someone else's capture).
    await p1.locator('[data-sin-acta]').waitFor();
    expect(await p1.evaluate(() => sessionStorage.length)).toBe(0);
    await primera.context.close();

    // Second capturist: sees no figure of the first capture anywhere.
    const segunda = await nuevaPagina(nav);
    const p2 = segunda.page;
    const respuestas = respuestasApi(p2);
    await entrarACaptura(p2, 'memo');
    expect(await violacionesAxe(p2)).toEqual([]);
    expect(await desbordaHorizontal(p2)).toBe(false);
    expect(await p2.locator('meta[name="robots"]').getAttribute('content')).toContain('noindex');
    await capturar(p2, 'catd-captura');

    // Zoom from the form with + and -.
    await p2.keyboard.press('+');
    await p2.keyboard.press('+');
    expect(await p2.locator('[data-zoom]').getAttribute('data-zoom')).toBe('1.5');
    await p2.keyboard.press('-');
    expect(await p2.locator('[data-zoom]').getAttribute('data-zoom')).toBe('1.25');

    // Half the acta, then a reload: the draft is still there (figures only, in this tab's sessionStorage).
    const mitad = 8;
    await teclear(p2, SEGUNDA, 0, mitad);
    // The draft is written after each keystroke's render: reload only once it holds every figure typed.
    const tecleadas = Object.fromEntries(ORDEN.slice(0, mitad).map((c) => [c, String(valor(SEGUNDA, c))]));
    await p2.waitForFunction(
      ([llave, esperadas]) => {
        const entradas = (JSON.parse(sessionStorage.getItem(llave) ?? '{}') as { entradas?: Record<string, string> }).entradas ?? {};
        return Object.entries(esperadas).every(([c, v]) => entradas[c] === v);
      },
      [`prep:captura:memo:${CLAVE}`, tecleadas] as const,
    );
    await p2.reload();
    await p2.locator(`form.formulario-captura[data-acta="${CLAVE}"]`).waitFor();
    for (let i = 0; i < mitad; i++) expect(await p2.locator(`#campo-${ORDEN[i]}`).getAttribute('data-valor')).toBe(String(valor(SEGUNDA, ORDEN[i]!)));
    expect(await p2.locator('#campo-PRI').inputValue()).toBe('Ilegible');
    const guardado = await p2.evaluate(() => Object.keys(sessionStorage).map((k) => [k, sessionStorage.getItem(k)]));
    expect(guardado.map(([k]) => k)).toEqual([`prep:captura:memo:${CLAVE}`]);
    expect(JSON.stringify(guardado)).not.toMatch(/prep_|csrf/i);
    for (let i = 0; i < mitad; i++) await p2.keyboard.press('Enter');
    await teclear(p2, SEGUNDA, mitad, ORDEN.length);

    // The connection is cut after the capture reached the server: the screen sends it again with the same key.
    const claves: string[] = [];
    let cortes = 0;
    await p2.route('**/api/v1/actas/*/capturas', async (route) => {
      claves.push(route.request().headers()['idempotency-key'] ?? '');
      if (cortes++ === 0) {
        await route.fetch();
        await route.abort('connectionreset');
      } else await route.continue();
    });
    const repetida = p2.waitForResponse((r) => r.url().endsWith('/capturas') && r.status() === 200);
    await p2.keyboard.press('Enter');
    await p2.locator('[data-avisos="2"]').waitFor();
    await p2.keyboard.press('Enter');
    expect((await repetida).headers()['idempotent-replayed']).toBe('true');
    await p2.locator('[data-nota="info"]').filter({ hasText: 'pasa a verificación' }).waitFor();
    expect(claves).toHaveLength(2);
    expect(claves[1]).toBe(claves[0]);
    expect(claves[0]).toMatch(/^[\x21-\x7e]{8,}$/);
    expect(respuestas.length).toBeGreaterThan(3);
    for (const r of respuestas) expect(r).not.toMatch(/"votos"/);
    await segunda.context.close();

    // The API: verificación, two captures, exactly as typed (an empty draft never turned into Sin dato here).
    const vero = tokens.get('vero')!;
    const vista = await leerApi<{ etapa: string; capturasRonda: { operador: string }[] }>(vero, `/api/v1/actas/${CLAVE}`);
    expect(vista.etapa).toBe('VERIFICACION');
    expect(vista.capturasRonda.map((k) => k.operador)).toEqual(['caro', 'memo']);
    const h = await leerApi<{ eventos: { accion: string; operador: string; detalle: { captura?: Captura } }[] }>(vero, `/api/v1/actas/${CLAVE}/historial`);
    const capturas = h.eventos.filter((e) => e.accion === 'CAPTURA');
    expect(capturas.map((e) => e.operador)).toEqual(['caro', 'memo']);
    expect(capturas[0]!.detalle.captura).toEqual(PAPEL);
    expect(capturas[1]!.detalle.captura).toEqual(SEGUNDA);
  }, 150_000);

  it('a capture someone else overtook (409): a clear message, the draft dropped, on to the next acta', async () => {
    const imagen = '?origen=CATD&digitalizacion=ESCANER&tipoDocumento=ACTA_PREP';
    const papel = figurasDelActa(acta2);
    await escribir(tokens.get('rita')!, '/api/v1/acopio', JSON.stringify({ clave: CLAVE2 }), 'application/json');
    await escribir(tokens.get('rita')!, `/api/v1/actas/${CLAVE2}/imagen${imagen}`, new Uint8Array(imprentaDe(catalogoEjemplo).imagen(acta2, papel, 'CATD')), 'image/png');
    await escribir(tokens.get('caro')!, `/api/v1/actas/${CLAVE2}/capturas`, JSON.stringify(papel), 'application/json');
    const { context, page } = await nuevaPagina(nav);
    // Someone else's draft left in this tab is gone once the next capturist's screen opens.
    const ajeno = `prep:captura:caro:${CLAVE2}`;
    await entrarACaptura(page, 'memo', CLAVE2, () => page.evaluate((k) => sessionStorage.setItem(k, '{"entradas":{"PAN":"12"},"envio":null}'), ajeno));
    expect(await page.evaluate((k) => sessionStorage.getItem(k), ajeno)).toBeNull();
    await page.keyboard.type('7');
    // On a phone (no letter keys) the marks are buttons that act on the field being typed, which keeps the focus.
    await page.getByRole('button', { name: /^Sin dato/ }).click();
    expect(await page.locator('#campo-PAN').getAttribute('data-valor')).toBe('SIN_DATO');
    expect(await enfocado(page)).toBe('campo-PAN');
    // Meanwhile a third capturist agrees with the first one: the acta is verified before this capture is sent.
    await escribir(tokens.get('pepe')!, `/api/v1/actas/${CLAVE2}/capturas`, JSON.stringify(papel), 'application/json');
    for (let i = 1; i < ORDEN.length; i++) await page.keyboard.press('Enter');
    expect(await enfocado(page)).toBe('campo-TOTAL_VOTOS_SACADOS');
    await page.keyboard.press('Enter');
    expect(await page.locator('[data-avisos]').textContent()).toMatch(/21 campos vacíos se enviarán como Sin dato/);
    await page.keyboard.press('Enter');
    await page.locator('[data-nota="error"]').filter({ hasText: `El acta ${CLAVE2} cambió mientras la capturaba` }).waitFor();
    await page.locator('[data-sin-acta]').waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await context.close();
    const vista = await leerApi<{ etapa: string; capturasRonda: { operador: string }[] }>(tokens.get('vero')!, `/api/v1/actas/${CLAVE2}`);
    expect(vista.etapa).toBe('VERIFICADA');
    expect(vista.capturasRonda.map((k) => k.operador)).toEqual(['caro', 'pepe']);
  }, 60_000);
});
