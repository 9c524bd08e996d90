/**
 * What the verification screen reads and sends: its queue (GET /api/v1/cola/verificacion, oldest first), the
 * captures of the acta's current round (from its timeline, which shows their figures to verifiers only) and the
 * resolution — ONE POST …/verificacion with an Idempotency-Key, sent again with the same key when cut.
 */
import { pedir } from '../api.ts';
import { conReintentos, ESPERAS_MS } from '../captura/envio.ts';
import type { ActaTrasCaptura, CuerpoCaptura } from '../captura/tipos.ts';
import type { Cola, ElementoCola } from '../tipos.ts';
import type { CapturaRonda } from './comparar.ts';

export const LIMITE_COLA = 50;

export async function leerColaVerificacion(): Promise<ElementoCola[]> {
  return (await pedir<Cola>('GET', `/api/v1/cola/verificacion?limite=${LIMITE_COLA}`)).actas;
}

interface EventoHistorial {
  accion: string;
  operador: string | null;
  detalle: Record<string, unknown>;
}

/** The captures of round `ronda` among the timeline's events, by their number. */
export function capturasDeRonda(eventos: readonly EventoHistorial[], ronda: number): CapturaRonda[] {
  return eventos
    .filter((e) => e.accion === 'CAPTURA' && e.detalle.ronda === ronda && typeof e.detalle.captura === 'object' && e.detalle.captura !== null)
    .map((e) => ({ n: Number(e.detalle.n), operador: e.operador ?? '', captura: e.detalle.captura as CuerpoCaptura }))
    .sort((a, b) => a.n - b.n);
}

export async function leerCapturas(clave: string, ronda: number): Promise<CapturaRonda[]> {
  const h = await pedir<{ eventos: EventoHistorial[] }>('GET', `/api/v1/actas/${encodeURIComponent(clave)}/historial`);
  return capturasDeRonda(h.eventos, ronda);
}

export type CuerpoVerificacion = { resolucion: 'CAPTURA'; captura: CuerpoCaptura } | { resolucion: 'RECAPTURA'; motivo: string };

export function enviarVerificacion(clave: string, cuerpo: CuerpoVerificacion, llave: string, alReintentar?: (n: number) => void): Promise<ActaTrasCaptura> {
  const ruta = `/api/v1/actas/${encodeURIComponent(clave)}/verificacion`;
  return conReintentos(() => pedir<ActaTrasCaptura>('POST', ruta, { cuerpo, encabezados: { 'idempotency-key': llave } }), ESPERAS_MS, alReintentar);
}
