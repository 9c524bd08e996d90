/**
 * `node --expose-gc scripts/bench/comparar-corte.ts <árbol> [--rondas N] [--seed N]`: the corte's domain core of this
 * tree against another copy of the project (e.g. the code before a change, copied to /tmp), timed ALTERNATELY in
 * one process on the same synthetic Jalisco actas. On a shared machine two runs of `npm run bench:corte` one after
 * the other see different loads; alternating rounds, each tree's full corte (state and shards, node:crypto's SHA-256
 * as in `bench:corte`) and then a 1 % incremental corte on it, makes their ratio readable. Reports each tree's
 * medians, the median of the per-round ratios, and whether both trees published the same shards (they must, unless
 * the change is to the shards' format). Both trees get the same actas, as the log adapter of this tree hands them.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { generarJalisco } from '../generador/generar.ts';
import { argumentosOSalir, interfaz } from '../lib/argumentos.ts';
import { mediana } from '../lib/percentil.ts';
import { actaComoDelLog } from '../bench-corte.ts';

type ModuloBytes = typeof import('../../worker/domain/corte/bytes.ts');
type ModuloEstado = typeof import('../../worker/domain/corte/estado.ts');
type ModuloShards = typeof import('../../worker/domain/corte/generar-shards.ts');
type ModuloModelo = typeof import('../../worker/domain/corte/modelo.ts');

interface Arbol {
  nombre: string;
  estado: ModuloEstado;
  shards: ModuloShards;
  modelo: ModuloModelo;
}

/** A tree's corte modules (its own copies: module state such as caches is not shared between trees). */
async function cargar(raiz: string, nombre: string): Promise<Arbol> {
  const de = (p: string) => import(path.resolve(raiz, 'worker/domain/corte', p));
  const bytes = (await de('bytes.ts')) as ModuloBytes;
  bytes.usarSha256((b) => createHash('sha256').update(b).digest());
  return { nombre, estado: (await de('estado.ts')) as ModuloEstado, shards: (await de('generar-shards.ts')) as ModuloShards, modelo: (await de('modelo.ts')) as ModuloModelo };
}

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** A full GC and a pause for its helper threads' sweeping (bench-corte.ts `recogerBasura`). */
async function recoger(): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((r) => setTimeout(r, 100));
}

const USO = interfaz({
  comando: 'node --expose-gc scripts/bench/comparar-corte.ts',
  posicionales: { texto: '<árbol>', min: 1, max: 1 },
  descripcion: 'El núcleo del corte de este árbol contra otra copia del proyecto, alternando rondas en un proceso (Jalisco sintético).',
  opciones: {
    rondas: { tipo: 'entero', min: 2, max: 200, omision: 10, ayuda: 'rondas por árbol (se informan medianas)' },
    seed: { tipo: 'entero', min: 0, max: 2 ** 31 - 1, omision: 2024, ayuda: 'semilla del catálogo sintético' },
  },
});

if (import.meta.main) {
  const { valores: v, posicionales } = argumentosOSalir(process.argv.slice(2), USO);
  const arboles = [await cargar(path.resolve(import.meta.dirname, '../..'), 'este'), await cargar(posicionales[0]!, posicionales[0]!)];
  const catalogo = generarJalisco(v.seed);
  const T = Date.UTC(2024, 5, 3, 3);
  const modelos = arboles.map((a) => {
    const m = a.modelo.construirModelo(catalogo);
    if (!m.ok) throw new Error(m.error.map((p) => p.mensaje).join('; '));
    return m.value;
  });
  const esperadas = [...modelos[0]!.actaPorClave.values()];
  const actas = esperadas.map((a, i) => actaComoDelLog(a, i, 0, T));
  const medidas = arboles.map(() => ({ completo: [] as number[], incremental: [] as number[], tablas: [] as string[] }));
  for (let r = 0; r < v.rondas; r++) {
    const cambiadas = [...new Set(Array.from({ length: Math.round(esperadas.length / 100) }, (_, i) => (i * 7919 + (r + 1) * 104_729) % esperadas.length))];
    const cambios = cambiadas.map((j) => ({ antes: actas[j]!, despues: actaComoDelLog(esperadas[j]!, j, r + 1, T + 300_000) }));
    for (const i of r % 2 === 0 ? [0, 1] : [1, 0]) {
      const a = arboles[i]!;
      const m = medidas[i]!;
      await recoger();
      let t = cpu();
      const { estado } = a.estado.EstadoCorte.completo(modelos[i]!, actas);
      const completo = await a.shards.renderizar(estado, { final: false }, async () => {});
      m.completo.push(cpu() - t);
      await recoger();
      t = cpu();
      estado.aplicar(cambios);
      const incremental = await a.shards.renderizar(estado, { final: false }, async () => {});
      m.incremental.push(cpu() - t);
      m.tablas.push([...completo.shards, ...incremental.shards].map((s) => s.sha256).join());
    }
  }
  const razon = (k: 'completo' | 'incremental') => mediana(medidas[0]![k].map((x, i) => x / medidas[1]![k][i]!));
  console.log(`Jalisco sintético, ${v.rondas} rondas alternadas, ms de CPU (mediana), SHA-256 de node:crypto`);
  arboles.forEach((a, i) => {
    const m = medidas[i]!;
    console.log(`  ${a.nombre}: completo ${mediana(m.completo).toFixed(1)}   incremental 1 % ${mediana(m.incremental).toFixed(1)}   (1/${(mediana(m.completo) / mediana(m.incremental)).toFixed(1)})`);
  });
  console.log(`  este / otro, mediana de las rondas: completo ${razon('completo').toFixed(3)}   incremental ${razon('incremental').toFixed(3)}`);
  const iguales = medidas[0]!.tablas.every((t, r) => t === medidas[1]!.tablas[r]);
  console.log(`  mismos shards en los dos árboles: ${iguales ? 'sí' : 'NO'}`);
}
