/**
 * `npm run bench`: measures the system side by side in one run and writes its section of docs/BENCHMARKS.md
 * (between the `npm run bench` markers; every other section of that file is kept as it is):
 *   - the corte in the domain core, Jalisco and national scale: full, incremental 1 % and 10 % (nucleo.ts);
 *   - the corte through the scheduled handler on local workerd with D1 and R2 at Jalisco scale, full and
 *     incremental; the capture API under N concurrent clients next to a no-op route, and lost or duplicated
 *     writes (workerd.ts);
 *   - bytes: shards, the corte zip, the portal's JavaScript per view and what a view transfers (bytes.ts);
 *   - readers: the portal's access pattern with autocannon across corte changes, counting R2 reads (lectores/), in
 *     its own section of docs/BENCHMARKS.md;
 *   - the whole default night (`npm start -- --salir`) and the replay of the corpus's largest real file, each timed
 *     as a person runs it (largos.ts; --sin-noche / --sin-replay skip them);
 *   - and the figures the last `npm start` simulacro left in .state/simulacro.json (this run's night, unless skipped).
 * Options: `npm run bench -- --help` (USO below).
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { argumentosOSalir, interfaz } from '../lib/argumentos.ts';
import { RAIZ, DIR_ESTADO } from '../lib/local.ts';
import { medirNucleo, type MedidaNucleo } from './nucleo.ts';
import { medirWorkerd, type MedidaWorkerd } from './workerd.ts';
import { informe, type Largos, type Maquina, type SimulacroPrevio } from './informe.ts';
import { medirNoche, medirReplay } from './largos.ts';
import { medirYEscribirLectores } from './lectores/escribir.ts';
import { commitMedido } from './commit.ts';

const USO = interfaz({
  comando: 'npm run bench --',
  descripcion:
    'Mide el sistema en una corrida (núcleo del dominio, workerd local con D1 y R2, bytes publicados, la noche completa\n' +
    'y el replay del archivo real más grande) y reescribe su\n' +
    'sección de docs/BENCHMARKS.md.',
  opciones: {
    clientes: { tipo: 'entero', min: 1, max: 256, omision: 8, ayuda: 'clientes concurrentes contra la API de captura' },
    repeticiones: { tipo: 'entero', min: 1, max: 100, omision: 3, ayuda: 'repeticiones del corte en el núcleo (Jalisco)' },
    'repeticiones-nacional': { tipo: 'entero', min: 1, max: 100, omision: 1, ayuda: 'repeticiones a escala nacional' },
    'pendientes-cada': { tipo: 'entero', min: 1, max: 1_000_000, omision: 100, ayuda: 'una de cada N actas pasa por la API (100: el 1 %)' },
    salida: { tipo: 'texto', valor: 'ARCHIVO', ayuda: 'dónde escribir (por omisión: docs/BENCHMARKS.md)' },
    'sin-nacional': { tipo: 'bandera', ayuda: 'omite la escala nacional' },
    'conexiones-lectores': { tipo: 'entero', min: 1, max: 1024, omision: 32, ayuda: 'conexiones de autocannon en la prueba de lectores' },
    'sin-lectores': { tipo: 'bandera', ayuda: 'omite la prueba de carga de lectores' },
    'sin-noche': { tipo: 'bandera', ayuda: 'omite la noche completa (npm start -- --salir, 8–30 min)' },
    'sin-replay': { tipo: 'bandera', ayuda: 'omite el replay del archivo real más grande del corpus (3–7 min)' },
  },
});

const { valores: v } = argumentosOSalir(process.argv.slice(2), USO);
const salida = v.salida === undefined ? path.join(RAIZ, 'docs/BENCHMARKS.md') : path.resolve(v.salida);

const t0 = performance.now();
const carga0 = os.loadavg()[0]!;
const hora = () => `${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s`;
const aviso = (t: string) => console.log(`[${hora()}] ${t}`);

function version(paquete: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(RAIZ, 'node_modules', paquete, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}


aviso('npm run bench: núcleo del dominio, workerd local, bytes');
const nucleo: MedidaNucleo[] = await medirNucleo({
  repeticiones: v.repeticiones,
  repeticionesNacional: v['sin-nacional'] ? 0 : v['repeticiones-nacional'],
  alAvanzar: aviso,
});
const workerd: MedidaWorkerd = await medirWorkerd({ clientes: v.clientes, pendientesCada: v['pendientes-cada'], alAvanzar: aviso });
// The two long ones of issue 16, each the whole command a person runs (largos.ts); the night also rewrites
// .state/simulacro.json, which the section below then shows.
const largos: Largos = {
  noche: v['sin-noche'] ? null : await medirNoche(aviso),
  replay: v['sin-replay'] ? null : await medirReplay(aviso),
};

const cpus = os.cpus();
const maquina: Maquina = {
  cpu: `${cpus[0]?.model ?? '?'} × ${cpus.length}`,
  memoriaGb: Math.round(os.totalmem() / 2 ** 30),
  sistema: `${os.type()} ${os.release()}`,
  node: process.version,
  wrangler: version('wrangler'),
  workerd: version('wrangler/node_modules/@cloudflare/workerd-linux-64'),
  fecha: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  comando: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  commit: commitMedido(),
  cargaInicio: carga0,
  cargaFin: os.loadavg()[0]!,
  segundos: (performance.now() - t0) / 1000,
};

const archivoSim = path.join(DIR_ESTADO, 'simulacro.json');
const sim: SimulacroPrevio | null = existsSync(archivoSim)
  ? { fecha: `${statSync(archivoSim).mtime.toISOString().slice(0, 16).replace('T', ' ')} UTC`, datos: JSON.parse(readFileSync(archivoSim, 'utf8')) }
  : null;
const seccion = informe(maquina, nucleo, workerd, sim, largos);
const INICIO = '<!-- npm run bench: start (generated by scripts/bench; edit the code, not this section) -->';
const FIN = '<!-- npm run bench: end -->';
const bloque = `${INICIO}\n${seccion.markdown}\n${FIN}`;
const previo = existsSync(salida) ? readFileSync(salida, 'utf8') : '# Benchmarks\n';
const i = previo.indexOf(INICIO);
const j = previo.indexOf(FIN);
const nuevo =
  i >= 0 && j > i
    ? previo.slice(0, i) + bloque + previo.slice(j + FIN.length)
    : previo.replace(/^(# [^\n]*\n)/, `$1\n${bloque}\n`);
writeFileSync(salida, nuevo.endsWith('\n') ? nuevo : `${nuevo}\n`);
const metasLectores = v['sin-lectores']
  ? []
  : await medirYEscribirLectores({ conexiones: v['conexiones-lectores'], espectadores: [1000, 10_000], salida, comando: maquina.comando, alAvanzar: aviso });
console.log('');
for (const l of [...seccion.metas, ...metasLectores]) console.log(l);
aviso(`escrito ${path.relative(RAIZ, salida)}`);
