/**
 * What the supervisor's cotejo screen reads and sends: its queue (GET /api/v1/cola/cotejo: verified actas not yet
 * cotejadas, oldest first), the acta's verified figures (GET …/actas/{clave}), its timeline (GET …/historial) and
 * the decision — ONE POST …/cotejo with an Idempotency-Key, sent again with the same key when cut.
 */
import { pedir } from '../api.ts';
import { conReintentos, ESPERAS_MS } from '../captura/envio.ts';
import type { CuerpoCaptura } from '../captura/tipos.ts';
import type { Cola, ElementoCola } from '../tipos.ts';

export const LIMITE_COLA = 50;

export async function leerColaCotejo(): Promise<ElementoCola[]> {
  return (await pedir<Cola>('GET', `/api/v1/cola/cotejo?limite=${LIMITE_COLA}`)).actas;
}

/** The acta as the API shows it, limited to what the screen reads. */
export interface ActaCotejo {
  clave: string;
  etapa: string;
  estado: { cotejada: number; ronda: number; verificada: { captura: CuerpoCaptura; operador: string | null } | null } | null;
}

export interface EventoHistorial {
  id: number;
  at: number;
  accion: string;
  operador: string | null;
  detalle: Record<string, unknown>;
}

export function leerActa(clave: string): Promise<ActaCotejo> {
  return pedir<ActaCotejo>('GET', `/api/v1/actas/${encodeURIComponent(clave)}`);
}

export async function leerHistorial(clave: string): Promise<EventoHistorial[]> {
  return (await pedir<{ eventos: EventoHistorial[] }>('GET', `/api/v1/actas/${encodeURIComponent(clave)}/historial`)).eventos;
}

export type AccionCotejo = 'ACEPTAR' | 'RECAPTURA' | 'REDIGITALIZACION';
export type CuerpoCotejo = { accion: 'ACEPTAR' } | { accion: 'RECAPTURA' | 'REDIGITALIZACION'; motivo: string };

export function enviarCotejo(clave: string, cuerpo: CuerpoCotejo, llave: string, alReintentar?: (n: number) => void): Promise<ActaCotejo> {
  const ruta = `/api/v1/actas/${encodeURIComponent(clave)}/cotejo`;
  return conReintentos(() => pedir<ActaCotejo>('POST', ruta, { cuerpo, encabezados: { 'idempotency-key': llave } }), ESPERAS_MS, alReintentar);
}
