/**
 * The two desks `npm run bench:catd` times, each acta through the screen next to an acta of each other CATD
 * straight through the API, from a page of the same browser and from Node (so all see the same load on a shared
 * machine; see `alternar`):
 *   - acopio by typed clave: the clave typed, Enter → the time stamp on screen, against POST /api/v1/acopio;
 *   - captura: the acta's figures typed field by field, Enter on the last field → the success message, the next
 *     acta's form ready and its image loaded, against POST /api/v1/actas/{clave}/capturas with its figures.
 * Between the two, every acta is digitized through the API (not timed: the digitalización desk is not measured).
 */
import type { Browser, Page } from 'playwright-core';
import type { Captura, Valor } from '../../worker/domain/acta/esquema.ts';
import { imprentaDe } from '../simulacro/imagen.ts';
import { escribirCronometrado } from './catd-api.ts';
import { camposEnPantalla, duracion, entrar, escribirDesdePagina, medirAcopio, medirCaptura, nombres, paginaNueva, registrarPeticiones } from './catd-navegador.ts';
import type { ActaBench } from './catd-actas.ts';
import type { Lado, Preparacion } from './catd-preparacion.ts';

/** The same write straight to the API with a bearer token: from a page of the same browser, and from Node. */
interface Bases {
  api: number[];
  node: number[];
}

export interface MedidaAcopio extends Bases {
  sello: number[];
  /** The field emptied and focused for the next paper. */
  listo: number[];
  /** The POST as the page saw it (sent to last byte). */
  postEnPagina: number[];
  peticiones: string[][];
  teclas: number[];
}

export interface MedidaCaptura extends Bases {
  nota: number[];
  formulario: number[];
  imagen: number[];
  postEnPagina: number[];
  boletaEnPagina: number[];
  imagenEnPagina: number[];
  peticiones: string[][];
  campos: number;
  teclas: number[];
}

/** A same-origin page without a session, for the browser's straight writes. */
async function paginaDeApi(nav: Browser, base: string): Promise<Page> {
  const page = await paginaNueva(nav);
  await page.goto(`${base}/health`);
  return page;
}

/** One acta of the browser side and one of the Node side through the API: `escribir` gives each one's route, token and body. */
async function medirBases(
  p: Preparacion,
  pagina: Page,
  escribir: (lado: Lado) => { ruta: string; token: string; json: unknown },
): Promise<{ api: number; node: number }> {
  const api = await escribirDesdePagina(pagina, escribir(p.api));
  const n = escribir(p.node);
  const node = await escribirCronometrado(p.pila.url, { ruta: n.ruta, token: n.token, cuerpo: { json: n.json } });
  return { api, node };
}

/**
 * Runs the screen's acta and the straight writes one after the other, the screen first on even actas and last on
 * odd ones: whatever follows a burst of work on a shared machine (Chromium painting, the GC) is slower, and
 * alternating spreads that evenly over both columns.
 */
async function alternar<A, B>(i: number, pantalla: () => Promise<A>, bases: () => Promise<B>): Promise<[A, B]> {
  if (i % 2 === 0) {
    const a = await pantalla();
    return [a, await bases()];
  }
  const b = await bases();
  return [await pantalla(), b];
}

const anotar = (xs: number[], ms: number | null) => ms !== null && xs.push(ms);

const valorDe = (c: Captura, k: string): Valor | undefined => (k in c.votos ? c.votos[k] : c.totales[k as keyof Captura['totales']]);

/** Acopio of the screen side's actas by typed clave, each followed by one of the API side's through the API. */
export async function medirAcopioPorClave(nav: Browser, p: Preparacion, descartar: number, medidas: number): Promise<MedidaAcopio> {
  const base = p.pila.url;
  const m: MedidaAcopio = { api: [], node: [], sello: [], listo: [], postEnPagina: [], peticiones: [], teclas: [] };
  const page = await paginaNueva(nav);
  await entrar(page, base, '/catd/acopio/', p.pantalla.acopio, p.tokens.get(p.pantalla.acopio)!);
  await page.locator('.acopio[data-listo="si"]').waitFor();
  await page.locator('#clave-acta').focus();
  const registro = registrarPeticiones(page);
  const directa = await paginaDeApi(nav, base);
  for (let i = 0; i < p.pantalla.actas.length; i++) {
    const clave = p.pantalla.actas[i]!.acta.clave;
    await page.keyboard.type(clave);
    const desde = registro.marca();
    const [marcas, bases] = await alternar(
      i,
      () => medirAcopio(page, clave),
      () =>
        medirBases(p, directa, (lado) => ({
          ruta: '/api/v1/acopio',
          token: p.tokens.get(lado.acopio)!,
          json: { clave: lado.actas[i]!.acta.clave, mecanismoTraslado: null, sinActa: null },
        })),
    );
    const hechas = registro.desde(desde);
    const post = hechas.find((r) => r.method() === 'POST');
    if (marcas.sello === null || marcas.listo === null || !post) throw new Error(`acopio de ${clave}: la pantalla no mostró el sello`);
    if (i < descartar || i >= descartar + medidas) continue;
    m.sello.push(marcas.sello);
    m.listo.push(marcas.listo);
    anotar(m.postEnPagina, await duracion(post));
    m.peticiones.push(nombres(hechas));
    m.teclas.push(clave.length + 1);
    m.api.push(bases.api);
    m.node.push(bases.node);
  }
  await page.context().close();
  await directa.context().close();
  return m;
}

