/**
 * The night's requests to the capture API: each one sent through the operators' client (cliente.ts: its
 * Idempotency-Key, retries after dropped connections and lost races), its retries, conflicts, replayed answers and
 * latency added to the night's state, and any answer other than the expected ones recorded as an error of the
 * night (the reconciliation fails on any).
 */
import type { Cliente, Peticion, Respuesta } from './cliente.ts';
import type { EstadoNoche } from './estado.ts';
import type { Credenciales } from './personal.ts';

/** Latencies kept for the percentiles of the summary (a whole night makes ~130,000 requests). */
const MAX_LATENCIAS = 200_000;

/** The workflow stage an answer of the capture API reports. */
export function etapaDe(r: Respuesta): string {
  return String((r.cuerpo as { etapa?: string }).etapa);
}

export class Envios {
  private readonly cliente: Cliente;
  private readonly credenciales: Credenciales;
  private readonly estado: EstadoNoche;

  constructor(cliente: Cliente, credenciales: Credenciales, estado: EstadoNoche) {
    this.cliente = cliente;
    this.credenciales = credenciales;
    this.estado = estado;
  }

  /** The bearer token of operator or device `id`. */
  token(id: string): string {
    const t = this.credenciales.get(id);
    if (t === undefined) throw new Error(`sin token para ${id}`);
    return t;
  }

  /** Records an unexpected outcome of step `paso` of `acta` (with the start of the API's answer, if any). */
  error(acta: string, paso: string, r: Respuesta | null, detalle: string): void {
    this.estado.errores.push({ acta, paso, status: r?.status ?? 0, detalle: detalle + (r ? ` ${JSON.stringify(r.cuerpo).slice(0, 300)}` : '') });
  }

  /** Sends `p`; the answer when its status is one of `esperados`, else null (and the error is recorded). */
  async enviar(acta: string, paso: string, p: Peticion, esperados: readonly number[]): Promise<Respuesta | null> {
    let r: Respuesta;
    try {
      r = await this.cliente.post(p);
    } catch (e) {
      this.error(acta, paso, null, `sin respuesta: ${(e as Error).message}`);
      return null;
    }
    this.estado.reintentos += r.reintentos;
    this.estado.conflictos += r.conflictos;
    if (r.repetida) this.estado.repetidas++;
    if (this.estado.latencias.length < MAX_LATENCIAS) this.estado.latencias.push(r.ms);
    if (!esperados.includes(r.status)) {
      this.error(acta, paso, r, `HTTP ${r.status}, se esperaba ${esperados.join(' o ')}`);
      return null;
    }
    return r;
  }
}
