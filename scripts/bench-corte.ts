/**
 * `npm run bench:corte [-- --seed N] [--repeticiones N] [--repeticiones-nacional N] [--sin-nacional]` (`--help`):
 * the corte's domain core at fixture, Jalisco and national scale (the synthetic catalogues of scripts/generador
 * with a synthetic verified acta for every expected acta), full and incremental (1 % of the actas changed), in
 * CPU milliseconds (median of the repetitions). The actas are handed over as the corte job reads them from the log
 * (`actaDelLog`: their JSON parsed and checked), built before each clock starts.
 *   núcleo: classification, tallies, shard JSON, UTF-8 and SHA-256 (what `renderizar` hands to R2)
 *   datos abiertos: the three results CSVs and the zip (every corte carries every acta's row), deflated by
 *   node:zlib as the corte job does (`compresorZlib`)
 * National: the 32 entidades of `generarNacional` (170,648 casillas × 3 elections), each its own corte (one
 * state per entidad, as one Worker publishes one entidad), one after another; figures are sums.
 * SHA-256: `crypto.subtle` (what the Worker runs). Node's `crypto.subtle.digest` hands every call to its
 * thread pool (workerd digests in place), so Jalisco's núcleo is also measured with node:crypto's hash
 * injected (`usarSha256`), the closer stand-in for workerd; the outputs are the same bytes.
 * No I/O: shards are handed to a sink that drops them, as R2 would take them. Run with `--expose-gc` to measure
 * the memory the corte state keeps (the Worker has 128 MB).
 * To compare a change with the code before it on a shared machine: scripts/bench/comparar-corte.ts.
 */
import { createHash } from 'node:crypto';
import { generarJalisco, generarNacional } from './generador/generar.ts';
import { usarSha256 } from '../worker/domain/corte/bytes.ts';
import { construirZip } from '../worker/domain/corte/abiertos.ts';
import { compresorZlib } from '../worker/cortes/compresor-zlib.ts';
import { archivosAbiertos, prepararCorte, type Cambio } from '../worker/domain/corte/corte.ts';
import { EstadoCorte } from '../worker/domain/corte/estado.ts';
import { construirModelo, type CorteModelo } from '../worker/domain/corte/modelo.ts';
import { renderizar } from '../worker/domain/corte/generar-shards.ts';
import { actaSintetica } from './bench/corte-sintetico.ts';
import { actaDelLog } from '../worker/cortes/log-d1.ts';
import type { ActaEsperada } from '../worker/domain/acta/esperadas.ts';
import type { ActaPublicada } from '../worker/domain/acta/publicada.ts';
import type { Catalogo } from '../worker/domain/catalogo/esquema.ts';
import { catalogoEjemplo } from '../test/ejemplos/eleccion.ts';
import { argumentosOSalir, interfaz } from './lib/argumentos.ts';
import { mediana } from './lib/percentil.ts';
import { CODIFICACIONES, comprimir } from '../worker/cortes/variantes.ts';
import { almacenR2, escribirTodos } from '../worker/cortes/almacen.ts';

const T = Date.UTC(2024, 5, 3, 3);

/** A synthetic verified acta as the corte job gets it from the publication log (worker/cortes/log-d1.ts). */
export function actaComoDelLog(a: ActaEsperada, semilla: number, version: number, instante: number): ActaPublicada {
  return actaDelLog(JSON.stringify(actaSintetica(a, semilla, version, instante)), a.clave);
}

async function cpu<T>(f: () => Promise<T> | T): Promise<{ ms: number; valor: T }> {
  const u0 = process.cpuUsage();
  const valor = await f();
  const u = process.cpuUsage(u0);
  return { ms: (u.user + u.system) / 1000, valor };
}

/**
 * A full GC (with --expose-gc), then a pause: V8 sweeps the collected heap on helper threads after `gc()`
 * returns, and `process.cpuUsage` counts every thread, so without the pause the next measure includes up to
 * ~15 ms of sweeping this script caused (measured: the 1 % corte's CPU twice its wall time right after `gc()`).
 */
async function recogerBasura(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) return;
  gc();
  await new Promise((r) => setTimeout(r, 100));
}
const descartar = async () => {};

export interface Medida {
  nucleoCompleto: number;
  abiertosCompleto: number;
  /** Median of the incremental cortes in a row. */
  nucleoIncremental: number;
  /** The first incremental corte after the full one. */
  nucleoPrimerIncremental: number;
  abiertosIncremental: number;
  shards: number;
  mbShards: number;
  shardsIncremental: number;
  mbIncremental: number;
  /** Size of the full corte's open-data zip (it depends on the DEFLATE level, abiertos.ts). */
  mbZip: number;
  heapMb: number;
}

/** Incremental cortes in a row after the full one, as a night's cortes follow each other on one state. */
export const SUCESIVOS = 5;

