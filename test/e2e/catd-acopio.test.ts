/**
 * End to end, the CATD's acopio and digitalización desks (issue 13) through the UI only, against `wrangler dev`
 * with local D1 and R2: an acopio operator signs in through the form and registers an acta by typing its clave
 * (checked as typed), one sin acta and one fuera de catálogo, each with its time stamp; a digitalización operator
 * uploads two images at once and sees the server's SHA-256 equal to the browser's, then replaces one
 * (redigitalización). A split casilla read by its fields (a sección divided between territories) asks which part's
 * acta arrived, and the part chosen from the keyboard is registered by its key. Another browser, with Chromium's fake camera playing a QR of a clave, registers that acta by
 * reading the QR. axe finds no violation, nothing scrolls sideways at 360 px, and each screen's JavaScript —
 * the QR decoder it loads on demand included — is within 50 KB gzip.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OperadorNuevo } from '../../worker/domain/captura/operador-nuevo.ts';
import { catalogoConPartes } from '../ejemplos/partes.ts';
import { png, qrGris, y4m } from './fixtures/imagenes-qr.ts';
import { CHROMIUM, abrirNavegador, nuevaPagina } from './lib/navegador.ts';
import { pilaCatd, portalConstruido, revisarPantalla, desmontarAlTerminar, llenarEntrada } from './lib/catd.ts';
import type { Pila } from './lib/pila.ts';
import { pesoJs } from './lib/presupuesto.ts';
import { sha256 } from './lib/siembra.ts';

const OPERADORES: OperadorNuevo[] = [
  { id: 'acopio1', nombre: 'Rosa Méndez', ambito: 'CATD', catd: 'CATD-D01', roles: ['acopio'], casillas: [] },
  { id: 'dig1', nombre: 'Luis Cano', ambito: 'CATD', catd: 'CATD-D01', roles: ['digitalizacion'], casillas: [] },
  { id: 'admin', nombre: 'Administración', ambito: 'INSTITUTO', catd: null, roles: ['admin'], casillas: [] },
];
const HORA = 3_600_000;
/** Claves of CATD-D01 in the example catalogue (GUB ends in 4, DIP_LOC in 5). */
const TECLEADA = '140338B01004';
const SIN_ACTA = '140338C01005';
const POR_QR = '140338C01004';
/** 1121 B 01's AYUN acta is split in two parts in `catalogoConPartes` (part 2 counted in Guadalajara). */
const PARTIDA = '141121B01006';

const dir = mkdtempSync(path.join(tmpdir(), 'prep-e2e-acopio-'));
let cliente: string;
let pila: Pila;
let nav: Browser;
let tokens: Map<string, string>;

interface ActaApi {
  clave: string;
  etapa: string;
  estado: { registro: string; acopio: { at: number; motivoSinActa: string | null } | null; imagen: { sha256: string } | null } | null;
}

/** The acta as the API gives it to the admin's bearer token (reads are open to any role). */
async function actaApi(clave: string): Promise<ActaApi> {
  const r = await fetch(`${pila.url}/api/v1/actas/${clave}`, { headers: { authorization: `Bearer ${tokens.get('admin')}` } });
  expect(r.status, clave).toBe(200);
  return (await r.json()) as ActaApi;
}

beforeAll(async () => {
  cliente = portalConstruido(dir, 'catd/acopio');
  ({ pila, tokens } = await pilaCatd(dir, cliente, OPERADORES, catalogoConPartes));
  // The first corte publishes the catalogue's elections and the entidad's UTC offset the acopio screen reads.
  const r = await fetch(`${pila.url}/api/v1/cortes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens.get('admin')}`, 'content-type': 'application/json' },
    body: '{}',
  });
  expect(r.status, await r.clone().text()).toBeLessThan(300);
  nav = await abrirNavegador();
}, 240_000);

desmontarAlTerminar(() => ({ nav, pila, dir }));

const revisar = revisarPantalla;

