/**
 * End to end, one CATD's night (issue 13) through the screens only, against `wrangler dev` with local D1 and R2:
 * people at the acopio, digitalización, captura, verificación, cotejo and PREP Casilla screens take actas through
 * every path — a normal acta (typed clave, scanned image, two equal captures), a sin acta with its reason, an acta
 * with Ilegible and Sin dato fields (keys I and S), two different captures resolved by a verifier, a recaptura and
 * a redigitalización ordered at cotejo, a fuera de catálogo, a phone photo taken without signal and sent when the
 * signal returns, and requests cut on their way back (the acopio's and a capture's), retried with the same
 * Idempotency-Key and applied once. Then a corte is published and its open data (the results CSV inside the zip)
 * and its sección shards must carry, figure by figure, exactly what was typed, classified as docs/REGLAS.md §4 says.
 * Only the operators' creation and the cortes go through the API.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { COLUMNAS_FIJAS, ILEGIBLE, SIN_DATO, type Captura, type Valor } from '../../worker/domain/acta/esquema.ts';
import { actasEsperadas, type ActaEsperada } from '../../worker/domain/acta/esperadas.ts';
import type { OperadorNuevo } from '../../worker/domain/captura/operador-nuevo.ts';
import { sinApostrofo } from '../../worker/domain/claves/clave.ts';
import { actaDeFila, leerActa, tablaDeBloque, type Manifiesto, type Puntero, type SeccionShard } from '../../worker/domain/contrato/index.ts';
import { leerCsvResultados } from '../../worker/domain/corte/verificar-csv.ts';
import { catalogoEjemplo } from '../ejemplos/eleccion.ts';
import { png, qrGris } from './fixtures/imagenes-qr.ts';
import { leerApiCon, pilaCatd, portalConstruido, revisarPantalla, desmontarAlTerminar, llenarEntrada } from './lib/catd.ts';
import { abrirNavegador, nuevaPagina } from './lib/navegador.ts';
import type { Pila } from './lib/pila.ts';
import { api, sha256 } from './lib/siembra.ts';

const CATD = 'CATD-D01';
const DISPOSITIVO = 'cel-338';
const persona = (id: string, nombre: string, roles: OperadorNuevo['roles']): OperadorNuevo => ({ id, nombre, ambito: 'CATD', catd: CATD, roles, casillas: [] });
const OPERADORES: OperadorNuevo[] = [
  persona('rosa', 'Rosa Méndez', ['acopio']),
  persona('luis', 'Luis Cano', ['digitalizacion']),
  persona('caro', 'Carolina Díaz Mora', ['captura']),
  persona('memo', 'Guillermo Soto', ['captura']),
  persona('vero', 'Verónica Ruiz', ['verificacion']),
  persona('sara', 'Sara Núñez', ['supervisor']),
  { id: DISPOSITIVO, nombre: 'PREP Casilla, sección 338', ambito: 'CASILLA', catd: null, roles: ['digitalizacion'], casillas: ['140338B0100'] },
  { id: 'admin', nombre: 'Administración', ambito: 'INSTITUTO', catd: null, roles: ['admin'], casillas: [] },
];

/** The actas of the night (CATD-D01; GUB claves end in 4, DIP_LOC in 5). */
const NORMAL = '140338B01004';
const ILEGIBLES = '140338C01004';
const DISTINTAS = '140338C02004';
const RECAPTURA = '140339B01004';
const REDIGITALIZA = '141120B01004';
const SIN_ACTA = '140338C01005';
const DEL_TELEFONO = '140338B01005';
const POR_ACOPIO = [NORMAL, ILEGIBLES, DISTINTAS, RECAPTURA, REDIGITALIZA];

const esperadas = actasEsperadas(catalogoEjemplo);
if (!esperadas.ok) throw new Error('catálogo de ejemplo sin actas esperadas');
const actaDe = (clave: string): ActaEsperada => esperadas.value.find((a) => a.clave === clave)!;
const columnasDe = (clave: string) => [...actaDe(clave).boleta.columnas, ...COLUMNAS_FIJAS];
/** The capture form's order: vote fields, then the totals as the acta prints them. */
const ordenDe = (clave: string) => [...columnasDe(clave), 'TOTAL_VOTOS_ASENTADO', 'TOTAL_BOLETAS_SOBRANTES', 'TOTAL_PERSONAS_VOTARON', 'TOTAL_REP_PARTIDO_CI_VOTARON', 'TOTAL_VOTOS_SACADOS'];
const valor = (c: Captura, k: string): Valor => (k in c.votos ? c.votos[k]! : c.totales[k as keyof Captura['totales']]);
const sumaNumeros = (c: Captura) => Object.values(c.votos).reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);

