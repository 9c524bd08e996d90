/**
 * `node scripts/bench-corte.ts [--seed N] [--repeticiones N]`: the corte's domain core at fixture and at
 * Jalisco scale (the synthetic catalogue of data/generator with a synthetic verified acta for every expected
 * acta), full and incremental (1 % of the actas changed), in CPU milliseconds (median of the repetitions).
 *   núcleo: classification, tallies, shard JSON, UTF-8 and SHA-256 (what `renderizar` hands to R2)
 *   datos abiertos: the three results CSVs and the zip (every corte carries every acta's row)
 * No I/O: shards are handed to a sink that drops them, as R2 would take them. Run with `--expose-gc` to measure
 * the memory the corte state keeps (the Worker has 128 MB).
 */
import { generateJalisco } from '../data/generator/generate.ts';
import { construirZip } from '../worker/domain/corte/abiertos.ts';
import { archivosAbiertos } from '../worker/domain/corte/corte.ts';
import { EstadoCorte } from '../worker/domain/corte/estado.ts';
import { construirModelo, type CorteModelo } from '../worker/domain/corte/modelo.ts';
import { renderizar } from '../worker/domain/corte/render-shards.ts';
import { actaSintetica } from '../worker/domain/corte/sintetico.ts';
import type { Catalogue } from '../worker/domain/catalogue/schema.ts';
import { fixtureCatalogue } from '../worker/domain/fixtures/election.ts';

const T = Date.UTC(2024, 5, 3, 3);

async function cpu<T>(f: () => Promise<T> | T): Promise<{ ms: number; valor: T }> {
  const u0 = process.cpuUsage();
  const valor = await f();
  const u = process.cpuUsage(u0);
  return { ms: (u.user + u.system) / 1000, valor };
}

const mediana = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const descartar = async () => {};

interface Medida {
  nucleoCompleto: number;
  abiertosCompleto: number;
  nucleoIncremental: number;
  abiertosIncremental: number;
  shards: number;
  mbShards: number;
  shardsIncremental: number;
  mbIncremental: number;
  heapMb: number;
}

async function una(modelo: CorteModelo, repeticion: number): Promise<Medida> {
  (globalThis as { gc?: () => void }).gc?.();
  const base = process.memoryUsage().heapUsed / 1e6;
  const todas = [...modelo.actaPorClave.values()];
  let actas = todas.map((a, i) => actaSintetica(a, i, 0, T));
  const cambiadas = Math.max(1, Math.round(todas.length / 100));
  const indices = [...new Set(Array.from({ length: cambiadas }, (_, i) => (i * 7919 + (repeticion + 1) * 104_729) % todas.length))];
  const cambios = indices.map((j) => ({ antes: actas[j]!, despues: actaSintetica(todas[j]!, j, repeticion + 1, T + 300_000) }));
  const completo = await cpu(async () => {
    const { estado } = EstadoCorte.completo(modelo, actas);
    const r = await renderizar(estado, { final: false }, descartar);
    return { estado, r };
  });
  const { estado, r } = completo.valor;
  const abiertos = await cpu(() => construirZip(T, modelo.entidad.utcOffsetMinutes, archivosAbiertos(estado, T, false)));
  actas = [];
  (globalThis as { gc?: () => void }).gc?.();
  // What stays between cortes: the state with every acta, its tallies, shard table and cached CSV rows.
  const heapMb = process.memoryUsage().heapUsed / 1e6;
  const incremental = await cpu(async () => {
    estado.aplicar(cambios);
    return renderizar(estado, { final: false }, descartar);
  });
  const abiertosInc = await cpu(() => construirZip(T + 300_000, modelo.entidad.utcOffsetMinutes, archivosAbiertos(estado, T + 300_000, false)));
  const mb = (xs: { bytes: number }[]) => xs.reduce((s, x) => s + x.bytes, 0) / 1e6;
  return {
    nucleoCompleto: completo.ms,
    abiertosCompleto: abiertos.ms,
    nucleoIncremental: incremental.ms,
    abiertosIncremental: abiertosInc.ms,
    shards: r.nuevos.length,
    mbShards: mb(r.nuevos),
    shardsIncremental: incremental.valor.nuevos.length,
    mbIncremental: mb(incremental.valor.nuevos),
    heapMb: heapMb - base,
  };
}

async function medir(nombre: string, catalogo: Catalogue, repeticiones: number): Promise<void> {
  const m = construirModelo(catalogo);
  if (!m.ok) throw new Error(m.error.map((p) => p.mensaje).join('; '));
  const medidas: Medida[] = [];
  for (let i = 0; i < repeticiones; i++) medidas.push(await una(m.value, i));
  const k = (c: keyof Medida) => mediana(medidas.map((x) => x[c]));
  const actas = m.value.actaPorClave.size;
  console.log(`\n${nombre}: ${actas} actas esperadas, ${m.value.secciones.length} secciones (mediana de ${repeticiones}, ms de CPU)`);
  console.log(`  completo     núcleo ${k('nucleoCompleto').toFixed(1).padStart(7)}   datos abiertos ${k('abiertosCompleto').toFixed(1).padStart(7)}   ${k('shards')} shards, ${k('mbShards').toFixed(1)} MB`);
  console.log(`  incremental  núcleo ${k('nucleoIncremental').toFixed(1).padStart(7)}   datos abiertos ${k('abiertosIncremental').toFixed(1).padStart(7)}   ${k('shardsIncremental')} shards, ${k('mbIncremental').toFixed(1)} MB  (${Math.max(1, Math.round(actas / 100))} actas cambiadas)`);
  console.log(`  incremental / completo (núcleo): 1/${(k('nucleoCompleto') / k('nucleoIncremental')).toFixed(1)}   estado retenido entre cortes (heap, con --expose-gc): ${k('heapMb').toFixed(0)} MB`);
}

function opcion(nombre: string, omision: number): number {
  const i = process.argv.indexOf(nombre);
  return i > 0 ? Number(process.argv[i + 1]) : omision;
}

if (import.meta.main) {
  const repeticiones = opcion('--repeticiones', 5);
  await medir('Elección de prueba (fixture)', fixtureCatalogue, repeticiones);
  await medir('Jalisco sintético (generateJalisco)', generateJalisco(opcion('--seed', 2024)), repeticiones);
}
