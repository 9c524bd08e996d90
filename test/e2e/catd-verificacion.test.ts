/**
 * End to end, the CATD verification screen (issue 13) through the UI, against `wrangler dev` with local D1 and R2:
 * an acta is received, digitized (its rendered simulacro image) and captured twice with DIFFERENT figures through
 * the API; a verifier signs in through the form, sees exactly the differing fields highlighted and announced,
 * resolves them with the keyboard only (one taken from a capture with its number key, one corrected by typing) and
 * the API then has the acta verificada with exactly the chosen figures, by that verifier. Then a supervisor cotejos
 * it: sees its timeline (the two captures, the verification) and sends it to recaptura with a reason, by keyboard.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { imprentaDe } from '../../scripts/simulacro/imagen.ts';
import { COLUMNAS_FIJAS, ILEGIBLE, type Captura, type Valor } from '../../worker/domain/acta/esquema.ts';
import { actasEsperadas } from '../../worker/domain/acta/esperadas.ts';
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
  { id: 'vero', nombre: 'Verónica Ruiz', ambito: 'CATD', catd: 'CATD-D01', roles: ['verificacion'], casillas: [] },
  { id: 'sara', nombre: 'Sara Núñez', ambito: 'CATD', catd: 'CATD-D01', roles: ['supervisor'], casillas: [] },
];
const CLAVE = '140338B01004';

const esperadas = actasEsperadas(catalogoEjemplo);
if (!esperadas.ok) throw new Error('catálogo de ejemplo sin actas esperadas');
const acta = esperadas.value.find((a) => a.clave === CLAVE)!;
const columnas = [...acta.boleta.columnas, ...COLUMNAS_FIJAS];

/** What the paper acta says (and its rendered image shows). */
const votos: Record<string, Valor> = Object.fromEntries(columnas.map((c, i) => [c, (i * 7 + 3) % 19]));
const suma = Object.values(votos).reduce<number>((s, v) => s + (v as number), 0);
const PAPEL: Captura = {
  votos,
  totales: {
    TOTAL_BOLETAS_SOBRANTES: acta.casilla.listaNominal - suma,
    TOTAL_PERSONAS_VOTARON: suma,
    TOTAL_REP_PARTIDO_CI_VOTARON: 0,
    TOTAL_VOTOS_SACADOS: suma,
    TOTAL_VOTOS_ASENTADO: suma,
  },
};
/** The first capturist got PAPEL's figures but slipped on the votes taken out of the boxes. */
const PRIMERA: Captura = { ...PAPEL, totales: { ...PAPEL.totales, TOTAL_VOTOS_SACADOS: suma + 10 } };
/** The second one could not read PRI and slipped on the same total differently. */
const SEGUNDA: Captura = { votos: { ...PAPEL.votos, PRI: ILEGIBLE }, totales: { ...PAPEL.totales, TOTAL_VOTOS_SACADOS: suma - 1 } };

const dir = mkdtempSync(path.join(tmpdir(), 'prep-e2e-verificacion-'));
let pila: Pila;
let nav: Browser;
let cliente: string;
let tokens: Map<string, string>;

const escribir = (token: string, ruta: string, cuerpo: BodyInit, tipo: string) => escribirApi(pila.url, token, ruta, cuerpo, tipo);

const leerApi = <T,>(token: string, ruta: string) => leerApiCon<T>(pila.url, token, ruta);

beforeAll(async () => {
  cliente = portalConstruido(dir, 'catd/verificacion');
  ({ pila, tokens } = await pilaCatd(dir, cliente, OPERADORES));
  const rita = tokens.get('rita')!;
  await escribir(rita, '/api/v1/acopio', JSON.stringify({ clave: CLAVE, mecanismoTraslado: 'F' }), 'application/json');
  const png = imprentaDe(catalogoEjemplo).imagen(acta, PAPEL, 'CATD');
  await escribir(rita, `/api/v1/actas/${CLAVE}/imagen?origen=CATD&digitalizacion=ESCANER&tipoDocumento=ACTA_PREP`, new Uint8Array(png), 'image/png');
  await escribir(tokens.get('caro')!, `/api/v1/actas/${CLAVE}/capturas`, JSON.stringify(PRIMERA), 'application/json');
  await escribir(tokens.get('memo')!, `/api/v1/actas/${CLAVE}/capturas`, JSON.stringify(SEGUNDA), 'application/json');
  nav = await abrirNavegador();
}, 240_000);

desmontarAlTerminar(() => ({ nav, pila, dir }));

