/**
 * End to end, the institute's operations console (issue 17) against `wrangler dev` with local D1: a few actas are
 * moved through the capture API by CATD operators (bearer tokens); an administrator signs in at the CATD sign-in
 * form and lands on /consola/, whose table per CATD × election and entidad totals equal independent SQL over the
 * actas in D1 — and follow a later capture without a reload. An observador (COTAPREP) sees the same console and,
 * with the stuck-acta threshold lowered in the address (not a faked clock), the stuck-acta alert. axe finds
 * nothing; the page's JavaScript is within 50 KB gzip. Last, on /consola/cortes/, one administrator requests the
 * final corte and a second one, in another browser, confirms it: it is published and the audit chain names both.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { COLUMNAS_FIJAS, type Captura } from '../../worker/domain/acta/esquema.ts';
import { actasEsperadas } from '../../worker/domain/acta/esperadas.ts';
import { jpegConComentario } from '../../worker/domain/captura/fixtures/imagenes.ts';
import type { OperadorNuevo } from '../../worker/domain/captura/operador-nuevo.ts';
import { catalogoEjemplo } from '../ejemplos/eleccion.ts';
import { abrirNavegador, nuevaPagina } from './lib/navegador.ts';
import { escribirApi, pilaCatd, portalConstruido, revisarPantalla, desmontarAlTerminar, llenarEntrada } from './lib/catd.ts';
import type { Pila } from './lib/pila.ts';
import { pesoJs } from './lib/presupuesto.ts';

const OPERADORES: OperadorNuevo[] = [
  { id: 'ana', nombre: 'Ana Pérez', ambito: 'CATD', catd: 'CATD-D01', roles: ['acopio', 'digitalizacion'], casillas: [] },
  { id: 'beto', nombre: 'Beto Ruiz', ambito: 'CATD', catd: 'CATD-D01', roles: ['captura'], casillas: [] },
  { id: 'caro', nombre: 'Carolina Díaz', ambito: 'CATD', catd: 'CATD-D01', roles: ['captura'], casillas: [] },
  { id: 'dani', nombre: 'Daniel Soto', ambito: 'CATD', catd: 'CATD-D02', roles: ['acopio'], casillas: [] },
  { id: 'coord', nombre: 'Coordinación del PREP', ambito: 'INSTITUTO', catd: null, roles: ['admin'], casillas: [] },
  { id: 'coord2', nombre: 'Coordinación del PREP (segunda firma)', ambito: 'INSTITUTO', catd: null, roles: ['admin'], casillas: [] },
  { id: 'cotaprep', nombre: 'Integrante del COTAPREP', ambito: 'INSTITUTO', catd: null, roles: ['observador'], casillas: [] },
];

const dir = mkdtempSync(path.join(tmpdir(), 'prep-e2e-consola-estado-'));
let cliente: string;
let pila: Pila;
let nav: Browser;
let tokens: Map<string, string>;

const esperadas = actasEsperadas(catalogoEjemplo);
if (!esperadas.ok) throw new Error('catálogo de ejemplo sin actas esperadas');

/** A plausible capture of `clave` (small figures per column). */
function captura(clave: string): Captura {
  const acta = esperadas.ok ? esperadas.value.find((a) => a.clave === clave)! : null!;
  const columnas = [...acta.boleta.columnas, ...COLUMNAS_FIJAS];
  const votos = Object.fromEntries(columnas.map((c, i) => [c, (i * 5 + 1) % 13]));
  const suma = Object.values(votos).reduce((s, v) => s + v, 0);
  return {
    votos,
    totales: { TOTAL_BOLETAS_SOBRANTES: acta.casilla.listaNominal - suma, TOTAL_PERSONAS_VOTARON: suma, TOTAL_REP_PARTIDO_CI_VOTARON: 0, TOTAL_VOTOS_SACADOS: suma, TOTAL_VOTOS_ASENTADO: suma },
  };
}

const json = (x: unknown) => JSON.stringify(x);
const recibir = (op: string, clave: string) => escribirApi(pila.url, tokens.get(op)!, '/api/v1/acopio', json({ clave }), 'application/json');
const digitalizar = (clave: string) =>
  escribirApi(pila.url, tokens.get('ana')!, `/api/v1/actas/${clave}/imagen?origen=CATD&digitalizacion=ESCANER&tipoDocumento=ACTA_PREP`, jpegConComentario(clave), 'image/jpeg');
const capturar = (op: string, clave: string) => escribirApi(pila.url, tokens.get(op)!, `/api/v1/actas/${clave}/capturas`, json(captura(clave)), 'application/json');

