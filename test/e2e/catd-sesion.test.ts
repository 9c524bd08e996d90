/**
 * End to end, the CATD workstation's sign-in and home (issue 13) through the UI only, against `wrangler dev` with
 * local D1: an operator signs in with the key `npm run operators -- token` would print, sees who is signed in and
 * its real work queues, keeps the session over a reload (the cookie is HttpOnly: page scripts cannot read it and
 * nothing lands in web storage or the URL), signs out; an expired session and a revoked operator are sent back
 * to the form with the reason, and too many wrong keys for one operator id are told to wait. axe finds no violation on either screen; each screen's JavaScript is within
 * 50 KB gzip.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ejecutar } from '../../scripts/lib/prueba-local.ts';
import { jpegConComentario } from '../../worker/domain/captura/fixtures/imagenes.ts';
import type { OperadorNuevo } from '../../worker/domain/captura/operador-nuevo.ts';
import { abrirNavegador, nuevaPagina } from './lib/navegador.ts';
import { escribirApi, pilaCatd, portalConstruido, revisarPantalla, desmontarAlTerminar, llenarEntrada } from './lib/catd.ts';
import type { Pila } from './lib/pila.ts';
import { pesoJs } from './lib/presupuesto.ts';

const OPERADORES: OperadorNuevo[] = [
  { id: 'ana', nombre: 'Ana Pérez Lozano', ambito: 'CATD', catd: 'CATD-D01', roles: ['acopio', 'digitalizacion', 'captura'], casillas: [] },
  { id: 'beto', nombre: 'Beto Ruiz', ambito: 'CATD', catd: 'CATD-D01', roles: ['supervisor'], casillas: [] },
];
const COOKIE = '__Host-prep_sesion';
const HORA = 3_600_000;

const dir = mkdtempSync(path.join(tmpdir(), 'prep-e2e-catd-'));
let cliente: string;
let pila: Pila;
let nav: Browser;
let tokens: Map<string, string>;

/** Newest modification time under `ruta` (file or folder). */


const _escrituras = 0;

/** One write of the capture API with a bearer token (the machines' way, unchanged by sessions). */
const escribir = (token: string, ruta: string, cuerpo: BodyInit, tipo: string) => escribirApi(pila.url, token, ruta, cuerpo, tipo);

/** A small real JPEG, different per text. */
const jpeg = jpegConComentario;

/** Queue lengths as the API gives them to the operator's own bearer token. */
async function colaApi(token: string, paso: string): Promise<number> {
  const r = await fetch(`${pila.url}/api/v1/cola/${paso}?limite=500`, { headers: { authorization: `Bearer ${token}` } });
  return ((await r.json()) as { actas: unknown[] }).actas.length;
}

beforeAll(async () => {
  cliente = portalConstruido(dir, 'catd');
  ({ pila, tokens } = await pilaCatd(dir, cliente, OPERADORES));
  // Real work in CATD-D01's queues, done by Ana's bearer token: two actas received, one of them digitized.
  const ana = tokens.get('ana')!;
  for (const clave of ['140338C01004', '140338B01004']) await escribir(ana, '/api/v1/acopio', JSON.stringify({ clave }), 'application/json');
  const imagen = '/api/v1/actas/140338B01004/imagen?origen=CATD&digitalizacion=ESCANER&tipoDocumento=ACTA_PREP';
  await escribir(ana, imagen, jpeg('acta 140338B01004'), 'image/jpeg');
  nav = await abrirNavegador();
}, 240_000);

desmontarAlTerminar(() => ({ nav, pila, dir }));

const revisar = revisarPantalla;

/** Waits until the page is the sign-in form shown for `motivo`. */
async function enElFormulario(page: Page, motivo: string, texto: RegExp): Promise<void> {
  await page.waitForURL((u) => u.pathname === '/catd/entrar/' && u.searchParams.get('motivo') === motivo);
  await page.locator('form.entrar[data-listo="si"]').waitFor();
  expect(await page.getByRole('alert').textContent()).toMatch(texto);
  const tipo = motivo === 'CERRADA' || motivo === 'SESION_AUSENTE' ? 'info' : 'error';
  expect(await page.getByRole('alert').getAttribute('data-aviso')).toBe(tipo);
}

/** Signs in through the form with the keyboard only. */
async function entrarCon(page: Page, operador: string, clave: string): Promise<void> {
  await llenarEntrada(page, operador, clave);
}

async function cookieSesion(context: BrowserContext) {
  return (await context.cookies(pila.url)).find((c) => c.name === COOKIE);
}

