/**
 * `npm start`: builds the portal, prepares the local D1 (migrations, the synthetic Jalisco catalogue and the
 * night's staff) and serves the one Worker with wrangler dev (workerd, local D1 and R2 persisted under .state/);
 * then replays a whole election night through the real HTTP API (scripts/simulacro/), prints the reconciliation
 * and keeps serving: the portal shows the final corte. One small CATD is left to people (scripts/simulacro/demo.ts):
 * the simulacro receives and digitizes its actas, and prints where the CATD screens are and who to sign in as, so
 * a person captures, verifies and compares them by hand while the night runs.
 * Options: `npm start -- --help` (USO below). A simulacro starts from an empty night: .state/wrangler is reset.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { argumentosOSalir, interfaz } from './lib/argumentos.ts';
import { minutosYSegundos } from './lib/formato.ts';
import { RAIZ, DIR_PERSISTENCIA, DIR_ESTADO, binario, correr, entornoDeConstruccion } from './lib/local.ts';
import { iniciarPila, type Pila } from './lib/pila.ts';
import { escribirInforme, rutaPdf } from './informe/escribir.ts';
import { CHROMIUM } from './informe/navegador.ts';
import { sembrarLocal } from './seed.ts';
import { lineasConciliacion } from './simulacro/conciliacion.ts';
import { costoCortes, lineaCostoCortes } from './simulacro/costo-cortes.ts';
import { CONTINGENCIAS } from './simulacro/contingencia-plan.ts';
import { bloqueDemo, elegirCatdDemo } from './simulacro/demo.ts';
import { progresoTerminal } from './simulacro/progreso.ts';
import type { Credenciales } from './simulacro/personal.ts';
import { resumenNoche } from './simulacro/resumen.ts';
import { CADENCIA_PREDETERMINADA, CONCURRENCIA_PREDETERMINADA, VELOCIDAD_PREDETERMINADA, aManoDe, prepararDatos, prepararNoche, simular } from './simulacro/simulacro.ts';

const USO = interfaz({
  comando: 'npm start --',
  descripcion:
    'Construye el portal, prepara la D1 local y sirve el PREP con wrangler dev; luego simula una noche electoral\n' +
    'completa por la API HTTP real, con cortes en el reloj simulado, y concilia el resultado.',
  opciones: {
    'no-simulate': { tipo: 'bandera', ayuda: 'solo sirve lo que hay en .state/ (p. ej. el corte final del último simulacro)' },
    seed: { tipo: 'entero', min: 0, max: 2 ** 31 - 1, omision: 2024, ayuda: 'semilla de la noche sintética' },
    actas: { tipo: 'entero', min: 1, max: 1_000_000, ayuda: 'una noche corta de unas N actas (secciones completas, todos los incidentes)' },
    speed: { tipo: 'entero', min: 1, max: 100_000, omision: VELOCIDAD_PREDETERMINADA, ayuda: 'tiempo simulado por tiempo real; 1 es un ensayo en tiempo real' },
    cadencia: { tipo: 'entero', min: 1, max: 20, omision: CADENCIA_PREDETERMINADA, ayuda: 'minutos simulados entre cortes' },
    concurrencia: { tipo: 'entero', min: 1, max: 64, omision: CONCURRENCIA_PREDETERMINADA, ayuda: 'solicitudes en vuelo' },
    'sin-demo': { tipo: 'bandera', ayuda: 'la simulación captura también el CATD que, si no, queda para capturarse a mano en las pantallas' },
    salir: { tipo: 'bandera', ayuda: 'termina tras la conciliación, con su resultado como código de salida' },
    port: { tipo: 'entero', min: 1, max: 65_535, omision: 8787, ayuda: 'puerto del servidor local' },
    contingencia: { tipo: 'texto', valor: 'NOMBRE', ayuda: `simulacro de contingencia (docs/CONTINGENCIA.md): ${CONTINGENCIAS.join(', ')}` },
  },
  ejemplos: ['npm start', 'npm start -- --actas 2000', 'npm start -- --actas 300 --contingencia catd-caido', 'npm start -- --no-simulate', 'npm start -- --speed 1 --cadencia 10'],
});

const { valores: v } = argumentosOSalir(process.argv.slice(2), USO);
const { port: puerto, seed, actas } = v;
const contingencia = v.contingencia === undefined ? null : (CONTINGENCIAS.find((c) => c === v.contingencia) ?? null);
if (v.contingencia !== undefined && contingencia === null) {
  console.error(`--contingencia: «${v.contingencia}» no es un simulacro de contingencia; los hay: ${CONTINGENCIAS.join(', ')}`);
  process.exit(2);
}

const inicio = performance.now();
console.log('» construyendo el portal (astro build), en paralelo con la preparación de la noche…');
// The build is a child process: it runs on the other core while this one plans the night and loads D1; the
// stack waits for it only where it needs the assets (before wrangler dev serves them).
const construccion = correr(binario('astro'), ['build', '--silent'], entornoDeConstruccion);
const esperarPortal = async () => {
  if ((await construccion) !== 0) throw new Error('astro build falló');
};

if (v['no-simulate']) {
  if ((await construccion) !== 0) process.exit(1);
  console.log('» preparando D1 local (migraciones y catálogo sintético de Jalisco)…');
  const siembra = await sembrarLocal();
  console.log(siembra.cargado ? '  catálogo cargado' : '  catálogo ya estaba cargado (se conserva lo que hay en .state/)');
  console.log(`» PREP local en http://localhost:${puerto}  (salud: /health, API: /api/v1/openapi.json)`);
  const codigo = await correr(binario('wrangler'), ['dev', '--local', '--persist-to', DIR_PERSISTENCIA, '--port', String(puerto), '--test-scheduled', '--show-interactive-dev-session=false']);
  process.exit(codigo);
}

const velocidad = v.speed;
const cadenciaMin = v.cadencia;
const concurrencia = v.concurrencia;
const portal = `http://localhost:${puerto}`;

console.log('» puesta en ceros: se borra el estado local de la noche anterior (.state/wrangler)');
const borrado = apartarNocheAnterior();
console.log(`» simulacro: noche sintética con semilla ${seed}${actas ? `, unas ${actas} actas` : ', noche completa'}`);
const noche = prepararNoche(seed, { actas });
console.log(
  `  ${noche.plan.actas.length.toLocaleString('es-MX')} actas llegan, ${noche.plan.noLlegan.length.toLocaleString('es-MX')} no llegan, ` +
    `${noche.plan.fueraCatalogo.length} fuera de catálogo`,
);
const demo = v['sin-demo'] ? null : elegirCatdDemo(noche.cat, noche.plan);
console.log('» preparando D1 local: migraciones, catálogo sintético de Jalisco y el personal de la noche (145 CATD, PREP Casilla)…');
let credenciales: Credenciales = new Map();
const registro = path.join(DIR_ESTADO, 'wrangler-dev.log');
rmSync(registro, { force: true });
let pila: Pila;
try {
  pila = await iniciarPila({
    persistTo: DIR_PERSISTENCIA,
    puerto: puerto,
    congelar: true,
    registro,
    prepararDatos: async ({ persistTo }) => {
      credenciales = await prepararDatos(persistTo, noche.cat, undefined, demo);
    },
    antesDeServir: esperarPortal,
  });
} catch (e) {
  console.error(`No se pudo iniciar el servidor local: ${(e as Error).message}`);
  process.exit(1);
}
const parar = async (codigo: number) => {
  await pila.parar();
  await borrado;
  process.exit(codigo);
};
process.once('SIGINT', () => void parar(130));
process.once('SIGTERM', () => void parar(143));
const segundosPreparacion = (performance.now() - inicio) / 1000;
console.log(`» PREP local en ${portal}  (preparado en ${segundosPreparacion.toFixed(0)} s; registro del servidor: ${path.relative(RAIZ, registro)})`);
if (demo) for (const l of bloqueDemo(portal, demo, credenciales)) console.log(l);
console.log(`» la noche, a ×${velocidad} (cortes cada ${cadenciaMin} min simulados, ${concurrencia} solicitudes en vuelo):`);

const progreso = progresoTerminal(portal, velocidad);
let exito = false;
const inicioNoche = performance.now();
try {
  const r = await simular({
    url: pila.url,
    urlApi: pila.urlApi,
    d1: pila.d1,
    noche,
    credenciales,
    seed,
    velocidad,
    concurrencia,
    cadenciaMin,
    aMano: demo ? aManoDe(demo) : null,
    contingencia,
    alAvanzar: (e) => progreso.mostrar(e),
  });
  progreso.terminar(r.estado);
  const resumen = resumenNoche(noche.plan, r.estado);
  console.log('');
  for (const l of resumen.lineas) console.log(l);
  // simular() ends with the reconciliation: what it took beyond the night (final corte included in the night).
  const segundosConciliacion = (performance.now() - inicioNoche) / 1000 - r.estado.realMs / 1000;
  const cortes = costoCortes(pila.d1);
  console.log(lineaCostoCortes(cortes, resumen.cifras.segundos));
  for (const l of r.contingencia) console.log(l);
  for (const l of lineasConciliacion(r.conciliacion)) console.log(l);
  mkdirSync(DIR_ESTADO, { recursive: true });
  writeFileSync(
    path.join(DIR_ESTADO, 'simulacro.json'),
    JSON.stringify(
      {
        seed,
        velocidad,
        limiteActas: actas ?? null,
        cadenciaMin,
        concurrencia,
        ...resumen.cifras,
        // The whole command up to the reconciliation (what a newcomer waits for), and its preparation.
        segundosPreparacion,
        segundosCortes: cortes.segundos,
        segundosConciliacion,
        segundosHastaConciliacion: (performance.now() - inicio) / 1000,
        conciliacion: r.conciliacion,
      },
      null,
      2,
    ),
  );
  exito = r.conciliacion.ok;
  const inicioInforme = performance.now();
  await informeDeLaNoche();
  console.log(
    `» tiempos: preparación ${minutosYSegundos(segundosPreparacion, Math.round)}, noche ${minutosYSegundos(r.estado.realMs / 1000, Math.round)}, ` +
      `conciliación ${minutosYSegundos(segundosConciliacion, Math.round)}, informe ${minutosYSegundos((performance.now() - inicioInforme) / 1000, Math.round)}; ` +
      `en total ${minutosYSegundos((performance.now() - inicio) / 1000, Math.round)}`,
  );
} catch (e) {
  console.error(`\nEl simulacro se detuvo: ${(e as Error).stack ?? e}`);
  console.error(pila.salida().split('\n').slice(-20).join('\n'));
}

/**
 * The puesta en ceros without waiting for the disk: the previous night's state (hundreds of MB of R2 objects after
 * a whole night, ~30 s to delete) is renamed aside at once and deleted in the background while the night is
 * prepared; leftovers of an interrupted run are deleted too.
 */
