/**
 * What a workflow step decides: the acta's new state plus the rows to append, or a refusal. The step functions
 * (acopio.ts, digitalizacion.ts, captura.ts, cotejo.ts) are pure; worker/api/flujo turns a Cambio into one D1
 * batch (guarded by the version that was read) and an audit entry.
 */
import type { Operador } from './permisos.ts';
import type { ActaEstado, CapturaRegistrada, Imagen } from './estado.ts';

export type AccionPaso = 'ACOPIO' | 'DIGITALIZACION' | 'CAPTURA' | 'VERIFICACION' | 'COTEJO';

export interface Contexto {
  operador: Operador;
  /** Server time of the request, epoch ms. */
  ahora: number;
  /** The instant the client stated (fechaHora), or null. */
  atCliente: number | null;
}

export interface Cambio {
  estado: ActaEstado;
  /** True when this step creates the acta's record. */
  nueva: boolean;
  /** A capture to append (captura table). */
  captura: CapturaRegistrada | null;
  /** An image to append (imagen table). */
  imagen: Imagen | null;
  accion: AccionPaso;
  /** What the audit entry and the timeline say about this step. */
  detalle: Record<string, unknown>;
}

/** The instant a step is recorded at: the client's stated time if any, else the server's. */
export const instante = (ctx: Contexto): number => ctx.atCliente ?? ctx.ahora;

export function cambio(accion: AccionPaso, estado: ActaEstado, detalle: Record<string, unknown>, extra: Partial<Cambio> = {}): Cambio {
  return { estado, nueva: false, captura: null, imagen: null, accion, detalle, ...extra };
}

/** The list with `x` added once. */
export const con = (xs: readonly string[], x: string): string[] => (xs.includes(x) ? [...xs] : [...xs, x]);