describe('CATD workstation: sign-in and session', () => {
  it('keeps each screen within 50 KB of JavaScript (gzip)', () => {
    for (const html of ['catd/index.html', 'catd/entrar/index.html']) {
      const peso = pesoJs(cliente, path.join(cliente, html));
      expect(peso.total, `${html}: ${JSON.stringify(peso.modulos)}`).toBeLessThanOrEqual(50 * 1024);
    }
  });

  it('signs in, shows who and the real queues, survives a reload, signs out; the cookie stays out of reach', async () => {
    const { context, page } = await nuevaPagina(nav);
    const ana = tokens.get('ana')!;
    await page.goto(`${pila.url}/catd/`);
    await enElFormulario(page, 'SESION_AUSENTE', /Entre con su operador/);
    await revisar(page, 'catd-entrar');

    await entrarCon(page, 'ana', 'prep_noexiste_clavefalsa');
    await page.locator('[data-aviso="error"]').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/operador o la clave de acceso no son válidos/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('clave');

    const antes = Date.now();
    await entrarCon(page, 'ana', ana);
    await page.waitForURL(`${pila.url}/catd/`);
    await page.locator('[data-sesion="ana"] tr[data-paso="captura"]').waitFor();
    expect(await page.locator('[data-operador-nombre]').textContent()).toBe('Ana Pérez Lozano');
    expect(await page.locator('[data-operador-id]').textContent()).toBe('ana');
    expect(await page.locator('[data-operador-catd]').textContent()).toBe('CATD-D01');
    expect(await page.locator('[data-operador-roles]').textContent()).toBe('Acopio, Digitalización, Captura');
    const expira = Number(await page.locator('[data-expira]').getAttribute('data-expira'));
    expect(expira).toBeGreaterThan(antes + 7 * HORA);
    expect(expira).toBeLessThanOrEqual(Date.now() + 8 * HORA);
    const cuantas = (paso: string) => page.locator(`tr[data-paso="${paso}"]`).getAttribute('data-cuantas').then(Number);
    expect(await cuantas('digitalizacion')).toBe(1);
    expect(await cuantas('captura')).toBe(1);
    expect(await cuantas('acopio')).toBe(await colaApi(ana, 'acopio'));
    expect(await page.locator('tr[data-paso="captura"] td').last().textContent()).toMatch(/^desde las \d\d:\d\d \(/);
    await revisar(page, 'catd-inicio');

    // The session cookie: HttpOnly (page scripts cannot read it), and nothing of the session kept by the page.
    const cookie = await cookieSesion(context);
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
    const visto = await page.evaluate(() => ({ cookie: document.cookie, local: localStorage.length, sesion: sessionStorage.length }));
    expect(visto).toEqual({ cookie: expect.not.stringContaining('prep_sesion'), local: 0, sesion: 0 });
    expect(page.url()).not.toContain(ana);

    await page.reload();
    await page.locator('[data-sesion="ana"] tr[data-paso="captura"]').waitFor();
    // The form, opened while signed in, goes straight back to the screen.
    await page.goto(`${pila.url}/catd/entrar/`);
    await page.waitForURL(`${pila.url}/catd/`);
    await page.locator('[data-sesion="ana"] tr[data-paso="captura"]').waitFor();

    // Sign out after the reload: the DELETE carries the CSRF value read again from GET /api/v1/sesion.
    await page.getByRole('button', { name: 'Cerrar sesión' }).press('Enter');
    await enElFormulario(page, 'CERRADA', /Cerró su sesión/);
    expect(await cookieSesion(context)).toBeUndefined();
    const vieja = await fetch(`${pila.url}/api/v1/sesion`, { headers: { cookie: `${COOKIE}=${cookie!.value}` } });
    expect(vieja.status).toBe(401);
    await page.goto(`${pila.url}/catd/`);
    await enElFormulario(page, 'SESION_AUSENTE', /Entre con su operador/);

    // Signed in again in a second tab, the shared cookie is a new session: the first tab's write is refused for
    // its old CSRF value, takes the new one from GET /api/v1/sesion and goes through.
    await entrarCon(page, 'ana', ana);
    await page.locator('[data-sesion="ana"]').waitFor();
    const otra = await context.newPage();
    await otra.goto(`${pila.url}/catd/entrar/?motivo=CERRADA`);
    await entrarCon(otra, 'ana', ana);
    await otra.locator('[data-sesion="ana"]').waitFor();
    expect((await cookieSesion(context))!.value).not.toBe(cookie!.value);
    await page.getByRole('button', { name: 'Cerrar sesión' }).press('Enter');
    await enElFormulario(page, 'CERRADA', /Cerró su sesión/);
    await context.close();
  }, 90_000);

  it('sends an expired session and a revoked operator back to the form, saying why', async () => {
    const { context, page } = await nuevaPagina(nav);
    await page.goto(`${pila.url}/catd/entrar/`);
    await entrarCon(page, 'beto', tokens.get('beto')!);
    await page.locator('[data-sesion="beto"] tr[data-paso="cotejo"]').waitFor();
    expect(await page.locator('[data-operador-roles]').textContent()).toBe('Supervisión');

    // Eight hours later (the table checks that a session ends after it starts).
    const ahora = Date.now();
    pila.d1(`UPDATE sesion SET creada_at = ${ahora - 9 * HORA}, expira_at = ${ahora - 1000} WHERE operador = 'beto' AND cerrada_at IS NULL`);
    await page.getByRole('button', { name: 'Actualizar colas' }).click();
    await enElFormulario(page, 'SESION_EXPIRADA', /sesión venció/);

    await entrarCon(page, 'beto', tokens.get('beto')!);
    await page.locator('[data-sesion="beto"]').waitFor();
    const r = ejecutar('operators.ts', ['revocar', '--operador', 'beto'], pila.persistTo);
    expect(r.status, r.stderr).toBe(0);
    await page.goto(`${pila.url}/catd/`);
    await enElFormulario(page, 'SESION_REVOCADA', /revocada/);

    // Guessing keys for one operator id: after 10 failures in the window the form says to wait, and for how long.
    for (let i = 0; i < 10; i++) {
      const f = await fetch(`${pila.url}/api/v1/sesion`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ operador: 'intruso', clave: `prep_x_${i}` }) });
      expect(f.status).toBe(401);
    }
    await entrarCon(page, 'intruso', 'prep_x_otra');
    await page.locator('[data-aviso="error"]').getByText(/Demasiados intentos fallidos/).waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/dentro de \d+ minutos?/);
    await context.close();
  }, 90_000);
});