function apartarNocheAnterior(): Promise<void> {
  const nombre = path.basename(DIR_PERSISTENCIA);
  mkdirSync(DIR_ESTADO, { recursive: true });
  if (existsSync(DIR_PERSISTENCIA)) renameSync(DIR_PERSISTENCIA, `${DIR_PERSISTENCIA}.borrar-${process.pid}-${Date.now()}`);
  const apartados = readdirSync(DIR_ESTADO).filter((f) => f.startsWith(`${nombre}.borrar-`));
  return Promise.all(apartados.map((f) => rm(path.join(DIR_ESTADO, f), { recursive: true, force: true }))).then(
    () => undefined,
    (e: unknown) => console.error(`» no se pudo borrar el estado de la noche anterior: ${(e as Error).message}`),
  );
}

/**
 * Every simulacro ends with the COTAPREP / ente auditor report (scripts/informe), read from the audit log and
 * the cortes alone. The HTML needs nothing else; its PDF needs Chromium, and a machine without it still gets
 * the HTML (the night's result does not depend on either).
 */
async function informeDeLaNoche(): Promise<void> {
  const salida = path.join(DIR_ESTADO, 'informe.html');
  try {
    const pdf = existsSync(CHROMIUM);
    await escribirInforme({ persistTo: DIR_PERSISTENCIA, salida, pdf });
    console.log(`» informe para el COTAPREP y el ente auditor: ${path.relative(RAIZ, salida)}${pdf ? ` y ${path.relative(RAIZ, rutaPdf(salida))}` : ' (sin PDF: no hay Chromium)'}`);
  } catch (e) {
    console.error(`» no se pudo escribir el informe: ${(e as Error).message}`);
  }
}

if (v.salir) await parar(exito ? 0 : 1);
console.log(`\n» el portal muestra el corte final en ${portal} · Ctrl-C para terminar${exito ? '' : ' (la conciliación falló: el código de salida será 1)'}`);
if (demo) console.log(`» las pantallas del CATD siguen en ${portal}/catd/entrar/ con las claves de arriba (ya no habrá cortes: lo que se capture no se publica)`);
process.removeAllListeners('SIGINT');
process.removeAllListeners('SIGTERM');
process.once('SIGINT', () => void parar(exito ? 0 : 1));
process.once('SIGTERM', () => void parar(exito ? 0 : 1));
const fin = await pila.terminado;
console.error(`wrangler dev terminó (${fin})`);
process.exit(exito ? fin : 1);
