/**
 * The capturist's work queue: GET /api/v1/cola/captura (the operator's CATD, oldest first) and which acta to take
 * next — the oldest one this person has not captured nor set aside in this session (an acta they captured waits
 * in the queue for someone else's capture).
 */
import { pedir } from '../api.ts';
import type { Cola, ElementoCola } from '../tipos.ts';
import type { BoletaActa } from './tipos.ts';

/** How many of the oldest actas one read brings: enough to choose from, small enough for a 360 px list. */
export const LIMITE_COLA = 50;

export async function leerColaCaptura(): Promise<ElementoCola[]> {
  return (await pedir<Cola>('GET', `/api/v1/cola/captura?limite=${LIMITE_COLA}`)).actas;
}

export function siguiente(cola: readonly ElementoCola[], omitidas: ReadonlySet<string>): ElementoCola | null {
  return cola.find((a) => !omitidas.has(a.clave)) ?? null;
}

export function leerBoleta(clave: string): Promise<BoletaActa> {
  return pedir<BoletaActa>('GET', `/api/v1/actas/${encodeURIComponent(clave)}/boleta`);
}

/** Why an acta cannot be captured by this person now, or null when it can. */
export function motivoParaOmitir(b: BoletaActa): string | null {
  if (b.capturadaPorUsted) return `Ya capturó el acta ${b.clave} en esta ronda; la captura otra persona.`;
  if (b.etapa !== 'CAPTURA' && b.etapa !== 'VERIFICACION') return `El acta ${b.clave} ya no está en captura.`;
  if (b.campos.length === 0) return `El acta ${b.clave} no corresponde a ninguna boleta: no se captura.`;
  return null;
}
