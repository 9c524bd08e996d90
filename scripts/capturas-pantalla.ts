/**
 * `node scripts/capturas-pantalla.ts`: the README's screenshots of the CATD screens, taken from the real thing. Builds
 * the portal, starts a throwaway local stack with the synthetic Jalisco catalogue, the night's staff and the demo
 * operators `npm start` prints (scripts/simulacro/demo.ts), receives and digitizes the first actas of the demo CATD
 * through the API with their synthetic images (as the simulacro does), then signs in at /catd/entrar/ in Chromium as
 * the first capturist and photographs the captura screen mid-acta, and the home. Prints the block `npm start` prints
 * for that night; writes docs/img/catd-captura.png and docs/img/catd-inicio.png; fails if one is over 200 KB.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ILEGIBLE, SIN_DATO } from '../worker/domain/acta/esquema.ts';
import { argumentosOSalir, interfaz } from './lib/argumentos.ts';
import { RAIZ } from './lib/local.ts';
import { construirPortal, iniciarPila } from './lib/pila.ts';
import { Cliente } from './simulacro/cliente.ts';
import { bloqueDemo, elegirCatdDemo } from './simulacro/demo.ts';
import { figurasEnPapel, Imprenta } from './simulacro/imagen.ts';
import type { Credenciales } from './simulacro/personal.ts';
import { prepararDatos, prepararNoche } from './simulacro/simulacro.ts';

const USO = interfaz({
  comando: 'node scripts/capturas-pantalla.ts',
  descripcion: 'Toma las capturas de pantalla del README (pantallas del CATD) con Chromium sobre una pila local desechable.',
  opciones: {
    seed: { tipo: 'entero', min: 0, max: 2 ** 31 - 1, omision: 2024, ayuda: 'semilla de la noche (la de npm start)' },
    port: { tipo: 'entero', min: 1, max: 65_535, omision: 8787, ayuda: 'puerto del servidor local (el de npm start)' },
    chromium: { tipo: 'texto', valor: 'RUTA', omision: process.env.PREP_CHROMIUM ?? '/usr/bin/chromium', ayuda: 'el ejecutable de Chromium' },
  },
  ejemplos: ['node scripts/capturas-pantalla.ts'],
});

/** Big enough for the image beside the form; small enough for a README PNG. */
const VENTANA = { width: 1200, height: 760 };
const LIMITE_BYTES = 200 * 1024;
const ACTAS_EN_COLA = 3;
const DESTINO = path.join(RAIZ, 'docs', 'img');

const { valores: v } = argumentosOSalir(process.argv.slice(2), USO);
const dir = mkdtempSync(path.join(tmpdir(), 'prep-capturas-'));
console.log('» construyendo el portal…');
construirPortal(path.join(dir, 'sitio'));
const noche = prepararNoche(v.seed);
const demo = elegirCatdDemo(noche.cat, noche.plan);
if (demo === null) throw new Error('la noche no tiene actas');
let credenciales: Credenciales = new Map();
const pila = await iniciarPila({
  puerto: v.port,
  assetsDir: path.join(dir, 'sitio', 'client'),
  prepararDatos: async ({ persistTo }) => {
    credenciales = await prepararDatos(persistTo, noche.cat, 2024, demo);
  },
});
const clave = (id: string) => credenciales.get(id)!;
// What `npm start` prints for this night (the README quotes it).
for (const l of bloqueDemo(`http://localhost:${v.port}`, demo, credenciales)) console.log(l);
try {
  // The first actas of the demo CATD arrive and are scanned, as the simulacro does it.
  const cliente = new Cliente(pila.url);
  const imprenta = new Imprenta(noche.cat);
  const actas = noche.plan.actas
    .filter((a) => a.catd === demo.catd.id && a.resultado.tipo === 'captura')
    .sort((a, b) => a.llegadaMin - b.llegadaMin)
    .slice(0, ACTAS_EN_COLA);
  for (const a of actas) {
    const c = a.esperada.clave;
    for (const p of [
      { ruta: '/api/v1/acopio', token: clave('demo-acopio'), json: { clave: c } },
      {
        ruta: `/api/v1/actas/${c}/imagen?origen=CATD&digitalizacion=ESCANER&tipoDocumento=ACTA_PREP`,
        token: clave('demo-digitalizacion'),
        bytes: imprenta.imagen(a.esperada, figurasEnPapel(a), 'CATD'),
        tipo: 'image/png',
      },
    ]) {
      const r = await cliente.post({ ...p, idempotencia: `capturas-${c}-${p.ruta}` });
      if (r.status >= 300) throw new Error(`POST ${p.ruta} → HTTP ${r.status}: ${JSON.stringify(r.cuerpo)}`);
    }
  }

  const navegador = await chromium.launch({ executablePath: v.chromium, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await (await navegador.newContext({ viewport: VENTANA, locale: 'es-MX' })).newPage();
    await page.goto(`${pila.url}/catd/entrar/?volver=/catd/captura/`);
    await page.locator('form.entrar[data-listo="si"]').waitFor();
    await page.getByLabel('Operador').fill('demo-captura-1');
    await page.getByLabel('Operador').press('Tab');
    await page.keyboard.type(clave('demo-captura-1'));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${pila.url}/catd/captura/`);
    const primera = actas[0]!;
    await page.locator(`form.formulario-captura[data-acta="${primera.esperada.clave}"]`).waitFor();
    await page.locator(`img[data-imagen-acta="${primera.esperada.clave}"]`).waitFor();
    await page.waitForFunction(() => [...document.images].every((i) => i.complete));
    // Mid-acta: the first few figures typed, as a capturist would, from the paper's truth.
    const papel = figurasEnPapel(primera)!;
    for (const valor of Object.values(papel.votos).slice(0, 4)) {
      await page.keyboard.press(valor === ILEGIBLE ? 'i' : valor === SIN_DATO ? 's' : 'Backspace');
      if (typeof valor === 'number') await page.keyboard.type(String(valor));
      await page.keyboard.press('Enter');
    }
    await guardar(page, 'catd-captura.png');
    await page.goto(`${pila.url}/catd/`);
    await page.locator('main').waitFor();
    await page.waitForLoadState('networkidle');
    await guardar(page, 'catd-inicio.png');
  } finally {
    await navegador.close();
  }
} finally {
  await pila.parar();
  rmSync(dir, { recursive: true, force: true });
}

async function guardar(page: import('playwright-core').Page, nombre: string): Promise<void> {
  const archivo = path.join(DESTINO, nombre);
  await page.screenshot({ path: archivo });
  const bytes = statSync(archivo).size;
  console.log(`  ${path.relative(RAIZ, archivo)}: ${Math.round(bytes / 1024)} KB`);
  if (bytes > LIMITE_BYTES) {
    console.error(`  más de ${LIMITE_BYTES / 1024} KB`);
    process.exitCode = 1;
  }
}
