/**
 * The CATD screens driven in Chromium (Debian's, through playwright-core) the way an operator works them, with
 * the keyboard, and timed inside the page: a listener in the capture phase takes performance.now() when Enter
 * goes down, and a MutationObserver (plus focus and image load events) takes it again when what the operator
 * waits for is on the page — the success message, the next acta's form with its first field focused, the next
 * acta's image loaded, the acopio time stamp. No round trip to the driver is inside a measurement. The API
 * requests a page makes are recorded (page.on('request')) to count them per acta.
 */
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { nombreDePeticion } from './catd-informe.ts';

const CHROMIUM = process.env.PREP_CHROMIUM ?? '/usr/bin/chromium';

export function abrirChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A phone-sized page in its own context, es-MX (what the screens are built for first). */
export async function paginaNueva(nav: Browser): Promise<Page> {
  const context = await nav.newContext({ viewport: { width: 360, height: 740 }, locale: 'es-MX' });
  return context.newPage();
}

/** Opens `pantalla` without a session, signs in through the form with the keyboard and lands back on it. */
export async function entrar(page: Page, base: string, pantalla: string, operador: string, clave: string): Promise<void> {
  await page.goto(`${base}${pantalla}`);
  await page.waitForURL((u) => u.pathname === '/catd/entrar/');
  await page.locator('form.entrar[data-listo="si"]').waitFor();
  await page.getByLabel('Operador').focus();
  await page.keyboard.type(operador);
  await page.keyboard.press('Tab');
  await page.keyboard.insertText(clave);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${base}${pantalla}`);
  await page.locator(`[data-sesion="${operador}"]`).waitFor();
}

/** The API requests of a page, in order; `desde(i)` gives those made since the i-th. */
export function registrarPeticiones(page: Page) {
  const peticiones: Request[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/')) peticiones.push(r);
  });
  return {
    marca: () => peticiones.length,
    desde: (i: number) => peticiones.slice(i),
  };
}

export const nombres = (rs: readonly Request[]) => rs.map((r) => nombreDePeticion(r.method(), r.url()));

/** How long `r` took as the page saw it (request sent to last byte), once it has finished; null when the browser did not say. */
export async function duracion(r: Request): Promise<number | null> {
  await (await r.response())?.finished();
  const t = r.timing().responseEnd;
  return t >= 0 ? t : null;
}

export interface MarcasCaptura {
  /** ms after Enter: the success message of the sent acta. */
  nota: number | null;
  /** The next acta's form in the page with its first field focused (ready to type). */
  formulario: number | null;
  /** The next acta's image loaded. */
  imagen: number | null;
  siguiente: string | null;
}

interface Ventana {
  __bench?: Promise<unknown>;
}

/**
 * Runs in the page: resolves with the marks of the capture of `previa`, from the next Enter until the next
 * acta's form and image are ready (or the queue is empty). Self-contained: it is serialized into the page.
 */
function medirCapturaEnPagina(previa: string): void {
  const m = { nota: null as number | null, formulario: null as number | null, imagen: null as number | null, siguiente: null as string | null };
  let enter = 0;
  let imagen: HTMLImageElement | null = null;
  (window as Ventana).__bench = new Promise((resolve) => {
    const desde = () => performance.now() - enter;
    const fin = () => {
      obs.disconnect();
      removeEventListener('focusin', revisar, true);
      resolve(m);
    };
    const revisar = () => {
      if (enter === 0) return;
      if (m.nota === null && (document.querySelector('[data-nota]')?.textContent ?? '').startsWith(`Acta ${previa}:`)) m.nota = desde();
      const form = document.querySelector<HTMLFormElement>('form.formulario-captura');
      if (form && form.dataset.acta !== previa) {
        m.siguiente = form.dataset.acta ?? null;
        if (m.formulario === null && form.contains(document.activeElement)) m.formulario = desde();
        const img = document.querySelector<HTMLImageElement>(`img[data-imagen-acta="${m.siguiente}"]`);
        if (img && img !== imagen) {
          imagen = img;
          if (img.complete && img.naturalWidth > 0) m.imagen = desde();
          else {
            img.addEventListener(
              'load',
              () => {
                m.imagen = desde();
                revisar();
              },
              { once: true },
            );
          }
        }
      }
      const vacia = (document.querySelector('[data-sin-acta]')?.textContent ?? '').startsWith('No hay actas');
      if (m.nota !== null && (vacia || (m.formulario !== null && m.imagen !== null))) fin();
    };
    const obs = new MutationObserver(revisar);
    obs.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    addEventListener('focusin', revisar, true);
    addEventListener('keydown', (e) => e.key === 'Enter' && (enter = performance.now()), { capture: true, once: true });
    setTimeout(fin, 30_000);
  });
}

/** Runs in the page: resolves with ms from the next Enter to the time stamp of `clave` on screen and the field emptied and focused. */
function medirAcopioEnPagina(clave: string): void {
  const m = { sello: null as number | null, listo: null as number | null };
  let enter = 0;
  (window as Ventana).__bench = new Promise((resolve) => {
    const desde = () => performance.now() - enter;
    const fin = () => {
      obs.disconnect();
      removeEventListener('focusin', revisar, true);
      resolve(m);
    };
    const revisar = () => {
      if (enter === 0) return;
      if (m.sello === null && document.querySelector(`[data-sello="${clave}"] time`)) m.sello = desde();
      const campo = document.querySelector<HTMLInputElement>('#clave-acta');
      if (m.sello !== null && m.listo === null && campo?.value === '' && document.activeElement === campo) m.listo = desde();
      if (m.sello !== null && m.listo !== null) fin();
    };
    const obs = new MutationObserver(revisar);
    obs.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    addEventListener('focusin', revisar, true);
    addEventListener('keydown', (e) => e.key === 'Enter' && (enter = performance.now()), { capture: true, once: true });
    setTimeout(fin, 30_000);
  });
}

/** Arms the in-page measurement, presses Enter, and waits for its marks. */
async function medirEnter<T>(page: Page, armar: (arg: string) => void, arg: string): Promise<T> {
  await page.evaluate(armar, arg);
  await page.keyboard.press('Enter');
  return page.evaluate(() => (window as Ventana).__bench as Promise<T>);
}

export const medirCaptura = (page: Page, previa: string) => medirEnter<MarcasCaptura>(page, medirCapturaEnPagina, previa);
export const medirAcopio = (page: Page, clave: string) => medirEnter<{ sello: number | null; listo: number | null }>(page, medirAcopioEnPagina, clave);

/** The field keys of the form on screen, in its order (its inputs are `campo-<key>`). */
export function camposEnPantalla(page: Page): Promise<string[]> {
  return page.locator('form.formulario-captura input.cifra').evaluateAll((els) => els.map((e) => e.id.slice('campo-'.length)));
}

/**
 * One write straight to the API from a page of the same browser (same origin, no session: the bearer token
 * only), timed inside the page from before fetch to the last byte of the answer: the screens' baseline, with the
 * same HTTP client and connection reuse as the screens.
 */
export async function escribirDesdePagina(page: Page, e: { ruta: string; token: string; json: unknown }): Promise<number> {
  const r = await page.evaluate(async ({ ruta, token, json }) => {
    const t0 = performance.now();
    const res = await fetch(ruta, {
      method: 'POST',
      cache: 'no-store',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify(json),
    });
    const texto = await res.text();
    return { ms: performance.now() - t0, status: res.status, texto };
  }, e);
  if (r.status >= 300) throw new Error(`POST ${e.ruta} desde el navegador → HTTP ${r.status}: ${r.texto}`);
  return r.ms;
}