/** What a paper acta says: small figures per column (`semilla` makes actas differ), totals that add up. */
function papel(clave: string, semilla: number, marcas: Record<string, Valor> = {}): Captura {
  const votos: Record<string, Valor> = Object.fromEntries(columnasDe(clave).map((c, i) => [c, (i * 7 + semilla) % 23]));
  Object.assign(votos, marcas);
  const suma = sumaNumeros({ votos, totales: {} as Captura['totales'] });
  return {
    votos,
    totales: {
      TOTAL_BOLETAS_SOBRANTES: actaDe(clave).casilla.listaNominal - suma,
      TOTAL_PERSONAS_VOTARON: suma,
      TOTAL_REP_PARTIDO_CI_VOTARON: 2,
      TOTAL_VOTOS_SACADOS: suma,
      TOTAL_VOTOS_ASENTADO: suma,
    },
  };
}

const CIFRAS = {
  [NORMAL]: papel(NORMAL, 3),
  [ILEGIBLES]: papel(ILEGIBLES, 5, { PRI: ILEGIBLE, PVEM: SIN_DATO }),
  [DISTINTAS]: papel(DISTINTAS, 8),
  [DEL_TELEFONO]: papel(DEL_TELEFONO, 11),
} as Record<string, Captura>;
/** The second capturist of DISTINTAS misreads PAN; the verifier takes the first capture's figure. */
const DISTINTAS_MAL: Captura = { ...CIFRAS[DISTINTAS]!, votos: { ...CIFRAS[DISTINTAS]!.votos, PAN: (CIFRAS[DISTINTAS]!.votos.PAN as number) + 10 } };
/** RECAPTURA and REDIGITALIZA: verified first with figures the cotejo finds wrong, then captured right. */
const PRIMERA_RONDA = { [RECAPTURA]: papel(RECAPTURA, 1), [REDIGITALIZA]: papel(REDIGITALIZA, 2) } as Record<string, Captura>;
CIFRAS[RECAPTURA] = papel(RECAPTURA, 13);
CIFRAS[REDIGITALIZA] = papel(REDIGITALIZA, 17);

/** Images: a small PNG per acta (its clave as a QR); `marca` makes a second take differ. */
const imagen = (clave: string, marca = 0) => Buffer.from(png(qrGris(clave, 240, 240, 6, marca)));
const IMAGENES = new Map<string, Buffer>(POR_ACOPIO.map((c) => [c, imagen(c)]));

const dir = mkdtempSync(path.join(tmpdir(), 'prep-e2e-noche-'));
let pila: Pila;
let nav: Browser;
let tokens: Map<string, string>;
/** One signed-in page per person, kept for the whole night. */
const paginas = new Map<string, { context: BrowserContext; page: Page }>();
/** The fuera de catálogo registration's key, FC-<n>. */
let claveFc = '';

const leerApi = <T,>(ruta: string) => leerApiCon<T>(pila.url, tokens.get('admin')!, ruta);
interface Evento {
  accion: string;
  operador: string;
}
const eventos = async (clave: string) => (await leerApi<{ eventos: Evento[] }>(`/api/v1/actas/${clave}/historial`)).eventos;
const etapa = async (clave: string) => (await leerApi<{ etapa: string }>(`/api/v1/actas/${clave}`)).etapa;

beforeAll(async () => {
  const cliente = portalConstruido(dir, 'catd/captura');
  ({ pila, tokens } = await pilaCatd(dir, cliente, OPERADORES));
  // The first corte publishes the elections and the entidad's offset that the acopio and PREP Casilla screens read.
  await api(pila.url).publicarCorte(tokens.get('admin')!);
  nav = await abrirNavegador();
}, 240_000);

desmontarAlTerminar(() => ({ nav, pila, dir }));

