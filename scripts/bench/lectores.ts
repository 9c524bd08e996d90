/**
 * `node scripts/bench/lectores.ts`: only the readers' load test of `npm run bench` (scripts/bench/lectores/),
 * rewriting only its section of docs/BENCHMARKS.md.
 */
import path from 'node:path';
import { argumentosOSalir, interfaz } from '../lib/argumentos.ts';
import { RAIZ } from '../lib/local.ts';
import { medirYEscribirLectores } from './lectores/escribir.ts';

const USO = interfaz({
  comando: 'node scripts/bench/lectores.ts',
  descripcion:
    'Prueba de carga de lectores: el patrón de acceso del portal con autocannon contra wrangler dev, a través de un\n' +
    'cambio de corte, contando las lecturas de R2; reescribe su sección de docs/BENCHMARKS.md.',
  opciones: {
    conexiones: { tipo: 'entero', min: 1, max: 1024, omision: 32, ayuda: 'conexiones simultáneas de autocannon' },
    pocos: { tipo: 'entero', min: 1, max: 1_000_000, omision: 1000, ayuda: 'espectadores en el primer cambio de corte' },
    muchos: { tipo: 'entero', min: 1, max: 1_000_000, omision: 10_000, ayuda: 'espectadores en el segundo cambio de corte' },
    salida: { tipo: 'texto', valor: 'ARCHIVO', ayuda: 'dónde escribir (por omisión: docs/BENCHMARKS.md)' },
  },
});

const { valores: v } = argumentosOSalir(process.argv.slice(2), USO);
const t0 = performance.now();
const aviso = (t: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${t}`);
const salida = v.salida === undefined ? path.join(RAIZ, 'docs/BENCHMARKS.md') : path.resolve(v.salida);
const metas = await medirYEscribirLectores({
  conexiones: v.conexiones,
  espectadores: [v.pocos, v.muchos],
  salida,
  comando: `node scripts/bench/lectores.ts${process.argv.length > 2 ? ` ${process.argv.slice(2).join(' ')}` : ''}`,
  alAvanzar: aviso,
});
for (const l of metas) console.log(l);
aviso(`escrito ${path.relative(RAIZ, salida)}`);
