/**
 * `node scripts/simulacro/medir-imagenes.ts`: what drawing the simulacro's acta photos costs. Draws every
 * `--cada`-th acta of the night's plan (all elections, every hard case in proportion), once to warm up (the
 * ballot forms are drawn then, as in the first minutes of a night) and once measured, and prints milliseconds
 * (wall clock, and this process's CPU time, which a busy machine disturbs less) and bytes per image. Optionally writes one acta's photo (`--ejemplo FILE`), the example the README shows.
 */
import { writeFileSync } from 'node:fs';
import { argumentosOSalir, interfaz } from '../lib/argumentos.ts';
import { figurasEnPapel, Imprenta } from './imagen.ts';
import type { PlanActa } from './plan.ts';
import { prepararNoche } from './simulacro.ts';

const USO = interfaz({
  comando: 'node scripts/simulacro/medir-imagenes.ts',
  descripcion: 'Mide cuánto tarda y cuánto pesa la imagen sintética de cada acta del simulacro.',
  opciones: {
    seed: { tipo: 'entero', min: 0, max: 2 ** 31 - 1, omision: 2024, ayuda: 'semilla de la noche sintética' },
    cada: { tipo: 'entero', min: 1, max: 10_000, omision: 10, ayuda: 'dibuja una de cada N actas del plan' },
    ejemplo: { tipo: 'texto', ayuda: 'escribe en este archivo la imagen de un acta con un campo ilegible' },
  },
  ejemplos: ['node scripts/simulacro/medir-imagenes.ts', 'node scripts/simulacro/medir-imagenes.ts --ejemplo docs/img/acta-simulacro.png'],
});

const { valores: v } = argumentosOSalir(process.argv.slice(2), USO);
const { cat, plan } = prepararNoche(v.seed);
const imprenta = new Imprenta(cat);
const actas = plan.actas.filter((a, i) => i % v.cada === 0 && a.resultado.tipo === 'captura');
const dibujar = (a: PlanActa) => imprenta.imagen(a.esperada, figurasEnPapel(a), 'CATD');

let t = performance.now();
for (const a of actas) dibujar(a);
const primera = performance.now() - t;
const tamanos: number[] = [];
t = performance.now();
const cpu = process.cpuUsage();
for (const a of actas) tamanos.push(dibujar(a).length);
const ms = performance.now() - t;
const { user, system } = process.cpuUsage(cpu);
tamanos.sort((a, b) => a - b);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`${actas.length} actas (una de cada ${v.cada}, las tres elecciones)`);
console.log(`  primera pasada (dibuja los formularios de cada boleta): ${(primera / actas.length).toFixed(2)} ms por imagen`);
console.log(`  segunda pasada: ${(ms / actas.length).toFixed(2)} ms por imagen (CPU: ${((user + system) / 1000 / actas.length).toFixed(2)} ms)`);
console.log(`  bytes: mediana ${kb(tamanos[Math.floor(tamanos.length / 2)]!)}, máximo ${kb(tamanos.at(-1)!)}`);

if (v.ejemplo !== undefined) {
  // An acta with some smudged fields and the figures of the rest: what the simulacro uploads, hard case included.
  const a = plan.actas.find((x) => x.resultado.tipo === 'captura' && x.esperada.eleccion.codigo === 'DIP_LOC' && Object.values(x.resultado.captura.votos).includes('ILEGIBLE'))!;
  writeFileSync(v.ejemplo, dibujar(a));
  console.log(`  ejemplo: ${v.ejemplo} (acta ${a.esperada.clave})`);
}
