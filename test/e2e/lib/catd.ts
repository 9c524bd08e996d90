/**
 * What every CATD screen's end-to-end test starts from: the built portal, and a local stack with the example
 * catalogue loaded and the test's operators created (their bearer tokens returned, for the setup and the checks
 * each test makes through the API).
 */
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, expect } from 'vitest';
import { ejecutarArchivoD1Local } from '../../../scripts/lib/d1-local.ts';
import { RAIZ } from '../../../scripts/lib/local.ts';
import { crearOperadoresEnLote } from '../../../scripts/lib/operadores-lote.ts';
import { guionSqlCatalogo } from '../../../worker/db/catalogo-carga.ts';
import type { OperadorNuevo } from '../../../worker/domain/captura/operador-nuevo.ts';
import type { Catalogo } from '../../../worker/domain/catalogo/esquema.ts';
import { catalogoEjemplo } from '../../ejemplos/eleccion.ts';
import { capturar, desbordaHorizontal, violacionesAxe } from './navegador.ts';
import { construirPortal, iniciarPila, type Pila } from './pila.ts';

const HORA = 3_600_000;

function masReciente(ruta: string): number {
  const s = statSync(ruta);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(ruta).map((n) => masReciente(path.join(ruta, n))));
}

/**
 * The built portal's client folder: dist/ when `pagina` (e.g. 'catd/acopio') is there and newer than every
 * source of the site (`npm test` builds it first), else a fresh build under `dir` (a test run alone).
 */
export function portalConstruido(dir: string, pagina: string): string {
  const dist = path.join(RAIZ, 'dist/client');
  try {
    const fuentes = ['site', 'worker/domain/contrato', 'astro.config.mjs', 'package.json'].map((f) => masReciente(path.join(RAIZ, f)));
    if (statSync(path.join(dist, pagina, 'index.html')).mtimeMs > Math.max(...fuentes)) return dist;
  } catch {
    // not built yet
  }
  construirPortal(path.join(dir, 'sitio'));
  return path.join(dir, 'sitio', 'client');
}

/** wrangler dev serving `cliente`, with `cat` (the example catalogue) and `operadores` (tokens valid 12 h, no rate limit to speak of). */
export async function pilaCatd(
  dir: string,
  cliente: string,
  operadores: OperadorNuevo[],
  cat: Catalogo = catalogoEjemplo,
): Promise<{ pila: Pila; tokens: Map<string, string> }> {
  let tokens = new Map<string, string>();
  const pila = await iniciarPila({
    assetsDir: cliente,
    prepararDatos: async ({ persistTo }) => {
      const archivo = path.join(dir, 'catalogo.sql');
      writeFileSync(archivo, guionSqlCatalogo(cat));
      ejecutarArchivoD1Local(persistTo, archivo);
      tokens = await crearOperadoresEnLote(persistTo, operadores, { vigenciaMs: 12 * HORA, limitePorMinuto: 10_000 });
    },
  });
  return { pila, tokens };
}

/** What every CATD screen must pass: axe finds nothing, nothing scrolls sideways at 360 px, noindex; a screenshot kept. */
export async function revisarPantalla(page: Page, nombre: string): Promise<void> {
  expect(await violacionesAxe(page), `axe en ${page.url()}`).toEqual([]);
  expect(await desbordaHorizontal(page), `desborde horizontal a 360 px en ${page.url()}`).toBe(false);
  expect(await page.locator('meta[name="robots"]').getAttribute('content')).toContain('noindex');
  await capturar(page, nombre);
}

/** A POST through the API with a bearer token (the tests' setup: what the screen under test does not do). */
export async function escribirApi(url: string, token: string, ruta: string, cuerpo: BodyInit, tipo: string): Promise<void> {
  const r = await fetch(`${url}${ruta}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': tipo }, body: cuerpo });
  if (!r.ok) throw new Error(`POST ${ruta} → HTTP ${r.status}: ${await r.text()}`);
}

/** A GET through the API with a bearer token, which must answer 200 (the tests' checks of what a screen did). */
export async function leerApiCon<T>(url: string, token: string, ruta: string): Promise<T> {
  const r = await fetch(`${url}${ruta}`, { headers: { authorization: `Bearer ${token}` } });
  expect(r.status, ruta).toBe(200);
  return (await r.json()) as T;
}

/** Fills the sign-in form, once it is ready, with an operator and their key, and sends it with Enter. */
export async function llenarEntrada(page: Page, operador: string, clave: string): Promise<void> {
  await page.locator('form.entrar[data-listo="si"]').waitFor();
  await page.getByLabel('Operador').fill(operador);
  await page.getByLabel('Clave de acceso').fill(clave);
  await page.getByLabel('Clave de acceso').press('Enter');
}

/** The teardown of every screen test file: its browser, its stack and its temporary folder, read when it runs. */
export function desmontarAlTerminar(recursos: () => { nav?: Browser; pila?: Pila; dir: string }): void {
  afterAll(async () => {
    const r = recursos();
    await r.nav?.close();
    await r.pila?.parar();
    rmSync(r.dir, { recursive: true, force: true });
  });
}