/**
 * One full corte, then `SUCESIVOS` incremental cortes in a row, each with another `fraccion` of the actas changed
 * (1 % by default), on the same state: `nucleoIncremental` is their median, `nucleoPrimerIncremental` the first
 * one (it also pays for what the full corte left to collect). The open data is measured after the first.
 */
export async function una(modelo: CorteModelo, repeticion: number, fraccion = 0.01): Promise<Medida> {
  await recogerBasura();
  const base = process.memoryUsage().heapUsed / 1e6;
  const todas = [...modelo.actaPorClave.values()];
  let actas = todas.map((a, i) => actaComoDelLog(a, i, 0, T));
  const cambiadas = Math.max(1, Math.round(todas.length * fraccion));
  // The garbage of building the synthetic input is collected before the clock starts (with --expose-gc).
  await recogerBasura();
  const completo = await cpu(async () => {
    const { estado } = EstadoCorte.completo(modelo, actas);
    const r = await renderizar(estado, { final: false }, descartar);
    return { estado, r };
  });
  const { estado, r } = completo.valor;
  const abiertos = await cpu(() => construirZip(T, modelo.entidad.utcOffsetMinutes, archivosAbiertos(estado, T, false), compresorZlib));
  // Each acta as the state holds it now: its changed version, or its first one (rebuilt: the same bytes).
  const vigentes = new Map<number, ActaPublicada>();
  const vigente = (j: number) => vigentes.get(j) ?? actaComoDelLog(todas[j]!, j, 0, T);
  actas = [];
  await recogerBasura();
  // What stays between cortes: the state with every acta, its tallies, shard table and cached CSV rows.
  const heapMb = process.memoryUsage().heapUsed / 1e6;
  const incrementales: { ms: number; shards: number; mb: number }[] = [];
  let abiertosInc = 0;
  for (let k = 0; k < SUCESIVOS; k++) {
    const version = repeticion * SUCESIVOS + k + 1;
    const indices = [...new Set(Array.from({ length: cambiadas }, (_, i) => (i * 7919 + version * 104_729) % todas.length))];
    const cambios = indices.map((j) => ({ antes: vigente(j), despues: actaComoDelLog(todas[j]!, j, version, T + 300_000 * (k + 1)) }));
    for (const [i, j] of indices.entries()) vigentes.set(j, cambios[i]!.despues);
    const inc = await cpu(async () => {
      estado.aplicar(cambios);
      return renderizar(estado, { final: false }, descartar);
    });
    incrementales.push({ ms: inc.ms, shards: inc.valor.nuevos.length, mb: mb(inc.valor.nuevos) });
    const t = T + 300_000 * (k + 1);
    if (k === 0) abiertosInc = (await cpu(() => construirZip(t, modelo.entidad.utcOffsetMinutes, archivosAbiertos(estado, t, false), compresorZlib))).ms;
  }
  return {
    nucleoCompleto: completo.ms,
    abiertosCompleto: abiertos.ms,
    nucleoIncremental: mediana(incrementales.map((x) => x.ms)),
    nucleoPrimerIncremental: incrementales[0]!.ms,
    abiertosIncremental: abiertosInc,
    shards: r.nuevos.length,
    mbShards: mb(r.nuevos),
    shardsIncremental: mediana(incrementales.map((x) => x.shards)),
    mbIncremental: mediana(incrementales.map((x) => x.mb)),
    mbZip: abiertos.valor.contenido.length / 1e6,
    heapMb: heapMb - base,
  };
}

const mb = (xs: readonly { bytes: number }[]) => xs.reduce((s, x) => s + x.bytes, 0) / 1e6;

export function modeloDe(catalogo: Catalogo): CorteModelo {
  const m = construirModelo(catalogo);
  if (!m.ok) throw new Error(m.error.map((p) => p.mensaje).join('; '));
  return m.value;
}

const CAMPOS: (keyof Medida)[] = ['nucleoCompleto', 'abiertosCompleto', 'nucleoIncremental', 'nucleoPrimerIncremental', 'abiertosIncremental', 'shards', 'mbShards', 'shardsIncremental', 'mbIncremental', 'mbZip'];

