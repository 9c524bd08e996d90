/**
 * Measures the readers (medir.ts) and rewrites their section of docs/BENCHMARKS.md: used by `npm run bench`
 * and by `node scripts/bench/lectores.ts` alone.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { informeLectores, reemplazarSeccion } from './informe.ts';
import { medirLectores } from './medir.ts';
import { commitMedido } from '../commit.ts';


export interface OpcionesLectores {
  conexiones: number;
  espectadores: readonly number[];
  salida: string;
  comando: string;
  alAvanzar?: (t: string) => void;
}

/** Returns the lines of the verdicts, to print. */
export async function medirYEscribirLectores(o: OpcionesLectores): Promise<string[]> {
  const carga0 = os.loadavg()[0]!;
  const m = await medirLectores(o);
  const cpus = os.cpus();
  const { markdown, metas } = informeLectores(m, {
    fecha: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    comando: o.comando,
    commit: commitMedido(),
    maquina: `${cpus[0]?.model ?? '?'} × ${cpus.length}, Node ${process.version}`,
    carga: `load average ${carga0.toFixed(1)} at the start, ${os.loadavg()[0]!.toFixed(1)} at the end (2 vCPUs: above ~1, other processes shared the machine)`,
  });
  const previo = existsSync(o.salida) ? readFileSync(o.salida, 'utf8') : '# Benchmarks\n';
  writeFileSync(o.salida, reemplazarSeccion(previo, markdown));
  return metas;
}