/** API requests each page has under way: a queue screen is settled only when none is. */
const enVuelo = new WeakMap<Page, number>();
function contarPeticiones(page: Page): void {
  enVuelo.set(page, 0);
  const api = (r: { url(): string }) => r.url().includes('/api/v1/');
  page.on('request', (r) => api(r) && enVuelo.set(page, enVuelo.get(page)! + 1));
  const termina = (r: Request) => api(r) && enVuelo.set(page, enVuelo.get(page)! - 1);
  page.on('requestfinished', termina);
  page.on('requestfailed', termina);
}

/** The person's page, signed in through the form at `pantalla` (once per person). */
async function pagina(operador: string, pantalla: string): Promise<Page> {
  const ya = paginas.get(operador);
  if (ya) return ya.page;
  const p = await nuevaPagina(nav);
  paginas.set(operador, p);
  const { page } = p;
  contarPeticiones(page);
  await page.goto(`${pila.url}${pantalla}`);
  await page.waitForURL((u) => u.pathname === '/catd/entrar/');
  await llenarEntrada(page, operador, tokens.get(operador)!);
  await page.waitForURL(`${pila.url}${pantalla}`);
  await page.locator(`[data-sesion="${operador}"]`).waitFor();
  return page;
}

/** Acopio by typed clave: the help says it is expected here, Enter registers it and its sello shows. */
async function recibir(page: Page, clave: string): Promise<void> {
  const campo = page.getByLabel('Clave del acta (CLAVE_ACTA)');
  await campo.fill('');
  await campo.pressSequentially(clave);
  expect(await page.locator('#clave-acta-ayuda').textContent()).toMatch(/Esperada en este CATD/);
  await campo.press('Enter');
  await page.locator(`[data-sello="${clave}"]`).waitFor();
}

/** Types `c` into the open form of `clave`, keyboard only (I / S for the marks), and sends it with Enter. */
async function teclear(page: Page, clave: string, c: Captura): Promise<void> {
  const orden = ordenDe(clave);
  await page.locator(`#campo-${orden[0]}`).focus();
  // One keystroke sequence, as a person types it: digits, or I / S for the marks, and Enter after each field.
  const teclas = orden.map((k) => {
    const v = valor(c, k);
    return `${v === ILEGIBLE ? 'i' : v === SIN_DATO ? 's' : String(v)}\n`;
  });
  await page.keyboard.type(teclas.join(''));
  // Slips pointed out (a marked field leaves the sum short of the written total): a second Enter sends as is.
  const avisos = page.locator(`form[data-acta="${clave}"] [data-avisos]:not([data-avisos="0"])`);
  const hecho = page.locator('[data-nota="info"]').filter({ hasText: `Acta ${clave}: captura registrada` });
  await Promise.race([avisos.waitFor(), hecho.waitFor()]);
  if (await avisos.isVisible()) await page.keyboard.press('Enter');
  await hecho.waitFor();
}

/** What a queue screen shows once it waits for no answer (not opening an acta nor reading its queue): the open acta, or 'ninguna'. */
async function asentada(page: Page, forma: string): Promise<string> {
  let abierta = '';
  await expect
    .poll(async () => {
      if (enVuelo.get(page) !== 0) return '';
      abierta = await page.evaluate((f) => {
        const nota = document.querySelector('[data-sin-acta]')?.textContent ?? '';
        if (/Abriendo|Leyendo/.test(nota)) return '';
        return document.querySelector(f)?.getAttribute('data-acta') ?? (nota ? 'ninguna' : '');
      }, forma);
      return abierta;
    }, { timeout: 15_000 })
    .not.toBe('');
  return abierta;
}

/** A capturist takes `clave` from the queue (another one may be open: then it is chosen from the list). */
async function capturar(operador: string, clave: string, c: Captura): Promise<void> {
  const page = await pagina(operador, '/catd/captura/');
  const fila = page.locator(`.cola-captura li[data-clave="${clave}"]`);
  let abierta = await asentada(page, 'form.formulario-captura');
  for (let i = 0; abierta !== clave && !(await fila.isVisible()); i++) {
    if (i > 20) throw new Error(`${clave} no llega a la cola de captura de ${operador}`);
    if (i > 0) await page.waitForTimeout(300);
    await page.getByRole('button', { name: 'Actualizar cola' }).click();
    abierta = await asentada(page, 'form.formulario-captura');
  }
  if (abierta !== clave) await fila.getByRole('button', { name: clave }).click();
  await page.locator(`form.formulario-captura[data-acta="${clave}"]`).waitFor();
  await teclear(page, clave, c);
}