function imprimir(nombre: string, actas: number, secciones: number, repeticiones: number, medidas: Medida[], cambiadas: number): void {
  const k = (c: keyof Medida) => mediana(medidas.map((x) => x[c]));
  console.log(`\n${nombre}: ${actas} actas esperadas, ${secciones} secciones (mediana de ${repeticiones}, ms de CPU)`);
  console.log(`  completo     núcleo ${k('nucleoCompleto').toFixed(1).padStart(7)}   datos abiertos ${k('abiertosCompleto').toFixed(1).padStart(7)}   ${k('shards')} shards, ${k('mbShards').toFixed(1)} MB, zip ${k('mbZip').toFixed(2)} MB`);
  console.log(`  incremental  núcleo ${k('nucleoIncremental').toFixed(1).padStart(7)}   datos abiertos ${k('abiertosIncremental').toFixed(1).padStart(7)}   ${k('shardsIncremental')} shards, ${k('mbIncremental').toFixed(1)} MB  (${cambiadas} actas cambiadas; mediana de ${SUCESIVOS} cortes seguidos, el primero ${k('nucleoPrimerIncremental').toFixed(1)})`);
  console.log(`  incremental / completo (núcleo): 1/${(k('nucleoCompleto') / k('nucleoIncremental')).toFixed(1)}   estado retenido entre cortes (heap, con --expose-gc): ${k('heapMb').toFixed(0)} MB`);
}

async function medir(nombre: string, catalogo: Catalogo, repeticiones: number): Promise<void> {
  const modelo = modeloDe(catalogo);
  const medidas: Medida[] = [];
  for (let i = 0; i < repeticiones; i++) medidas.push(await una(modelo, i));
  const actas = modelo.actaPorClave.size;
  imprimir(nombre, actas, modelo.secciones.length, repeticiones, medidas, Math.max(1, Math.round(actas / 100)));
}

/** Every entidad's corte one after another (one state at a time); each repetition is the sum over entidades. */
async function medirNacional(catalogos: readonly Catalogo[], repeticiones: number): Promise<void> {
  const medidas: Medida[] = Array.from({ length: repeticiones }, () => ({
    nucleoCompleto: 0, abiertosCompleto: 0, nucleoIncremental: 0, nucleoPrimerIncremental: 0, abiertosIncremental: 0, shards: 0, mbShards: 0, shardsIncremental: 0, mbIncremental: 0, mbZip: 0, heapMb: 0,
  }));
  let actas = 0;
  let secciones = 0;
  let cambiadas = 0;
  for (const catalogo of catalogos) {
    const modelo = modeloDe(catalogo);
    actas += modelo.actaPorClave.size;
    secciones += modelo.secciones.length;
    cambiadas += Math.max(1, Math.round(modelo.actaPorClave.size / 100));
    for (let i = 0; i < repeticiones; i++) {
      const m = await una(modelo, i);
      for (const c of CAMPOS) medidas[i]![c] += m[c];
      medidas[i]!.heapMb = Math.max(medidas[i]!.heapMb, m.heapMb);
    }
  }
  imprimir(`Nacional sintético (generarNacional, ${catalogos.length} entidades; estado: la mayor)`, actas, secciones, repeticiones, medidas, cambiadas);
}

const USO = interfaz({
  comando: 'npm run bench:corte --',
  descripcion: 'Tiempos del corte en el núcleo del dominio (sin E/S), a escala de prueba, Jalisco y nacional: completo e incremental.',
  opciones: {
    seed: { tipo: 'entero', min: 0, max: 2 ** 31 - 1, omision: 2024, ayuda: 'semilla de los catálogos sintéticos' },
    repeticiones: { tipo: 'entero', min: 1, max: 100, omision: 5, ayuda: 'repeticiones por escala (se informa la mediana)' },
    'repeticiones-nacional': { tipo: 'entero', min: 1, max: 100, omision: 3, ayuda: 'repeticiones a escala nacional' },
    'sin-nacional': { tipo: 'bandera', ayuda: 'omite la escala nacional' },
    compresion: { tipo: 'bandera', ayuda: 'mide además la compresión Brotli y gzip de los shards de Jalisco (almacenR2)' },
  },
});

if (import.meta.main) {
  const { valores: v } = argumentosOSalir(process.argv.slice(2), USO);
  await medir('Elección de prueba (fixture)', catalogoEjemplo, v.repeticiones);
  const jalisco = generarJalisco(v.seed);
  await medir('Jalisco sintético (generarJalisco)', jalisco, v.repeticiones);
  usarSha256((b) => createHash('sha256').update(b).digest());
  await medir('Jalisco sintético, SHA-256 de node:crypto (como workerd: sin hilo aparte por digest)', jalisco, v.repeticiones);
  await medirCorteEntero(modeloDe(jalisco), v.repeticiones);
  usarSha256(null);
  if (!v['sin-nacional']) await medirNacional(generarNacional(v.seed), v['repeticiones-nacional']);
  if (v.compresion) await medirCompresion(modeloDe(jalisco), v.repeticiones);
}

/**
 * Everything a corte publishes, as the corte job makes it and stores it (`prepararCorte`, then `almacenR2` on a
 * bucket that drops the bytes): the núcleo, the zip, each election's two CSVs, the change feed, the NIST report and
 * the manifest, and the compressed copy each is stored as (Brotli of the shards, the CSVs' gzip files). The full
 * corte of a new state, then `repeticiones` incremental cortes of 1 % each, one after another on the same state
 * (as a night's cortes follow each other).
 */
