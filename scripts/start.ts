/**
 * `npm start`: builds the portal, prepares the local D1 (migrations, the synthetic Jalisco catalogue and the
 * night's staff) and serves the one Worker with wrangler dev (workerd, local D1 and R2 persisted under .state/);
 * then replays a whole election night through the real HTTP API (scripts/simulacro/), prints the reconciliation
 * and keeps serving: the portal shows the final corte.
 *
 *   npm start                          a simulacro (starts from an empty night: .state/wrangler is reset)
 *   npm start -- --no-simulate         just serve what .state/ holds (e.g. the last simulacro's final corte)
 *   npm start -- --seed 7              another synthetic night (default 2024)
 *   npm start -- --speed 1             real time (default 288: the 24 hours in about 5 minutes, if the API keeps up)
 *   npm start -- --actas 2000          a short night: about 2,000 actas (whole secciones, every kind of incident)
 *   npm start -- --cadencia 10         minutes between cortes (default 5)
 *   npm start -- --concurrencia 8      requests in flight (default 8)
 *   npm start -- --salir               exit after the reconciliation (its result is the exit code)
 *   npm start -- --port 8787
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, PERSIST_DIR, STATE_DIR, run } from './lib/local.ts';
import { iniciarPila, type Pila } from './lib/pila.ts';
import { seedLocal } from './seed.ts';
import { lineasConciliacion } from './simulacro/conciliacion.ts';
import { progresoTerminal } from './simulacro/progreso.ts';
import type { Credenciales } from './simulacro/personal.ts';
import { resumenNoche } from './simulacro/resumen.ts';
import { CADENCIA_PREDETERMINADA, CONCURRENCIA_PREDETERMINADA, VELOCIDAD_PREDETERMINADA, prepararDatos, prepararNoche, simular } from './simulacro/simulacro.ts';

const { values: v } = parseArgs({
  args: process.argv.slice(2),
  options: {
    port: { type: 'string', default: '8787' },
    seed: { type: 'string', default: '2024' },
    speed: { type: 'string', default: String(VELOCIDAD_PREDETERMINADA) },
    actas: { type: 'string' },
    cadencia: { type: 'string', default: String(CADENCIA_PREDETERMINADA) },
    concurrencia: { type: 'string', default: String(CONCURRENCIA_PREDETERMINADA) },
    'no-simulate': { type: 'boolean', default: false },
    salir: { type: 'boolean', default: false },
  },
});

function entero(nombre: string, texto: string | undefined, min: number, max: number): number {
  const n = Number(texto);
  if (!Number.isInteger(n) || n < min || n > max) {
    console.error(`--${nombre} debe ser un entero entre ${min} y ${max}`);
    process.exit(2);
  }
  return n;
}

const port = entero('port', v.port, 1, 65535);
const seed = entero('seed', v.seed, 0, 2 ** 31);
const bin = (name: string) => path.join(ROOT, 'node_modules/.bin', name);

console.log('» construyendo el portal (astro build)…');
if ((await run(bin('astro'), ['build', '--silent'])) !== 0) process.exit(1);

if (v['no-simulate']) {
  console.log('» preparando D1 local (migraciones y catálogo sintético de Jalisco)…');
  const seeded = await seedLocal();
  console.log(seeded.loaded ? '  catálogo cargado' : '  catálogo ya estaba cargado (se conserva lo que hay en .state/)');
  console.log(`» PREP local en http://localhost:${port}  (salud: /health, API: /api/v1/openapi.json)`);
  const code = await run(bin('wrangler'), ['dev', '--local', '--persist-to', PERSIST_DIR, '--port', String(port), '--test-scheduled', '--show-interactive-dev-session=false']);
  process.exit(code);
}

const velocidad = entero('speed', v.speed, 1, 100_000);
const actas = v.actas === undefined ? undefined : entero('actas', v.actas, 1, 1_000_000);
const cadenciaMin = entero('cadencia', v.cadencia, 1, 20);
const concurrencia = entero('concurrencia', v.concurrencia, 1, 64);
const portal = `http://localhost:${port}`;

console.log(`» simulacro: noche sintética con semilla ${seed}${actas ? `, unas ${actas} actas` : ', noche completa'}`);
const noche = prepararNoche(seed, { actas });
console.log(
  `  ${noche.plan.actas.length.toLocaleString('es-MX')} actas llegan, ${noche.plan.noLlegan.length.toLocaleString('es-MX')} no llegan, ` +
    `${noche.plan.fueraCatalogo.length} fuera de catálogo`,
);
console.log('» puesta en ceros: se borra el estado local de la noche anterior (.state/wrangler)');
rmSync(PERSIST_DIR, { recursive: true, force: true });
console.log('» preparando D1 local: migraciones, catálogo sintético de Jalisco y el personal de la noche (145 CATD, PREP Casilla)…');
let credenciales: Credenciales = new Map();
const registro = path.join(STATE_DIR, 'wrangler-dev.log');
rmSync(registro, { force: true });
let pila: Pila;
try {
  pila = await iniciarPila({
    persistTo: PERSIST_DIR,
    port,
    congelar: true,
    registro,
    prepararDatos: async ({ persistTo }) => {
      credenciales = await prepararDatos(persistTo, noche.cat);
    },
  });
} catch (e) {
  console.error(`No se pudo iniciar el servidor local: ${(e as Error).message}`);
  process.exit(1);
}
const parar = async (codigo: number) => {
  await pila.parar();
  process.exit(codigo);
};
process.once('SIGINT', () => void parar(130));
process.once('SIGTERM', () => void parar(143));
console.log(`» PREP local en ${portal}  (registro del servidor: ${path.relative(ROOT, registro)})`);
console.log(`» la noche, a ×${velocidad} (cortes cada ${cadenciaMin} min simulados, ${concurrencia} solicitudes en vuelo):`);

const progreso = progresoTerminal(portal, velocidad);
let exito = false;
try {
  const r = await simular({
    url: pila.url,
    d1: pila.d1,
    noche,
    credenciales,
    seed,
    velocidad,
    concurrencia,
    cadenciaMin,
    alAvanzar: (e) => progreso.mostrar(e),
  });
  progreso.terminar(r.estado);
  const resumen = resumenNoche(noche.plan, r.estado);
  console.log('');
  for (const l of resumen.lineas) console.log(l);
  for (const l of lineasConciliacion(r.conciliacion)) console.log(l);
  mkdirSync(STATE_DIR, { recursive: true });
  writeFileSync(
    path.join(STATE_DIR, 'simulacro.json'),
    JSON.stringify({ seed, velocidad, limiteActas: actas ?? null, cadenciaMin, concurrencia, ...resumen.cifras, conciliacion: r.conciliacion }, null, 2),
  );
  exito = r.conciliacion.ok;
} catch (e) {
  console.error(`\nEl simulacro se detuvo: ${(e as Error).stack ?? e}`);
  console.error(pila.salida().split('\n').slice(-20).join('\n'));
}

if (v.salir) await parar(exito ? 0 : 1);
console.log(`\n» el portal muestra el corte final en ${portal} · Ctrl-C para terminar` + (exito ? '' : ' (la conciliación falló: el código de salida será 1)'));
process.removeAllListeners('SIGINT');
process.removeAllListeners('SIGTERM');
process.once('SIGINT', () => void parar(exito ? 0 : 1));
process.once('SIGTERM', () => void parar(exito ? 0 : 1));
const fin = await pila.terminado;
console.error(`wrangler dev terminó (${fin})`);
process.exit(exito ? fin : 1);
