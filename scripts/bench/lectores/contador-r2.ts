/**
 * Counts the operations a Worker makes on its R2 binding, split by who made them: `fetch` (the public routes a
 * viewer reaches) or `scheduled` (the corte job). Reads are R2's class B operations (get, head); writes and lists
 * its class A. The bench needs R2 reads per corte, and only the Worker sees them: this wraps the binding, the
 * Worker's code is the production one.
 */

/** The bench-only path of scripts/bench/lectores/worker-medido.ts: GET reads the counts, POST resets them. */
export const RUTA_MEDICION = '/__medicion/r2';

export type Origen = 'fetch' | 'scheduled';
export type Operacion = 'get' | 'head' | 'list' | 'put' | 'delete';

export interface ConteoR2 {
  /** Per origin, per operation. */
  porOrigen: Record<Origen, Record<Operacion, number>>;
  /** Reads (get + head) of the public routes, per key, since the last reset. */
  lecturasPorClave: Record<string, number>;
}

const OPERACIONES: readonly Operacion[] = ['get', 'head', 'list', 'put', 'delete'];
const vacio = (): Record<Operacion, number> => ({ get: 0, head: 0, list: 0, put: 0, delete: 0 });

export class ContadorR2 {
  #conteo: ConteoR2 = { porOrigen: { fetch: vacio(), scheduled: vacio() }, lecturasPorClave: {} };

  reiniciar(): void {
    this.#conteo = { porOrigen: { fetch: vacio(), scheduled: vacio() }, lecturasPorClave: {} };
  }

  leer(): ConteoR2 {
    return structuredClone(this.#conteo);
  }

  /** The binding as the Worker sees it, with every operation counted for `origen`. */
  envolver(bucket: R2Bucket, origen: Origen): R2Bucket {
    const conteo = () => this.#conteo;
    return new Proxy(bucket, {
      get(objetivo, nombre) {
        const valor = Reflect.get(objetivo, nombre, objetivo) as unknown;
        if (typeof valor !== 'function') return valor;
        const operacion = OPERACIONES.find((o) => o === nombre);
        // The binding's methods must run with the binding itself as `this`.
        if (operacion === undefined) return valor.bind(objetivo);
        return (...args: unknown[]) => {
          const c = conteo();
          c.porOrigen[origen][operacion]++;
          if (origen === 'fetch' && (operacion === 'get' || operacion === 'head') && typeof args[0] === 'string') {
            c.lecturasPorClave[args[0]] = (c.lecturasPorClave[args[0]] ?? 0) + 1;
          }
          return (valor as (...a: unknown[]) => unknown).apply(objetivo, args);
        };
      },
    });
  }
}