/** Every acta of both sides digitized through the API (its simulacro image), so both queues of captura fill. */
export async function digitalizarTodas(p: Preparacion): Promise<void> {
  const imprenta = imprentaDe(p.cat);
  for (const lado of [p.pantalla, p.api, p.node]) {
    const token = p.tokens.get(lado.digitalizacion)!;
    for (const a of lado.actas) {
      await escribirCronometrado(p.pila.url, {
        ruta: `/api/v1/actas/${a.acta.clave}/imagen?origen=CATD&digitalizacion=ESCANER&tipoDocumento=ACTA_PREP`,
        token,
        cuerpo: { bytes: imprenta.imagen(a.acta, a.captura, 'CATD'), tipo: 'image/png' },
      });
    }
  }
}

/** Types the figures of `a` into the form on screen, Enter after every field but the last; returns the keys pressed. */
async function teclearFiguras(page: Page, a: ActaBench): Promise<{ teclas: number; campos: number }> {
  const campos = await camposEnPantalla(page);
  let teclas = 0;
  for (const [i, k] of campos.entries()) {
    const v = valorDe(a.captura, k);
    if (typeof v !== 'number') throw new Error(`${a.acta.clave}: el campo ${k} no tiene cifra`);
    await page.keyboard.type(String(v));
    teclas += String(v).length + 1;
    if (i < campos.length - 1) await page.keyboard.press('Enter');
  }
  return { teclas, campos: campos.length };
}

/** Captura of the screen side's actas in the order the screen offers them, each followed by one of the API side's. */
export async function medirCapturaTecleada(nav: Browser, p: Preparacion, descartar: number): Promise<MedidaCaptura> {
  const base = p.pila.url;
  const m: MedidaCaptura = { api: [], node: [], nota: [], formulario: [], imagen: [], postEnPagina: [], boletaEnPagina: [], imagenEnPagina: [], peticiones: [], campos: 0, teclas: [] };
  const porClave = new Map(p.pantalla.actas.map((a) => [a.acta.clave, a]));
  const page = await paginaNueva(nav);
  await entrar(page, base, '/catd/captura/', p.pantalla.captura, p.tokens.get(p.pantalla.captura)!);
  await page.waitForFunction(() => document.activeElement?.closest('form.formulario-captura') !== null);
  const registro = registrarPeticiones(page);
  const directa = await paginaDeApi(nav, base);
  let clave = await page.locator('form.formulario-captura').getAttribute('data-acta');
  for (let i = 0; i < p.pantalla.actas.length; i++) {
    const a = clave === null ? undefined : porClave.get(clave);
    if (!a) throw new Error(`la pantalla de captura ofreció ${clave}, que este banco no preparó`);
    const { teclas, campos } = await teclearFiguras(page, a);
    const desde = registro.marca();
    const [marcas, bases] = await alternar(
      i,
      () => medirCaptura(page, a.acta.clave),
      () =>
        medirBases(p, directa, (lado) => ({
          ruta: `/api/v1/actas/${lado.actas[i]!.acta.clave}/capturas`,
          token: p.tokens.get(lado.captura)!,
          json: lado.actas[i]!.captura,
        })),
    );
    const hechas = registro.desde(desde);
    if (marcas.nota === null) throw new Error(`captura de ${a.acta.clave}: la pantalla no confirmó el envío`);
    const ultima = i === p.pantalla.actas.length - 1;
    if (!ultima && (marcas.formulario === null || marcas.imagen === null)) throw new Error(`tras ${a.acta.clave}: la siguiente acta no quedó lista`);
    clave = marcas.siguiente;
    // The last acta has no next one to wait for: it only closes the run.
    if (i < descartar || ultima) continue;
    m.api.push(bases.api);
    m.node.push(bases.node);
    m.nota.push(marcas.nota);
    m.campos = campos;
    m.teclas.push(teclas);
    const post = hechas.find((r) => r.method() === 'POST');
    if (post) anotar(m.postEnPagina, await duracion(post));
    m.formulario.push(marcas.formulario!);
    m.imagen.push(marcas.imagen!);
    m.peticiones.push(nombres(hechas));
    const boleta = hechas.find((r) => r.url().endsWith('/boleta'));
    const imagen = hechas.find((r) => new URL(r.url()).pathname.endsWith('/imagen'));
    if (boleta) anotar(m.boletaEnPagina, await duracion(boleta));
    if (imagen) anotar(m.imagenEnPagina, await duracion(imagen));
  }
  await page.context().close();
  await directa.context().close();
  return m;
}
