/**
 * Consoles left open during a load (issue 17: "measure capture p99 with ten consoles open"): each one reads
 * `GET /api/v1/consola/estado` every few seconds, as /consola/ does, until `cerrar()`; their reads are timed too.
 */
import { percentil } from '../lib/percentil.ts';

export interface LecturasConsola {
  consolas: number;
  lecturas: number;
  p50: number;
  p99: number;
  fallidas: number;
}

export function abrirConsolas(url: string, token: string, consolas: number, cadaMs: number): { cerrar: () => Promise<LecturasConsola> } {
  const latencias: number[] = [];
  let fallidas = 0;
  let abiertas = true;
  const dormir = (ms: number) => new Promise((listo) => setTimeout(listo, ms));
  const consola = async (k: number) => {
    // Staggered, as people open their consoles at different moments.
    await dormir((cadaMs * k) / consolas);
    while (abiertas) {
      const t = performance.now();
      const r = await fetch(`${url}/api/v1/consola/estado`, { headers: { authorization: `Bearer ${token}` } });
      await r.arrayBuffer();
      const ms = performance.now() - t;
      latencias.push(ms);
      if (!r.ok) fallidas++;
      await dormir(Math.max(0, cadaMs - ms));
    }
  };
  const todas = Promise.all(Array.from({ length: consolas }, (_, k) => consola(k)));
  return {
    async cerrar() {
      abiertas = false;
      await todas;
      return { consolas, lecturas: latencias.length, p50: percentil(latencias, 0.5), p99: percentil(latencias, 0.99), fallidas };
    },
  };
}