/** Opens a desk without a session: the form comes first, then the desk again, signed in with the keyboard. */
async function entrarA(page: Page, pantalla: string, operador: string): Promise<void> {
  await page.goto(`${pila.url}${pantalla}`);
  await page.waitForURL((u) => u.pathname === '/catd/entrar/' && u.searchParams.get('volver') === pantalla);
  await llenarEntrada(page, operador, tokens.get(operador)!);
  await page.waitForURL(`${pila.url}${pantalla}`);
  await page.locator(`[data-sesion="${operador}"]`).waitFor();
}

/** Types a clave into the acopio field, key by key, and returns what the screen says of it. */
async function teclear(page: Page, clave: string): Promise<string> {
  const campo = page.getByLabel('Clave del acta (CLAVE_ACTA)');
  await campo.fill('');
  await campo.pressSequentially(clave);
  return (await page.locator('#clave-acta-ayuda').textContent()) ?? '';
}

/** The hh:mm:ss of `ms` in Jalisco (UTC−6), as the sello must show it. */
const horaJalisco = (ms: number) => new Date(ms - 6 * HORA).toISOString().slice(11, 19);

describe('CATD acopio and digitalización desks', () => {
  it('keeps each screen within 50 KB of JavaScript (gzip), the QR decoder included', () => {
    for (const html of ['catd/acopio/index.html', 'catd/digitalizacion/index.html']) {
      const peso = pesoJs(cliente, path.join(cliente, html));
      expect(peso.total, `${html}: ${JSON.stringify(peso.modulos)}`).toBeLessThanOrEqual(50 * 1024);
      console.log(`${html}: ${peso.total} B gzip`);
    }
    expect(pesoJs(cliente, path.join(cliente, 'catd/acopio/index.html')).modulos.some((m) => m.archivo.includes('decode'))).toBe(true);
  });

  it('registers an acta by its clave, one sin acta and one fuera de catálogo, each with its time stamp', async () => {
    const { context, page } = await nuevaPagina(nav);
    await entrarA(page, '/catd/acopio/', 'acopio1');
    await page.locator('.acopio[data-listo="si"]').waitFor();
    await revisar(page, 'catd-acopio');

    // Checked as typed: another entidad at its second digit, a part out of place, then a whole expected clave.
    expect(await teclear(page, '15')).toMatch(/entidad 15; este PREP es de la entidad 14/);
    expect(await teclear(page, '140338X')).toMatch(/tipo de casilla/);
    expect(await teclear(page, '1403')).toMatch(/Faltan 7 caracteres/);
    expect(await teclear(page, TECLEADA)).toMatch(/Clave completa\. Esperada en este CATD\./);
    await page.getByLabel('Traslado del paquete').selectOption('F');
    await page.getByLabel('Clave del acta (CLAVE_ACTA)').press('Enter');
    await page.locator(`[data-sello="${TECLEADA}"]`).waitFor();
    const tecleada = await actaApi(TECLEADA);
    expect([tecleada.etapa, tecleada.estado?.registro]).toEqual(['DIGITALIZACION', 'captura']);
    const at = tecleada.estado!.acopio!.at;
    expect(await page.locator('.sello-hora time').textContent()).toBe(horaJalisco(at));
    expect(await page.locator('.sello-zona').textContent()).toBe('UTC−6');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('clave-acta');
    await revisar(page, 'catd-acopio-sello');

    // The same acta again, from another package (the same request again would get the first answer back): the
    // API's refusal, in Spanish.
    await page.getByLabel('Traslado del paquete').selectOption('D');
    await teclear(page, TECLEADA);
    await page.getByLabel('Clave del acta (CLAVE_ACTA)').press('Enter');
    await page.locator('[data-aviso="error"]').waitFor();
    expect(await page.getByRole('alert').first().textContent()).toMatch(`El acta ${TECLEADA} ya fue recibida.`);

    // Sin acta, with its reason.
    await teclear(page, SIN_ACTA);
    await page.getByLabel('El paquete llegó sin el acta (sin acta)').check();
    await page.getByLabel('Motivo').selectOption('CASILLA_NO_INSTALADA');
    await page.getByRole('button', { name: 'Registrar sin acta' }).press('Enter');
    await page.locator(`[data-sello="${SIN_ACTA}"]`).waitFor();
    expect(await page.locator('.sello-acopio').textContent()).toMatch(/Registrada sin acta.*Motivo: Casilla no instalada/);
    const sinActa = await actaApi(SIN_ACTA);
    expect([sinActa.etapa, sinActa.estado?.acopio?.motivoSinActa]).toEqual(['SIN_ACTA', 'CASILLA_NO_INSTALADA']);

    // Fuera de catálogo, by what is read on the paper: a casilla number the catalogue does not have.
    await page.getByLabel('Elección').selectOption('DIP_LOC');
    await page.getByLabel('Sección').fill('338');
    await page.getByLabel('Tipo de casilla').selectOption('C');
    await page.getByLabel('Número de casilla').fill('9');
    await page.getByLabel('Extensión contigua').fill('0');
    await page.getByRole('button', { name: 'Registrar fuera de catálogo' }).click();
    const fc = page.locator('li[data-registro="fuera_catalogo"]');
    await fc.waitFor();
    const claveFc = (await fc.getAttribute('data-clave'))!;
    expect(claveFc).toMatch(/^FC-\d+$/);
    expect((await actaApi(claveFc)).estado?.registro).toBe('fuera_catalogo');
    expect(await page.locator('ol.recibidas li').count()).toBe(3);

    // A split casilla: its part key passes the screen's check; read by its fields, the screen asks which part
    // arrived (the first choice focused), and the part chosen from the keyboard is registered by its key.
    expect(await teclear(page, `${PARTIDA}-2`)).toMatch(/Clave completa\./);
    await teclear(page, '');
    await page.getByLabel('Elección').selectOption('AYUN');
    await page.getByLabel('Sección').fill('1121');
    await page.getByLabel('Tipo de casilla').selectOption('B');
    await page.getByLabel('Número de casilla').fill('1');
    await page.getByRole('button', { name: 'Registrar fuera de catálogo' }).click();
    const eleccion = page.getByRole('group', { name: /acta partida en 2 partes/ });
    await eleccion.waitFor();
    expect(await page.locator('#acta-partida-msg').textContent()).toBe(
      'Esta casilla tiene su acta partida en 2 partes (sección dividida entre territorios): elige cuál recibes.',
    );
    expect(await eleccion.getByRole('button').allTextContents()).toEqual([`${PARTIDA} · parte 1`, `${PARTIDA}-2 · parte 2`]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-parte'))).toBe('1');
    await revisar(page, 'catd-acopio-partida');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator(`[data-sello="${PARTIDA}-2"]`).waitFor();
    expect((await actaApi(`${PARTIDA}-2`)).estado?.registro).toBe('captura');
    expect(await eleccion.count()).toBe(0);
    expect(await page.getByLabel('Sección').inputValue()).toBe('');
    // The form goes on: the next acta by its clave.
    await teclear(page, `${PARTIDA}`);
    await page.getByLabel('Clave del acta (CLAVE_ACTA)').press('Enter');
    await page.locator(`[data-sello="${PARTIDA}"]`).waitFor();
    expect(await page.locator('ol.recibidas li').count()).toBe(5);
    await context.close();

    // The digitalización desk: two images at once from the "scanner folder", one named by its clave.
    const d = await nuevaPagina(nav);
    await entrarA(d.page, '/catd/digitalizacion/', 'dig1');
    await d.page.locator(`.cola-dig li[data-clave="${TECLEADA}"]`).waitFor();
    await revisar(d.page, 'catd-digitalizacion');
    const primera = png(qrGris(TECLEADA, 240, 240, 6));
    const deFc = png(qrGris(claveFc, 240, 240, 6));
    await d.page.getByLabel('Elegir imágenes del escáner (varias a la vez)').setInputFiles([
      { name: `${TECLEADA}.png`, mimeType: 'image/png', buffer: Buffer.from(primera) },
      { name: 'IMG_0001.png', mimeType: 'image/png', buffer: Buffer.from(deFc) },
    ]);
    const fila = (archivo: string) => d.page.locator(`li.fila-imagen[data-archivo="${archivo}"]`);
    await d.page.locator('li.fila-imagen[data-archivo="IMG_0001.png"][data-estado="lista"]').waitFor();
    await d.page.getByLabel(/Clave del acta/).nth(1).fill(claveFc);
    expect(await d.page.getByLabel(/Clave del acta/).first().inputValue()).toBe(TECLEADA);
    await d.page.getByRole('button', { name: 'Enviar 2 imágenes' }).click();
    for (const [archivo, bytes] of [[`${TECLEADA}.png`, primera], ['IMG_0001.png', deFc]] as const) {
      await d.page.locator(`li.fila-imagen[data-archivo="${archivo}"][data-estado="enviada"]`).waitFor();
      const navegador = await fila(archivo).locator('[data-sha-navegador]').getAttribute('data-sha-navegador');
      const servidor = await fila(archivo).locator('[data-sha-servidor]').getAttribute('data-sha-servidor');
      expect([navegador, servidor]).toEqual([sha256(bytes), sha256(bytes)]);
      expect(await fila(archivo).textContent()).toMatch(/✓ Coinciden/);
    }
    expect((await actaApi(TECLEADA)).estado?.imagen?.sha256).toBe(sha256(primera));
    expect((await actaApi(claveFc)).estado?.imagen?.sha256).toBe(sha256(deFc));
    await revisar(d.page, 'catd-digitalizacion-enviadas');

    // The first image turns out wrong: replaced through redigitalización by another take of the same paper.
    const segunda = png(qrGris(TECLEADA, 240, 240, 6, 40));
    const [selector] = await Promise.all([
      d.page.waitForEvent('filechooser'),
      d.page.getByRole('button', { name: `Reemplazar imagen de ${TECLEADA} (redigitalización)` }).click(),
    ]);
    await selector.setFiles({ name: 'retoma.png', mimeType: 'image/png', buffer: Buffer.from(segunda) });
    await fila('retoma.png').waitFor();
    expect(await fila('retoma.png').textContent()).toMatch(`reemplaza la imagen ${sha256(primera).slice(0, 12)}`);
    await d.page.getByRole('button', { name: 'Enviar 1 imagen' }).click();
    await d.page.locator('li.fila-imagen[data-archivo="retoma.png"][data-estado="enviada"]').waitFor();
    expect(await fila('retoma.png').locator('[data-sha-servidor]').getAttribute('data-sha-servidor')).toBe(sha256(segunda));
    expect((await actaApi(TECLEADA)).estado?.imagen?.sha256).toBe(sha256(segunda));
    await d.context.close();
  }, 120_000);

  it("reads the acta's QR through the device camera", async () => {
    const video = path.join(dir, 'qr.y4m');
    writeFileSync(video, y4m(qrGris(POR_QR, 640, 480, 8)));
    const camara = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`, '--use-fake-ui-for-media-stream'],
    });
    try {
      const { page } = await nuevaPagina(camara);
      await page.context().grantPermissions(['camera'], { origin: pila.url });
      await entrarA(page, '/catd/acopio/', 'acopio1');
      await page.getByRole('button', { name: 'Leer QR con la cámara' }).click();
      const campo = page.getByLabel('Clave del acta (CLAVE_ACTA)');
      await expect.poll(() => campo.inputValue(), { timeout: 20_000 }).toBe(POR_QR);
      // Chromium on Linux has no native QR detector: the screen fell back to the JavaScript decoder.
      expect(await page.locator('form.acopio-clave').getAttribute('data-lector')).toBe('javascript');
      expect(await page.locator('#clave-acta-ayuda').textContent()).toMatch(/Esperada en este CATD/);
      await page.keyboard.press('Enter');
      await page.locator(`[data-sello="${POR_QR}"]`).waitFor();
      expect((await actaApi(POR_QR)).etapa).toBe('DIGITALIZACION');
    } finally {
      await camara.close();
    }
  }, 90_000);
});