beforeAll(async () => {
  cliente = portalConstruido(dir, 'consola/cortes');
  ({ pila, tokens } = await pilaCatd(dir, cliente, OPERADORES));
  // CATD-D01: one acta waiting for its image, one verified by two equal captures, one with its first capture.
  await recibir('ana', '140338C01004');
  for (const clave of ['140338B01004', '140339B01004']) {
    await recibir('ana', clave);
    await digitalizar(clave);
    await capturar('beto', clave);
  }
  await capturar('caro', '140338B01004');
  // CATD-D02: one acta received, waiting for its image.
  await recibir('dani', '142301B01004');
  nav = await abrirNavegador();
}, 240_000);

desmontarAlTerminar(() => ({ nav, pila, dir }));

const CAMPOS = ['registradas', 'recibidas', 'digitalizadas', 'capturadas', 'verificadas', 'pendientes.DIGITALIZACION', 'pendientes.CAPTURA', 'pendientes.VERIFICACION', 'pendientes.COTEJO'];

/** Independent SQL over the acta rows: per CATD (by the catalogue's territory and elections) and election. */
function figurasD1(): Record<string, Record<string, number>> {
  const filas = pila.d1<Record<string, number | string>>(
    `SELECT c.id AS catd, a.eleccion, count(*) AS registradas, count(a.acopio_at) AS recibidas,
            sum(a.etapa IN ('CAPTURA', 'VERIFICACION', 'VERIFICADA')) AS digitalizadas,
            sum(a.etapa IN ('VERIFICACION', 'VERIFICADA')) AS capturadas, sum(a.etapa = 'VERIFICADA') AS verificadas,
            sum(a.etapa = 'DIGITALIZACION') AS "pendientes.DIGITALIZACION", sum(a.etapa = 'CAPTURA') AS "pendientes.CAPTURA",
            sum(a.etapa = 'VERIFICACION') AS "pendientes.VERIFICACION", sum(a.etapa = 'VERIFICADA' AND a.cotejada = 0) AS "pendientes.COTEJO"
     FROM acta a JOIN catd_eleccion ce ON ce.eleccion = a.eleccion JOIN catd c ON c.id = ce.catd
       AND c.territorio = CASE c.ambito WHEN 'distrito' THEN a.distrito ELSE a.municipio END
     GROUP BY c.id, a.eleccion`,
  );
  return Object.fromEntries(filas.map((f) => [`${f.catd}|${f.eleccion}`, Object.fromEntries(CAMPOS.map((k) => [k, Number(f[k])]))]));
}

/** The console's table per CATD × election as the screen shows it (rows with actas only). */
async function figurasPantalla(page: Page): Promise<Record<string, Record<string, number>>> {
  const filas = await page.locator('#tabla-catd tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      clave: `${tr.getAttribute('data-catd')}|${tr.getAttribute('data-eleccion')}`,
      campos: Object.fromEntries([...tr.querySelectorAll('[data-campo]')].map((td) => [td.getAttribute('data-campo'), Number(td.getAttribute('data-valor'))])),
    })),
  );
  return Object.fromEntries(filas.filter((f) => f.campos.registradas! > 0).map((f) => [f.clave, f.campos]));
}

async function entrarCon(page: Page, operador: string): Promise<void> {
  await page.goto(`${pila.url}/consola/`);
  // No session: the console sends the operator to the CATD sign-in form…
  await page.waitForURL((u) => u.pathname === '/catd/entrar/');
  await llenarEntrada(page, operador, tokens.get(operador)!);
  // …which brings an institute operator back to the console.
  await page.waitForURL(`${pila.url}/consola/`);
  await page.locator(`[data-sesion="${operador}"] #tabla-catd`).waitFor();
}