/** A supervisor opens `clave` from the cotejo queue and decides on it with the mouse and the keyboard. */
async function cotejar(clave: string, accion: 'ACEPTAR' | 'RECAPTURA' | 'REDIGITALIZACION', motivo = ''): Promise<void> {
  const page = await pagina('sara', '/catd/cotejo/');
  const forma = page.locator(`form.decision-cotejo[data-acta="${clave}"]`);
  if ((await asentada(page, 'form.decision-cotejo')) !== clave) {
    const fila = page.locator(`.cola-captura li[data-clave="${clave}"]`);
    if (!(await fila.isVisible())) await page.getByRole('button', { name: 'Actualizar cola' }).click();
    await fila.getByRole('button', { name: clave }).click();
  }
  await forma.waitFor();
  await forma.locator(`input[value="${accion}"]`).check();
  if (motivo) await forma.getByLabel(/Motivo/).fill(motivo);
  await forma.getByRole('button', { name: 'Registrar cotejo' }).press('Enter');
  const tras = { ACEPTAR: 'aceptada en el cotejo', RECAPTURA: 'enviada a recaptura', REDIGITALIZACION: 'enviada a redigitalización' }[accion];
  await page.locator('[data-nota]').filter({ hasText: `Acta ${clave} ${tras}.` }).waitFor();
  // The screen goes on to the next acta by itself: wait until it has.
  const abierta = () => page.evaluate(() => document.querySelector('form.decision-cotejo')?.getAttribute('data-acta') ?? 'ninguna');
  await expect.poll(abierta, { timeout: 15_000 }).not.toBe(clave);
}

/** The POSTs a page makes to `patron`: the first one reaches the server and its answer is cut on the way back. */
async function cortarPrimera(page: Page, patron: string): Promise<string[]> {
  const llaves: string[] = [];
  await page.route(patron, async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    llaves.push(route.request().headers()['idempotency-key'] ?? '');
    if (llaves.length > 1) return route.continue();
    await route.fetch();
    await route.abort('connectionreset');
  });
  return llaves;
}

