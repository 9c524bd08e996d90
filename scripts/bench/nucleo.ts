/**
 * The corte in the domain core (no I/O), Jalisco and national scale: full rebuild, then incremental with 1 % and
 * with 10 % of the actas changed, each as the median of several incremental cortes in a row on one state. The measuring itself is scripts/bench-corte.ts's `una` (a synthetic verified
 * acta for every expected acta; CPU milliseconds of classification, tallies, shard JSON, UTF-8 and SHA-256, and
 * separately of the open-data CSVs and zip). SHA-256 through node:crypto, the closer stand-in for workerd (Node's
 * crypto.subtle hands every digest to a thread pool; see bench-corte.ts); Jalisco is also given with
 * crypto.subtle.
 */
import { createHash } from 'node:crypto';
import { generarJalisco, generarNacional } from '../generador/generar.ts';
import { usarSha256 } from '../../worker/domain/corte/bytes.ts';
import type { Catalogo } from '../../worker/domain/catalogo/esquema.ts';
import { modeloDe, SUCESIVOS, una, type Medida } from '../bench-corte.ts';
import { mediana } from '../lib/percentil.ts';

export interface MedidaNucleo {
  nombre: string;
  entidades: number;
  actas: number;
  completoMs: number;
  abiertosMs: number;
  /** Median of `SUCESIVOS` incremental cortes in a row (bench-corte.ts `una`). */
  inc1Ms: number;
  /** The first incremental corte after the full one. */
  inc1PrimeroMs: number;
  /** How many incremental cortes in a row each incremental figure is the median of. */
  sucesivos: number;
  inc10Ms: number;
  abiertosInc1Ms: number;
  shards: number;
  mbShards: number;
  shardsInc1: number;
  shardsInc10: number;
  heapMb: number;
  repeticiones: number;
}

/** Sums the measures of one repetition over entidades (national: one corte per entidad, one after another). */
function sumar(ms: readonly Medida[]): Medida {
  const t = { ...ms[0]! };
  for (const m of ms.slice(1)) {
    for (const k of Object.keys(t) as (keyof Medida)[]) t[k] = k === 'heapMb' ? Math.max(t[k], m[k]) : t[k] + m[k];
  }
  return t;
}

async function medir(nombre: string, catalogos: readonly Catalogo[], repeticiones: number): Promise<MedidaNucleo> {
  const modelos = catalogos.map(modeloDe);
  const al1: Medida[] = [];
  const al10: Medida[] = [];
  for (let i = 0; i < repeticiones; i++) {
    const r1: Medida[] = [];
    const r10: Medida[] = [];
    for (const m of modelos) {
      r1.push(await una(m, i, 0.01));
      r10.push(await una(m, i, 0.1));
    }
    al1.push(sumar(r1));
    al10.push(sumar(r10));
  }
  const k = (xs: Medida[], c: keyof Medida) => mediana(xs.map((x) => x[c]));
  return {
    nombre,
    entidades: catalogos.length,
    actas: modelos.reduce((s, m) => s + m.actaPorClave.size, 0),
    completoMs: mediana([...al1, ...al10].map((x) => x.nucleoCompleto)),
    abiertosMs: mediana([...al1, ...al10].map((x) => x.abiertosCompleto)),
    inc1Ms: k(al1, 'nucleoIncremental'),
    inc1PrimeroMs: k(al1, 'nucleoPrimerIncremental'),
    sucesivos: SUCESIVOS,
    inc10Ms: k(al10, 'nucleoIncremental'),
    abiertosInc1Ms: k(al1, 'abiertosIncremental'),
    shards: k(al1, 'shards'),
    mbShards: k(al1, 'mbShards'),
    shardsInc1: k(al1, 'shardsIncremental'),
    shardsInc10: k(al10, 'shardsIncremental'),
    heapMb: k(al1, 'heapMb'),
    repeticiones,
  };
}

export async function medirNucleo(opciones: { repeticiones: number; repeticionesNacional: number; alAvanzar?: (texto: string) => void }): Promise<MedidaNucleo[]> {
  const out: MedidaNucleo[] = [];
  const jalisco = generarJalisco(2024);
  usarSha256((b) => createHash('sha256').update(b).digest());
  try {
    opciones.alAvanzar?.('núcleo: Jalisco');
    out.push(await medir('Jalisco (generarJalisco), SHA-256 node:crypto', [jalisco], opciones.repeticiones));
    if (opciones.repeticionesNacional > 0) {
      opciones.alAvanzar?.('núcleo: nacional (32 entidades)');
      out.push(await medir('National (generarNacional: 32 entidades, one after another), SHA-256 node:crypto', generarNacional(2024), opciones.repeticionesNacional));
    }
  } finally {
    usarSha256(null);
  }
  opciones.alAvanzar?.('núcleo: Jalisco con crypto.subtle');
  out.push(await medir('Jalisco (generarJalisco), SHA-256 crypto.subtle', [jalisco], opciones.repeticiones));
  return out;
}
