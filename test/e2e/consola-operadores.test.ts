/**
 * End to end, the console's operators screen (issue 17) through the UI only, against `wrangler dev` with local
 * D1: an administrator signs in at /catd/entrar/, opens /consola/operadores/, creates a capturist of a CATD and
 * issues their key (shown once, never in the URL or web storage); the capturist signs in with it in another
 * browser and sees their CATD's home; the administrator moves them to another CATD (after a confirmation) and
 * their open session shows it on reload; the administrator revokes (after a confirmation) and the capturist's next
 * request is refused. `/health` shows the version wrangler dev gives the version metadata binding. The audit chain in D1 records each change under the administrator's id and stays whole.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { verificarCadena, type FilaBitacora } from '../../worker/domain/bitacora/cadena.ts';
import type { OperadorNuevo } from '../../worker/domain/captura/operador-nuevo.ts';
import { abrirNavegador, nuevaPagina, violacionesAxe } from './lib/navegador.ts';
import { pilaCatd, portalConstruido, revisarPantalla, desmontarAlTerminar, llenarEntrada } from './lib/catd.ts';
import type { Pila } from './lib/pila.ts';
import { pesoJs } from './lib/presupuesto.ts';

const ADMIN: OperadorNuevo = { id: 'coord', nombre: 'Coordinación del PREP', ambito: 'INSTITUTO', catd: null, roles: ['admin'], casillas: [] };

const dir = mkdtempSync(path.join(tmpdir(), 'prep-e2e-consola-'));
let cliente: string;
let pila: Pila;
let nav: Browser;
let tokens: Map<string, string>;

beforeAll(async () => {
  cliente = portalConstruido(dir, 'consola/operadores');
  ({ pila, tokens } = await pilaCatd(dir, cliente, [ADMIN]));
  nav = await abrirNavegador();
}, 240_000);

desmontarAlTerminar(() => ({ nav, pila, dir }));

async function entrarCon(page: Page, operador: string, clave: string): Promise<void> {
  await page.goto(`${pila.url}/catd/entrar/`);
  await llenarEntrada(page, operador, clave);
  await page.waitForURL((u) => u.pathname !== '/catd/entrar/');
}

const auditoria = () => pila.d1<{ id: number; operador: string; accion: string; detalle: string }>("SELECT id, operador, accion, detalle FROM bitacora WHERE accion NOT LIKE 'SESION_%' AND accion <> 'RECHAZO' ORDER BY id");

describe('console: operators', () => {
  it('keeps the screen within 50 KB of JavaScript (gzip)', () => {
    const peso = pesoJs(cliente, path.join(cliente, 'consola/operadores/index.html'));
    expect(peso.total, JSON.stringify(peso.modulos)).toBeLessThanOrEqual(50 * 1024);
  });

  it('/health shows the platform version beside the build identity (wrangler dev: a random id, no tag)', async () => {
    const salud = (await (await fetch(`${pila.url}/health`)).json()) as { version: { id: string; tag: string; timestamp: string } | null };
    expect(salud.version?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(salud.version?.tag).toBe('');
    expect(Number.isNaN(Date.parse(salud.version!.timestamp))).toBe(false);
  });

  it('an admin creates a capturist and issues their key; the capturist signs in; the admin revokes; the audit chain names the admin', { timeout: 180_000 }, async () => {
    const previas = auditoria().length;
    const { context: ctxAdmin, page: admin } = await nuevaPagina(nav);
    await entrarCon(admin, 'coord', tokens.get('coord')!);
    await admin.goto(`${pila.url}/consola/operadores/`);
    await admin.locator('.consola-operadores[data-listo="si"]').waitFor();
    expect(await admin.locator('tr[data-fila="coord"]').textContent()).toMatch(/Coordinación del PREP/);
    await revisarPantalla(admin, 'consola-operadores');

    // Create: the form offers only the ámbito's roles; the new operator is selected for its key.
    const alta = admin.getByRole('form', { name: 'Crear operador' });
    await alta.getByLabel('Identificador').fill('luz-cap');
    await alta.getByLabel('Nombre completo').fill('Luz Martínez');
    await alta.getByLabel('Ámbito', { exact: true }).selectOption('CATD');
    await alta.getByLabel('CATD', { exact: true }).fill('CATD-D01');
    expect(await alta.getByRole('checkbox', { name: 'Administración' }).count()).toBe(0);
    await alta.getByRole('checkbox', { name: 'Captura' }).check();
    await alta.getByRole('button', { name: 'Crear operador' }).click();
    await admin.locator('section[data-operador="luz-cap"]').waitFor();
    await admin.locator('tr[data-fila="luz-cap"]').waitFor();
    // Creating it again is refused, and said.
    await alta.getByLabel('Identificador').fill('luz-cap');
    await alta.getByLabel('CATD', { exact: true }).fill('CATD-D01');
    await alta.getByRole('checkbox', { name: 'Captura' }).check();
    await alta.getByRole('button', { name: 'Crear operador' }).click();
    await expect.poll(() => alta.getByRole('alert').textContent()).toMatch(/Ya existe un operador/);

    // Issue the key: shown once, with the warning and a copy button; never in the URL or storage.
    await admin.getByRole('button', { name: 'Emitir clave' }).click();
    const valor = admin.locator('#secreto-valor');
    await valor.waitFor();
    const clave = await valor.inputValue();
    expect(clave).toMatch(/^prep_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(await admin.locator('[data-secreto]').textContent()).toMatch(/no se volverá a mostrar/);
    await ctxAdmin.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: pila.url });
    await admin.getByRole('button', { name: 'Copiar clave' }).click();
    await expect.poll(() => admin.evaluate(() => navigator.clipboard.readText())).toBe(clave);
    // axe over the key's panel (no screenshot: the key would be in it).
    expect(await violacionesAxe(admin)).toEqual([]);
    const almacen = await admin.evaluate(() => JSON.stringify({ l: { ...localStorage }, s: { ...sessionStorage }, u: location.href }));
    expect(almacen).not.toContain(clave.slice(22));
    await admin.getByRole('button', { name: /Ya la entregué/ }).click();
    expect(await admin.locator('#secreto-valor').count()).toBe(0);
    expect(await admin.content()).not.toContain(clave.slice(22));

    // The capturist, in another browser, signs in with that key and sees their CATD's home.
    const { page: luz } = await nuevaPagina(nav);
    await entrarCon(luz, 'luz-cap', clave);
    await luz.locator('[data-sesion="luz-cap"]').waitFor();
    expect(await luz.locator('[data-operador-catd]').textContent()).toBe('CATD-D01');

    // A CATD goes dark: the admin moves the capturist to its scope for the night, after confirming; her open
    // session acts with the new CATD from its next request on.
    await admin.getByLabel('Nuevo CATD').fill('CATD-D02');
    await admin.getByRole('button', { name: 'Cambiar CATD' }).click();
    await expect.poll(() => admin.evaluate(() => document.activeElement?.textContent)).toBe('Sí, cambiar de CATD');
    expect(await admin.locator('#confirmar-texto').textContent()).toMatch(/luz-cap del CATD-D01 al CATD-D02/);
    await admin.keyboard.press('Enter');
    await expect.poll(() => admin.locator('.consola-operadores > [role="status"]').textContent()).toBe('luz-cap ahora es del CATD-D02 (antes del CATD-D01).');
    await expect.poll(() => admin.locator('tr[data-fila="luz-cap"]').textContent()).toMatch(/CATD · CATD-D02/);
    await luz.reload();
    await expect.poll(() => luz.locator('[data-operador-catd]').textContent()).toBe('CATD-D02');

    // The admin revokes all of the capturist's keys, after confirming.
    await admin.locator('tr[data-fila="luz-cap"]').getByRole('button', { name: /Administrar/ }).click();
    await admin.getByRole('button', { name: 'Revocar todas sus claves' }).click();
    // The confirmation takes the focus once it has rendered (CI saw the click's own button still focused).
    await expect.poll(() => admin.evaluate(() => document.activeElement?.textContent)).toBe('Sí, revocar');
    await admin.keyboard.press('Enter');
    await expect.poll(() => admin.locator('.consola-operadores > [role="status"]').textContent()).toMatch(/Revocadas 1 clave/);
    await expect.poll(() => admin.locator('section[data-operador="luz-cap"]').textContent()).toMatch(/No tiene claves vigentes/);

    // The capturist's next request is refused: back to the form, told the session was revoked.
    await luz.reload();
    await luz.waitForURL((u) => u.pathname === '/catd/entrar/' && u.searchParams.get('motivo') === 'SESION_REVOCADA');
    const r = await fetch(`${pila.url}/api/v1/cola/captura`, { headers: { authorization: `Bearer ${clave}` } });
    expect(r.status).toBe(401);

    // Every change is in the audit chain under the admin's id, and the chain is whole.
    const cambios = auditoria().slice(previas);
    expect(cambios.map((e) => [e.operador, e.accion])).toEqual([
      ['coord', 'OPERADOR_CREADO'],
      ['coord', 'TOKEN_EMITIDO'],
      ['coord', 'ALCANCE_REASIGNADO'],
      ['coord', 'TOKEN_REVOCADO'],
    ]);
    expect(JSON.parse(cambios[0]!.detalle)).toMatchObject({ id: 'luz-cap', ambito: 'CATD', catd: 'CATD-D01', roles: ['captura'] });
    expect(JSON.parse(cambios[1]!.detalle)).toMatchObject({ operador: 'luz-cap', token: clave.slice(5, 21) });
    expect(JSON.parse(cambios[2]!.detalle)).toEqual({ operador: 'luz-cap', antes: 'CATD-D01', despues: 'CATD-D02' });
    expect(JSON.parse(cambios[3]!.detalle)).toEqual({ operador: 'luz-cap' });
    const todas = pila.d1<FilaBitacora>('SELECT * FROM bitacora ORDER BY id');
    expect(JSON.stringify(todas)).not.toContain(clave.slice(22));
    expect(await verificarCadena(async (desde, limite) => todas.filter((f) => f.id > desde).slice(0, limite))).toMatchObject({ ok: true });
  });
});
