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


/** Rounds of the bench's capture / no-op comparison (workerd.ts capturaYPing). */
export const RONDAS_CAPTURA = 4;

/** One run of a load, before its summary: runs in rounds are summed into one result (`combinar`). */
export interface Tramo extends Omit<ResultadoCarga, 'solicitudes' | 'porSegundo' | 'p50' | 'p99'> {
  latencias: number[];
}

/** The runs of one load as one result: their requests over their time together (the time between them left out). */
export function combinar(tramos: readonly Tramo[]): ResultadoCarga {
  const latencias = tramos.flatMap((t) => t.latencias);
  const segundos = tramos.reduce((s, t) => s + t.segundos, 0);
  const suma = (k: 'fallidas' | 'reintentos' | 'conflictos' | 'respuestasRepetidas') => tramos.reduce((s, t) => s + t[k], 0);
  const estados: Record<string, number> = {};
  for (const t of tramos) for (const [k, n] of Object.entries(t.estados)) estados[k] = (estados[k] ?? 0) + n;
  return {
    solicitudes: latencias.length,
    segundos,
    porSegundo: latencias.length / segundos,
    p50: percentil(latencias, 0.5),
    p99: percentil(latencias, 0.99),
    fallidas: suma('fallidas'),
    reintentos: suma('reintentos'),
    conflictos: suma('conflictos'),
    respuestasRepetidas: suma('respuestasRepetidas'),
    estados,
  };
}

/**
 * Runs `peticiones` in order over `clientes` concurrent clients; `esperado` is the status each must end with.
 * Groups (`grupo`) are kept in order within one client: the steps of one acta never race each other.
 */
export async function cargaEscrituras(url: string, grupos: readonly (readonly Peticion[])[], clientes: number, esperados: readonly number[]): Promise<ResultadoCarga> {
  return combinar([await tramoEscrituras(url, grupos, clientes, esperados)]);
}

/** `cargaEscrituras`, unsummarised. */
export async function tramoEscrituras(url: string, grupos: readonly (readonly Peticion[])[], clientes: number, esperados: readonly number[]): Promise<Tramo> {
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
  return { latencias, segundos: (performance.now() - t0) / 1000, fallidas, reintentos, conflictos, respuestasRepetidas: repetidas, estados };
}

/** `clientes` concurrent clients GET `ruta` until `total` requests are done (unsummarised: `combinar`). */
export async function tramoLectura(url: string, ruta: string, total: number, clientes: number): Promise<Tramo> {
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
  return { latencias, segundos: (performance.now() - t0) / 1000, fallidas, reintentos: 0, conflictos: 0, respuestasRepetidas: 0, estados };
}