async function medirCorteEntero(modelo: CorteModelo, repeticiones: number): Promise<void> {
  const todas = [...modelo.actaPorClave.values()];
  const actas = todas.map((a, i) => actaComoDelLog(a, i, 0, T));
  const almacen = almacenR2({ put: async () => ({}), get: async () => null } as unknown as R2Bucket);
  const guardar = (objetos: readonly { ruta: string; contenido: Uint8Array; gzip?: Uint8Array }[]) => escribirTodos(almacen, objetos);
  const publicar = async (estado: EstadoCorte, numero: number, cambios: Cambio[]) => {
    const p = await prepararCorte(estado, { numero, instante: T + numero * 300_000, secuencia: numero, final: false, anterior: null, cambios }, guardar, compresorZlib, guardar);
    await guardar([p.abiertos, p.diferencias, p.cdf, p.manifiesto]);
  };
  await recogerBasura();
  const completo = await cpu(() => publicar(EstadoCorte.completo(modelo, actas).estado, 1, []));
  const { estado } = EstadoCorte.completo(modelo, actas);
  await publicar(estado, 1, []);
  const incrementales: number[] = [];
  for (let i = 0; i < repeticiones; i++) {
    const indices = [...new Set(Array.from({ length: Math.round(todas.length / 100) }, (_, k) => (k * 7919 + (i + 1) * 104_729) % todas.length))];
    const cambios = indices.map((j) => {
      const c: Cambio = { clave: todas[j]!.clave, eleccion: todas[j]!.eleccion.codigo, antes: actas[j]!, despues: actaComoDelLog(todas[j]!, j, i + 1, T + (i + 2) * 300_000) };
      actas[j] = c.despues;
      return c;
    });
    await recogerBasura();
    const c = await cpu(() => {
      estado.aplicar(cambios);
      return publicar(estado, i + 2, cambios);
    });
    incrementales.push(c.ms);
  }
  console.log(`\nCorte entero (lo que publica y su copia comprimida: shards, zip, CSV por elección, diferencias, NIST, manifiesto), Jalisco sintético, node:crypto, ms de CPU`);
  console.log(`  completo ${completo.ms.toFixed(0)}   incremental 1 % (mediana de ${repeticiones} seguidos) ${mediana(incrementales).toFixed(0)}   (${incrementales.map((x) => x.toFixed(0)).join(', ')})`);
}

/**
 * What publishing each new shard's Brotli and gzip variants adds to a corte (`almacenR2` compresses every
 * content-addressed text object once, worker/cortes/variantes.ts): the full corte's shards and a 1 % corte's.
 */
async function medirCompresion(modelo: CorteModelo, repeticiones: number): Promise<void> {
  const todas = [...modelo.actaPorClave.values()];
  const actas = todas.map((a, i) => actaComoDelLog(a, i, 0, T));
  const indices = [...new Set(Array.from({ length: Math.round(todas.length / 100) }, (_, i) => (i * 7919 + 104_729) % todas.length))];
  const { estado } = EstadoCorte.completo(modelo, actas);
  const juntar = async (f: (sumidero: (lote: readonly { contenido: Uint8Array }[]) => Promise<void>) => Promise<unknown>) => {
    const xs: Uint8Array[] = [];
    await f(async (lote) => void xs.push(...lote.map((o) => o.contenido)));
    return xs;
  };
  const completo = await juntar((s) => renderizar(estado, { final: false }, s));
  estado.aplicar(indices.map((j) => ({ antes: actas[j]!, despues: actaComoDelLog(todas[j]!, j, 1, T + 300_000) })));
  const incremental = await juntar((s) => renderizar(estado, { final: false }, s));
  const megas = (xs: readonly Uint8Array[]) => mb(xs.map((x) => ({ bytes: x.length }))).toFixed(1);
  console.log(`\nCompresión de las variantes (Jalisco sintético, mediana de ${repeticiones}, ms de CPU)`);
  for (const [nombre, shards] of [['completo', completo], ['incremental 1 %', incremental]] as const) {
    const medidas = [];
    for (let i = 0; i < repeticiones; i++) {
      await recogerBasura();
      medidas.push(await cpu(() => CODIFICACIONES.map((c) => shards.map((x) => comprimir(x, c)))));
    }
    const [br, gzip] = medidas[0]!.valor;
    const ms = mediana(medidas.map((m) => m.ms));
    console.log(`  ${nombre.padEnd(16)} ${shards.length} shards, ${megas(shards)} MB → br ${megas(br!)} MB, gzip ${megas(gzip!)} MB   ${ms.toFixed(0)} ms`);
  }
}
