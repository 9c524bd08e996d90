/**
 * Separation of duties for the cortes (issue 17): publishing the final corte and changing the publication window
 * are asked for by one administrator and applied only when a DIFFERENT administrator confirms, before the request
 * expires. These are the pure rules; worker/cortes/solicitudes-d1.ts keeps the requests and worker/api/cortes
 * applies them. Confirming an applied request again answers its stored result: nothing is applied twice.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../resultado.ts';
import { ConfigCortesSchema } from './calendario.ts';

/** How long a request waits for the second administrator. */
export const VIGENCIA_SOLICITUD_MS = 15 * 60_000;

export const AccionSolicitudSchema = z.discriminatedUnion('tipo', [
  z.strictObject({ tipo: z.literal('CONFIGURAR'), config: ConfigCortesSchema }),
  /** `instante`: epoch ms the final corte is stamped at (a replay of a past night); null: the clock at confirmation. */
  z.strictObject({ tipo: z.literal('CORTE_FINAL'), instante: z.number().int().nullable() }),
]);
export type AccionSolicitud = z.infer<typeof AccionSolicitudSchema>;

export const ESTADOS_SOLICITUD = ['PENDIENTE', 'APLICANDO', 'APLICADA', 'CANCELADA'] as const;
export type EstadoSolicitud = (typeof ESTADOS_SOLICITUD)[number];

export interface Solicitud {
  id: string;
  accion: AccionSolicitud;
  solicitante: string;
  creadaAt: number;
  venceAt: number;
  estado: EstadoSolicitud;
  /** Who confirmed (APLICANDO, APLICADA) or cancelled (CANCELADA). */
  resolvio: string | null;
  resueltaAt: number | null;
  /** What applying it answered (APLICADA): returned again to a repeated confirmation. */
  resultado: unknown;
}

export function nuevaSolicitud(id: string, accion: AccionSolicitud, solicitante: string, ahora: number): Solicitud {
  return { id, accion, solicitante, creadaAt: ahora, venceAt: ahora + VIGENCIA_SOLICITUD_MS, estado: 'PENDIENTE', resolvio: null, resueltaAt: null, resultado: null };
}

/** A pending request past its expiry can no longer be confirmed (it may still be cancelled). */
export const vencida = (s: Solicitud, ahora: number): boolean => s.estado === 'PENDIENTE' && ahora >= s.venceAt;

/**
 * A request stuck in APLICANDO (the Worker died between publishing and recording) may be taken again after this:
 * longer than a corte's lease (worker/cortes/publicar.ts LEASE_MS), so two runs never apply it at once.
 */
export const ABANDONO_APLICANDO_MS = 180_000;

export type RechazoSolicitud =
  | { code: 'MISMO_ADMINISTRADOR'; status: 403 }
  | { code: 'SOLICITUD_VENCIDA'; status: 409; venceAt: number }
  | { code: 'SOLICITUD_CANCELADA'; status: 409 }
  | { code: 'SOLICITUD_APLICADA'; status: 409 }
  | { code: 'SOLICITUD_EN_CURSO'; status: 409 };

export type DecisionConfirmar = { tipo: 'aplicar' } | { tipo: 'ya_aplicada'; resultado: unknown };

/** What a confirmation by `operador` at `ahora` does to the request. */
export function decidirConfirmacion(s: Solicitud, operador: string, ahora: number): Result<DecisionConfirmar, RechazoSolicitud> {
  if (operador === s.solicitante) return err({ code: 'MISMO_ADMINISTRADOR', status: 403 });
  switch (s.estado) {
    case 'APLICADA':
      return ok({ tipo: 'ya_aplicada', resultado: s.resultado });
    case 'CANCELADA':
      return err({ code: 'SOLICITUD_CANCELADA', status: 409 });
    case 'APLICANDO':
      return s.resueltaAt !== null && ahora - s.resueltaAt >= ABANDONO_APLICANDO_MS ? ok({ tipo: 'aplicar' }) : err({ code: 'SOLICITUD_EN_CURSO', status: 409 });
    case 'PENDIENTE':
      return vencida(s, ahora) ? err({ code: 'SOLICITUD_VENCIDA', status: 409, venceAt: s.venceAt }) : ok({ tipo: 'aplicar' });
  }
}

export type DecisionCancelar = { tipo: 'cancelar' } | { tipo: 'ya_cancelada' };

/** Either administrator (the requester or another) may withdraw a request that was not applied. */
export function decidirCancelacion(s: Solicitud): Result<DecisionCancelar, RechazoSolicitud> {
  switch (s.estado) {
    case 'CANCELADA':
      return ok({ tipo: 'ya_cancelada' });
    case 'APLICADA':
      return err({ code: 'SOLICITUD_APLICADA', status: 409 });
    case 'APLICANDO':
      return err({ code: 'SOLICITUD_EN_CURSO', status: 409 });
    case 'PENDIENTE':
      return ok({ tipo: 'cancelar' });
  }
}

/** The audit action of each step of a request (its entry names the operator; the application names both). */
export const ACCION_BITACORA = {
  solicitada: 'CORTES_SOLICITUD_CREADA',
  cancelada: 'CORTES_SOLICITUD_CANCELADA',
  CONFIGURAR: 'CORTES_CONFIGURACION_CAMBIADA',
  CORTE_FINAL: 'CORTE_FINAL_PUBLICADO',
} as const;

/** In Spanish, what the request will do (the console and the 202 answer show it). */
export function descripcion(a: AccionSolicitud): string {
  if (a.tipo === 'CORTE_FINAL') return 'Publicar el corte final (cierra la publicación).';
  const c = a.config;
  const hh = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const jornada = c.jornada === null ? 'sin ventana (solo cortes a mano)' : `jornada ${c.jornada}, apertura ${hh(c.inicioMinutos)}, ${c.duracionMinutos} min`;
  return `Cambiar la publicación: ${jornada}, un corte cada ${c.cadenciaMinutos} min.`;
}