describe('operations console: live status and alerts', () => {
  it('keeps its JavaScript within 50 KB (gzip)', () => {
    const peso = pesoJs(cliente, path.join(cliente, 'consola/index.html'));
    expect(peso.total, JSON.stringify(peso.modulos)).toBeLessThanOrEqual(50 * 1024);
  });

  it('an administrator sees figures equal to D1\'s, and a later capture without reloading', async () => {
    const { context, page } = await nuevaPagina(nav);
    await entrarCon(page, 'coord');
    const d1 = figurasD1();
    expect(Object.keys(d1).sort()).toEqual(['CATD-D01|GUB', 'CATD-D02|GUB']);
    expect(await figurasPantalla(page)).toEqual(d1);
    const total = pila.d1<{ n: number }>('SELECT count(*) AS n FROM acta')[0]!.n;
    expect(await page.locator('#tabla-entidad tr[data-eleccion="*"] [data-campo="registradas"]').getAttribute('data-valor')).toBe(String(total));
    await revisarPantalla(page, 'consola-estado');

    // The second capture verifies 140339B01004: the screen follows within a few refreshes, on the same page.
    await page.evaluate(() => Object.assign(window, { sinRecargar: true }));
    await capturar('caro', '140339B01004');
    await expect.poll(() => figurasPantalla(page), { timeout: 20_000, interval: 500 }).toEqual(figurasD1());
    expect(figurasD1()['CATD-D01|GUB']!.verificadas).toBe(2);
    expect(await page.evaluate(() => (window as unknown as { sinRecargar?: boolean }).sinRecargar)).toBe(true);
    await context.close();
  });

  it('an observador sees the console, and a stuck acta once the threshold is lowered in the address', async () => {
    const { context, page } = await nuevaPagina(nav);
    await entrarCon(page, 'cotaprep');
    expect(await figurasPantalla(page)).toEqual(figurasD1());
    expect(await page.locator('li[data-tipo="ACTA_DETENIDA"]').count()).toBe(0);

    await page.goto(`${pila.url}/consola/?detenidaMin=0`);
    const alerta = page.locator('li[data-tipo="ACTA_DETENIDA"][data-catd="CATD-D02"]');
    await alerta.waitFor();
    expect(await alerta.textContent()).toMatch(/el acta 142301B01004 \(GUB\) lleva (menos de 1|\d+) min en digitalización/);
    expect(await page.locator('li[data-tipo="ACTA_DETENIDA"][data-catd="CATD-D01"]').count()).toBeGreaterThan(0);
    await revisarPantalla(page, 'consola-alertas');
    // The observador reads the console and nothing else.
    const cola = await page.evaluate(() => fetch('/api/v1/cola/captura').then((r) => r.status));
    expect(cola).toBe(403);
    await context.close();
  });

  it('the final corte: one administrator requests it on /consola/cortes/, another confirms it, it is published and audited', async () => {
    expect(pesoJs(cliente, path.join(cliente, 'consola/cortes/index.html')).total).toBeLessThanOrEqual(50 * 1024);
    const a = await nuevaPagina(nav);
    await entrarCon(a.page, 'coord');
    await a.page.getByRole('link', { name: 'Cortes' }).click();
    await a.page.waitForURL(`${pila.url}/consola/cortes/`);
    await a.page.locator('.consola-cortes[data-listo="si"]').waitFor();
    // By keyboard: the request is created, nothing is published yet, and its requester cannot confirm it.
    await a.page.getByRole('button', { name: 'Solicitar el corte final' }).press('Enter');
    const pendienteA = a.page.locator('li[data-solicitud]');
    await pendienteA.waitFor();
    const id = await pendienteA.getAttribute('data-solicitud');
    expect(await pendienteA.getByRole('button', { name: 'Confirmar' }).isDisabled()).toBe(true);
    expect(await pendienteA.textContent()).toContain('Usted la solicitó: debe confirmarla otro administrador.');
    expect(pila.d1<{ n: number }>('SELECT count(*) AS n FROM corte')[0]!.n).toBe(0);
    await revisarPantalla(a.page, 'consola-cortes-solicitud');

    const b = await nuevaPagina(nav);
    await entrarCon(b.page, 'coord2');
    await b.page.goto(`${pila.url}/consola/cortes/`);
    const pendienteB = b.page.locator('li[data-solicitud]');
    await pendienteB.getByRole('button', { name: 'Confirmar' }).click();
    await b.page.getByRole('status').filter({ hasText: 'Solicitud confirmada y aplicada' }).waitFor();
    await b.page.locator('tr[data-corte="1"]').waitFor();
    expect(await b.page.locator('tr[data-corte="1"] th').textContent()).toContain('(final)');

    const latest = (await (await fetch(`${pila.url}/datos/latest.json`)).json()) as { final: boolean; numero: number };
    expect(latest).toMatchObject({ final: true, numero: 1 });
    const entradas = pila.d1<{ operador: string; accion: string; detalle: string }>(
      `SELECT operador, accion, detalle FROM bitacora WHERE accion LIKE 'CORTE%' AND json_extract(detalle, '$.solicitud') = '${id}' ORDER BY id`,
    );
    expect(entradas.map((e) => [e.accion, e.operador])).toEqual([
      ['CORTES_SOLICITUD_CREADA', 'coord'],
      ['CORTE_FINAL_PUBLICADO', 'coord2'],
    ]);
    expect(JSON.parse(entradas[1]!.detalle)).toMatchObject({ solicitante: 'coord', confirmo: 'coord2', numero: 1 });
    await revisarPantalla(b.page, 'consola-cortes-final');
    await a.context.close();
    await b.context.close();
  }, 90_000);
});
