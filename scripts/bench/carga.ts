/**
 * A small load generator: `clientes` concurrent clients (each one request at a time, keep-alive) run a list of
 * requests against the local Worker and record each one's latency. Writes use the simulacro's client
 * (scripts/simulacro/cliente.ts): Idempotency-Key on every request, retried with the same key on a dropped
 * connection or a lost race, as a CATD terminal would; a share of them lose their connection on purpose.
 */
import { percentil } from '../lib/percentil.ts';
import { Cliente, type Peticion } from '../simulacro/cliente.ts';

export interface ResultadoCarga {
  solicitudes: number;
  segundos: number;
  porSegundo: number;
  p50: number;
  p99: number;
  /** Requests whose final answer was not the expected one. */
  fallidas: number;
  reintentos: number;
  conflictos: number;
  respuestasRepetidas: number;
  estados: Record<string, number>;
}


function resumen(latencias: number[], segundos: number, extra: Omit<ResultadoCarga, 'solicitudes' | 'segundos' | 'porSegundo' | 'p50' | 'p99'>): ResultadoCarga {
  return {
    solicitudes: latencias.length,
    segundos,
    porSegundo: latencias.length / segundos,
    p50: percentil(latencias, 0.5),
    p99: percentil(latencias, 0.99),
    ...extra,
  };
}

/**
 * Runs `peticiones` in order over `clientes` concurrent clients; `esperado` is the status each must end with.
 * Groups (`grupo`) are kept in order within one client: the steps of one acta never race each other.
 */
export async function cargaEscrituras(url: string, grupos: readonly (readonly Peticion[])[], clientes: number, esperados: readonly number[]): Promise<ResultadoCarga> {
  const cliente = new Cliente(url);
  const latencias: number[] = [];
  const estados: Record<string, number> = {};
  let fallidas = 0;
  let reintentos = 0;
  let conflictos = 0;
  let repetidas = 0;
  let i = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clientes }, async () => {
      while (i < grupos.length) {
        const grupo = grupos[i++]!;
        for (const p of grupo) {
          const r = await cliente.post(p);
          latencias.push(r.ms);
          estados[r.status] = (estados[r.status] ?? 0) + 1;
          reintentos += r.reintentos;
          conflictos += r.conflictos;
          if (r.repetida) repetidas++;
          if (!esperados.includes(r.status)) {
            fallidas++;
            break;
          }
        }
      }
    }),
  );
  return resumen(latencias, (performance.now() - t0) / 1000, { fallidas, reintentos, conflictos, respuestasRepetidas: repetidas, estados });
}

/** `clientes` concurrent clients GET `ruta` until `total` requests are done. */
export async function cargaLectura(url: string, ruta: string, total: number, clientes: number): Promise<ResultadoCarga> {
  const latencias: number[] = [];
  const estados: Record<string, number> = {};
  let fallidas = 0;
  let hechas = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clientes }, async () => {
      while (hechas < total) {
        hechas++;
        const t = performance.now();
        const r = await fetch(url + ruta);
        await r.arrayBuffer();
        latencias.push(performance.now() - t);
        estados[r.status] = (estados[r.status] ?? 0) + 1;
        if (!r.ok) fallidas++;
      }
    }),
  );
  return resumen(latencias, (performance.now() - t0) / 1000, { fallidas, reintentos: 0, conflictos: 0, respuestasRepetidas: 0, estados });
}
