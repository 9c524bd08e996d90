/**
 * Runs a list of GET requests against a base URL with autocannon: `conexiones` keep-alive connections, each
 * taking the next request of the list, until every request of the list was made once.
 */
import autocannon from 'autocannon';
import type { PeticionLectura } from './espectadores.ts';

export interface ResultadoLectura {
  solicitudes: number;
  segundos: number;
  porSegundo: number;
  p50: number;
  p99: number;
  /** Answers by status code. */
  estados: Record<string, number>;
  /** Connection errors and timeouts. */
  errores: number;
}

export async function cargarLecturas(base: string, lista: readonly PeticionLectura[], conexiones: number): Promise<ResultadoLectura> {
  let k = 0;
  const r = await autocannon({
    url: base,
    connections: conexiones,
    amount: lista.length,
    timeout: 60,
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => {
          const p = lista[k++ % lista.length]!;
          return { ...req, path: p.ruta, headers: p.encabezados };
        },
      },
    ],
  });
  const estados: Record<string, number> = {};
  for (const [codigo, s] of Object.entries(r.statusCodeStats ?? {})) estados[codigo] = s.count ?? 0;
  const solicitudes = Object.values(estados).reduce((a, b) => a + b, 0);
  return {
    solicitudes,
    segundos: r.duration,
    porSegundo: solicitudes / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    estados,
    errores: r.errors + r.timeouts,
  };
}