describe('one CATD through the night, through its screens', () => {
  it('acopio: typed claves (the first answer cut and retried), a sin acta with its reason, a fuera de catálogo', async () => {
    const page = await pagina('rosa', '/catd/acopio/');
    await page.locator('.acopio[data-listo="si"]').waitFor();
    await page.getByLabel('Traslado del paquete').selectOption('F');

    const llaves = await cortarPrimera(page, '**/api/v1/acopio');
    await recibir(page, NORMAL);
    await page.unroute('**/api/v1/acopio');
    expect(llaves).toHaveLength(2);
    expect(llaves[1]).toBe(llaves[0]);
    expect((await eventos(NORMAL)).filter((e) => e.accion === 'ACOPIO')).toHaveLength(1);
    for (const clave of POR_ACOPIO.slice(1)) await recibir(page, clave);

    const campo = page.getByLabel('Clave del acta (CLAVE_ACTA)');
    await campo.fill(SIN_ACTA);
    await page.getByLabel('El paquete llegó sin el acta (sin acta)').check();
    await page.getByLabel('Motivo').selectOption('CASILLA_NO_INSTALADA');
    await page.getByRole('button', { name: 'Registrar sin acta' }).press('Enter');
    await page.locator(`[data-sello="${SIN_ACTA}"]`).waitFor();
    expect(await page.locator('.sello-acopio').textContent()).toMatch(/Registrada sin acta.*Motivo: Casilla no instalada/);

    await page.getByLabel('Elección').selectOption('DIP_LOC');
    await page.getByLabel('Sección').fill('338');
    await page.getByLabel('Tipo de casilla').selectOption('C');
    await page.getByLabel('Número de casilla').fill('9');
    await page.getByLabel('Extensión contigua').fill('0');
    await page.getByRole('button', { name: 'Registrar fuera de catálogo' }).click();
    const fc = page.locator('li[data-registro="fuera_catalogo"]');
    await fc.waitFor();
    claveFc = (await fc.getAttribute('data-clave'))!;
    expect(claveFc).toMatch(/^FC-\d+$/);
    for (const clave of POR_ACOPIO) expect(await etapa(clave)).toBe('DIGITALIZACION');
    expect(await etapa(SIN_ACTA)).toBe('SIN_ACTA');
  }, 60_000);

  it('digitalización and PREP Casilla: scanner images, and a photo taken without signal sent when it returns', async () => {
    const page = await pagina('luis', '/catd/digitalizacion/');
    await page.locator(`.cola-dig li[data-clave="${REDIGITALIZA}"]`).waitFor();
    await page.getByLabel('Elegir imágenes del escáner (varias a la vez)').setInputFiles(
      POR_ACOPIO.map((c) => ({ name: `${c}.png`, mimeType: 'image/png', buffer: IMAGENES.get(c)! })),
    );
    await page.getByRole('button', { name: `Enviar ${POR_ACOPIO.length} imágenes` }).click();
    for (const c of POR_ACOPIO) {
      const fila = page.locator(`li.fila-imagen[data-archivo="${c}.png"][data-estado="enviada"]`);
      await fila.waitFor();
      expect(await fila.locator('[data-sha-servidor]').getAttribute('data-sha-servidor')).toBe(sha256(IMAGENES.get(c)!));
    }

    // PREP Casilla on the phone: signed in, loses signal, photographs the DIP_LOC acta, sends it back online.
    const tel = await nuevaPagina(nav);
    paginas.set(DISPOSITIVO, tel);
    await tel.page.goto(`${pila.url}/catd/entrar/`);
    await llenarEntrada(tel.page, DISPOSITIVO, tokens.get(DISPOSITIVO)!);
    await tel.page.waitForURL(`${pila.url}/catd/casilla/`);
    await tel.page.locator(`.casilla[data-sesion="${DISPOSITIVO}"]`).waitFor();
    await tel.context.setOffline(true);
    const foto = imagen(DEL_TELEFONO, 9);
    IMAGENES.set(DEL_TELEFONO, foto);
    await tel.page.getByLabel('Casilla').selectOption('140338B0100');
    await tel.page.getByLabel('Acta de la elección').selectOption({ label: 'Diputaciones Locales' });
    await tel.page.locator('input[type="file"][capture="environment"]').setInputFiles({ name: 'acta.png', mimeType: 'image/png', buffer: foto });
    await tel.page.locator(`li[data-clave="${DEL_TELEFONO}"][data-estado="esperando"]`).waitFor();
    await tel.page.locator('[data-conexion="no"]').waitFor();
    expect(await etapa(DEL_TELEFONO)).toBe('PENDIENTE');
    await tel.context.setOffline(false);
    const enviada = tel.page.locator(`li[data-clave="${DEL_TELEFONO}"][data-estado="enviada"]`);
    await enviada.waitFor({ timeout: 20_000 });
    expect(await enviada.locator('[data-sha-servidor]').textContent()).toBe(sha256(foto));
    await tel.context.close();
    for (const c of [...POR_ACOPIO, DEL_TELEFONO]) expect(await etapa(c)).toBe('CAPTURA');
  }, 60_000);

  it('captura and verificación: equal captures, Ilegible and Sin dato, a cut send retried once, two captures resolved', async () => {
    // The first capture of the normal acta: its answer is cut after the server applied it; the screen retries.
    const caro = await pagina('caro', '/catd/captura/');
    const llaves = await cortarPrimera(caro, '**/api/v1/actas/*/capturas');
    await capturar('caro', NORMAL, CIFRAS[NORMAL]!);
    await caro.unroute('**/api/v1/actas/*/capturas');
    expect(llaves).toHaveLength(2);
    expect(llaves[1]).toBe(llaves[0]);
    expect((await eventos(NORMAL)).filter((e) => e.accion === 'CAPTURA').map((e) => e.operador)).toEqual(['caro']);

    await capturar('caro', ILEGIBLES, CIFRAS[ILEGIBLES]!);
    await capturar('memo', NORMAL, CIFRAS[NORMAL]!);
    await capturar('memo', ILEGIBLES, CIFRAS[ILEGIBLES]!);
    for (const c of [RECAPTURA, REDIGITALIZA, DEL_TELEFONO]) {
      const cifras = PRIMERA_RONDA[c] ?? CIFRAS[c]!;
      await capturar('caro', c, cifras);
      await capturar('memo', c, cifras);
    }
    await capturar('caro', DISTINTAS, CIFRAS[DISTINTAS]!);
    await capturar('memo', DISTINTAS, DISTINTAS_MAL);
    for (const c of [NORMAL, ILEGIBLES, RECAPTURA, REDIGITALIZA, DEL_TELEFONO]) expect([c, await etapa(c)]).toEqual([c, 'VERIFICADA']);
    expect(await etapa(DISTINTAS)).toBe('VERIFICACION');

    // The verifier sees PAN differ, takes capture 1 with its key and sends from the button with Enter.
    const vero = await pagina('vero', '/catd/verificacion/');
    await vero.locator(`form.formulario-verificacion[data-acta="${DISTINTAS}"]`).waitFor();
    expect(await vero.locator('tr[data-difiere="si"]').evaluateAll((f) => f.map((e) => e.getAttribute('data-campo')))).toEqual(['PAN']);
    await revisarPantalla(vero, 'catd-noche-verificacion');
    expect(await vero.evaluate(() => document.activeElement?.id)).toBe('elige-PAN-1');
    await vero.keyboard.press('1');
    await vero.waitForFunction(() => document.activeElement?.getAttribute('type') === 'submit');
    await vero.keyboard.press('Enter');
    await vero.locator('[data-nota]').filter({ hasText: `Acta ${DISTINTAS} verificada.` }).waitFor();
    expect(await etapa(DISTINTAS)).toBe('VERIFICADA');
  }, 120_000);

  it('cotejo: one accepted, one sent to recaptura and captured again, one redigitalized with a new image', async () => {
    await cotejar(NORMAL, 'ACEPTAR');
    await cotejar(RECAPTURA, 'RECAPTURA', 'Las cifras no coinciden con la imagen');
    await cotejar(REDIGITALIZA, 'REDIGITALIZACION', 'La imagen es de otra acta');
    expect(await etapa(RECAPTURA)).toBe('CAPTURA');
    expect(await etapa(REDIGITALIZA)).toBe('DIGITALIZACION');

    // The digitalización desk sees it returned and sends a new take of the paper.
    const luis = await pagina('luis', '/catd/digitalizacion/');
    await luis.reload();
    const enCola = luis.locator(`.cola-dig li[data-clave="${REDIGITALIZA}"]`);
    await enCola.waitFor();
    expect(await enCola.textContent()).toMatch(/devuelta para redigitalización/);
    const nueva = imagen(REDIGITALIZA, 40);
    IMAGENES.set(REDIGITALIZA, nueva);
    const [selector] = await Promise.all([luis.waitForEvent('filechooser'), enCola.getByRole('button', { name: `Elegir imagen de ${REDIGITALIZA}` }).click()]);
    await selector.setFiles({ name: 'retoma.png', mimeType: 'image/png', buffer: nueva });
    await luis.getByRole('button', { name: 'Enviar 1 imagen' }).click();
    await luis.locator('li.fila-imagen[data-archivo="retoma.png"][data-estado="enviada"]').waitFor();
    expect(await etapa(REDIGITALIZA)).toBe('CAPTURA');

    // Captured again, by the same two people, with what the paper says; the capturists see no earlier figures.
    const respuestas: string[] = [];
    const caro = await pagina('caro', '/catd/captura/');
    caro.on('response', async (r) => {
      if (r.url().includes('/api/v1/') && (r.headers()['content-type'] ?? '').includes('json')) respuestas.push(await r.text().catch(() => ''));
    });
    for (const c of [RECAPTURA, REDIGITALIZA]) {
      await capturar('caro', c, CIFRAS[c]!);
      await capturar('memo', c, CIFRAS[c]!);
      expect(await etapa(c)).toBe('VERIFICADA');
    }
    expect(respuestas.length).toBeGreaterThan(3);
    for (const r of respuestas) expect(r).not.toMatch(/"votos"/);
  }, 120_000);

  it('the published corte shows exactly what was typed, classified as the rules say', async () => {
    const corte = await api(pila.url).publicarCorte(tokens.get('admin')!);
    expect(corte.resultado).toBe('publicado');
    const leer = async (ruta: string) => {
      const r = await fetch(`${pila.url}/${ruta.replace(/^\//, '')}`);
      expect(r.status, ruta).toBe(200);
      return r;
    };
    const puntero = (await (await leer('datos/latest.json')).json()) as Puntero;
    expect(puntero.numero).toBe(corte.numero);
    const manifiesto = (await (await leer(puntero.manifiesto.ruta)).json()) as Manifiesto;
    const zip = unzipSync(new Uint8Array(await (await leer(puntero.abiertos.ruta)).arrayBuffer()));
    const csv = (eleccion: string) => {
      const nombre = Object.keys(zip).find((n) => n.endsWith(`/${eleccion}.csv`))!;
      const r = leerCsvResultados(new TextDecoder('utf-8', { ignoreBOM: true }).decode(zip[nombre]!));
      if (!r.ok) throw new Error(`${nombre}: ${r.error.mensaje}`);
      const { cabecera, filas } = r.value;
      return filas.map((f) => Object.fromEntries(cabecera.map((c, i) => [c, sinApostrofo(f.fields[i]!.value)])));
    };
    const filas = [...csv('GUB'), ...csv('DIP_LOC')];
    const fila = (clave: string) => filas.find((f) => f.CLAVE_ACTA === clave)!;
    const secciones = new Map<number, SeccionShard>();
    const seccion = async (n: number) => {
      if (!secciones.has(n)) secciones.set(n, (await (await leer(manifiesto.shards.find((s) => s.id === `seccion/${n}`)!.ruta)).json()) as SeccionShard);
      return secciones.get(n)!;
    };
    const celda = (v: Valor) => (v === ILEGIBLE ? 'Ilegible' : v === SIN_DATO ? 'Sin dato' : String(v));

    const observaciones = { [ILEGIBLES]: 'Ilegible, Sin dato' } as Record<string, string>;
    const cotejada = { [NORMAL]: '1', [RECAPTURA]: '2', [REDIGITALIZA]: '2' } as Record<string, string>;
    for (const clave of [...POR_ACOPIO, DEL_TELEFONO]) {
      const c = CIFRAS[clave]!;
      const f = fila(clave);
      const esperado: Record<string, string> = {
        ...Object.fromEntries(ordenDe(clave).map((k) => [k, celda(valor(c, k))])),
        TOTAL_VOTOS_CALCULADO: String(sumaNumeros(c)),
        OBSERVACIONES: observaciones[clave] ?? '',
        CONTABILIZADA: '1',
        CODIGO_INTEGRIDAD: sha256(IMAGENES.get(clave)!),
        ORIGEN: clave === DEL_TELEFONO ? 'CASILLA' : 'CATD',
        DIGITALIZACION: clave === DEL_TELEFONO ? 'MOVIL' : 'ESCANER',
        COTEJADA: cotejada[clave] ?? '0',
      };
      expect(Object.fromEntries(Object.keys(esperado).map((k) => [k, f[k]])), clave).toEqual(esperado);
      if (clave !== DEL_TELEFONO) expect(f.MECANISMOS_TRASLADO, clave).toBe('F');

      // The sección shard (what the portal shows) carries the same figures.
      const a = actaDe(clave);
      const shard = await seccion(a.seccion.id);
      const bloque = shard.elecciones.find((e) => e.codigo === a.eleccion.codigo)!;
      const leida = leerActa(actaDeFila(bloque.actas.find((x) => x[0] === clave)!, shard.seccion), tablaDeBloque(shard, bloque).columnas, 14);
      expect([leida.estatus, leida.votos, leida.totales, leida.totalVotosCalculado], clave).toEqual(['CONTABILIZADA', c.votos, c.totales, sumaNumeros(c)]);
    }

    const sinActa = fila(SIN_ACTA);
    expect([sinActa.OBSERVACIONES, sinActa.CONTABILIZADA, sinActa.TOTAL_VOTOS_CALCULADO, sinActa.PAN, sinActa.TOTAL_VOTOS_ASENTADO, sinActa.CODIGO_INTEGRIDAD]).toEqual([
      'Sin acta por casilla no instalada',
      '0',
      '-',
      '-',
      '-',
      '-',
    ]);
    const fc = filas.filter((f) => f.OBSERVACIONES === 'Fuera de catálogo');
    expect(fc.map((f) => [f.CLAVE_ACTA, f.SECCION, f.TIPO_CASILLA, f.ID_CASILLA, f.EXT_CONTIGUA, f.CONTABILIZADA])).toEqual([['-', '338', 'C', '9', '0', '2']]);
    expect(claveFc).toMatch(/^FC-/);
  }, 60_000);
});