/** Opens a screen without a session and signs in through the form with the keyboard, landing back on it. */
async function entrar(page: Page, pantalla: string, operador: string): Promise<void> {
  await page.goto(`${pila.url}${pantalla}`);
  await page.waitForURL((u) => u.pathname === '/catd/entrar/' && u.searchParams.get('volver') === pantalla);
  await page.locator('form.entrar[data-listo="si"]').waitFor();
  await page.getByLabel('Operador').focus();
  await page.keyboard.type(operador);
  await page.keyboard.press('Tab');
  await page.keyboard.type(tokens.get(operador)!);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${pila.url}${pantalla}`);
}

const enfocado = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('CATD workstation: verificación', () => {
  it('keeps each screen within 50 KB of JavaScript (gzip)', () => {
    for (const pantalla of ['verificacion', 'cotejo']) {
      const peso = pesoJs(cliente, path.join(cliente, `catd/${pantalla}/index.html`));
      expect(peso.total, JSON.stringify(peso.modulos)).toBeLessThanOrEqual(50 * 1024);
    }
  });

  it('a verifier sees the differing fields highlighted and resolves them with the keyboard', async () => {
    const { context, page } = await nuevaPagina(nav);
    await entrar(page, '/catd/verificacion/', 'vero');
    await page.locator(`form.formulario-verificacion[data-acta="${CLAVE}"]`).waitFor();
    await page.locator(`img[data-imagen-acta="${CLAVE}"]`).waitFor();
    expect(await page.locator('img[data-imagen-acta]').evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);

    // Exactly the two differing fields are highlighted, and announced in words.
    expect(await page.locator('tr[data-difiere="si"]').evaluateAll((f) => f.map((e) => e.getAttribute('data-campo')))).toEqual(['PRI', 'TOTAL_VOTOS_SACADOS']);
    const resumen = await page.locator('[data-difieren]').textContent();
    expect(resumen).toMatch(/Difieren 2 campos: Partido Revolucionario Institucional, Votos sacados de las urnas\./);
    expect((await page.locator('tr[data-campo="PRI"] td').allTextContents()).map((t) => t.trim())).toEqual([String(PAPEL.votos.PRI), 'Ilegible', '']);
    expect(await violacionesAxe(page)).toEqual([]);
    expect(await desbordaHorizontal(page)).toBe(false);
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toContain('noindex');
    await capturar(page, 'catd-verificacion');

    // Keyboard only: the first difference has the focus; 1 takes capture 1's PRI and moves on; the total is typed.
    expect(await enfocado(page)).toBe('elige-PRI-1');
    await page.keyboard.press('1');
    await page.waitForFunction(() => document.activeElement?.id === 'elige-TOTAL_VOTOS_SACADOS-1');
    await page.keyboard.press('Tab');
    expect(await enfocado(page)).toBe('elige-TOTAL_VOTOS_SACADOS-otra');
    await page.keyboard.type(String(suma));
    const envio = page.waitForResponse((r) => r.url().endsWith('/verificacion') && r.request().method() === 'POST');
    await page.keyboard.press('Enter');
    expect((await envio).status()).toBe(200);
    await page.locator('[data-nota]').filter({ hasText: `Acta ${CLAVE} verificada.` }).waitFor();
    await page.locator('[data-sin-acta]').waitFor();
    await context.close();

    const vista = await leerApi<{ etapa: string; estado: { verificada: { captura: Captura; operador: string } } }>(tokens.get('vero')!, `/api/v1/actas/${CLAVE}`);
    expect(vista.etapa).toBe('VERIFICADA');
    expect(vista.estado.verificada.operador).toBe('vero');
    expect(vista.estado.verificada.captura).toEqual(PAPEL);
  }, 120_000);

  it('a supervisor sees the verified acta with its timeline and sends it to recaptura with the keyboard', async () => {
    const { context, page } = await nuevaPagina(nav);
    await entrar(page, '/catd/cotejo/', 'sara');
    await page.locator(`form.decision-cotejo[data-acta="${CLAVE}"]`).waitFor();
    expect(await page.locator('.historial-acta li').evaluateAll((l) => l.map((e) => e.getAttribute('data-accion')))).toEqual([
      'ACOPIO',
      'DIGITALIZACION',
      'CAPTURA',
      'CAPTURA',
      'VERIFICACION',
    ]);
    expect(await page.locator('.historial-acta li[data-accion="VERIFICACION"]').textContent()).toMatch(/\(vero\).*cifras confirmadas/);
    expect((await page.locator('tr[data-campo="TOTAL_VOTOS_SACADOS"] td').textContent())?.trim()).toBe(String(suma));
    expect(await violacionesAxe(page)).toEqual([]);
    expect(await desbordaHorizontal(page)).toBe(false);
    await capturar(page, 'catd-cotejo');

    // Keyboard only: the choice has the focus; arrow down to Recaptura, Tab to the reason, Tab and Enter to send.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.type('PRI no coincide con la imagen');
    await page.keyboard.press('Tab');
    const envio = page.waitForResponse((r) => r.url().endsWith('/cotejo') && r.request().method() === 'POST');
    await page.keyboard.press('Enter');
    expect((await envio).status()).toBe(200);
    await page.locator('[data-nota]').filter({ hasText: `Acta ${CLAVE} enviada a recaptura.` }).waitFor();
    await context.close();

    const vista = await leerApi<{ etapa: string; estado: { cotejada: number; devolucion: { por: string; motivo: string; operador: string } } }>(
      tokens.get('sara')!,
      `/api/v1/actas/${CLAVE}`,
    );
    expect(vista.etapa).toBe('CAPTURA');
    expect(vista.estado.cotejada).toBe(3);
    expect(vista.estado.devolucion).toMatchObject({ por: 'COTEJO', motivo: 'PRI no coincide con la imagen', operador: 'sara' });
  }, 120_000);
});
