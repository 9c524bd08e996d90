/**
 * The operator's work queues: one per role that has a step (the supervisor's is cotejo; admin has none), read
 * from GET /api/v1/cola/{paso} and summed up as how many actas wait and since when the oldest one waits.
 */
import { pedir } from './api.ts';
import { PASO_DEL_ROL, enOrden } from './roles.ts';
import type { Cola, ElementoCola, OperadorSesion, PasoCola, Rol } from './tipos.ts';

/** The most actas one read brings; a queue that fills it is shown as "LIMITE or more". */
export const LIMITE = 500;

export const NOMBRE_PASO: Readonly<Record<PasoCola, string>> = {
  acopio: 'Acopio',
  digitalizacion: 'Digitalización',
  captura: 'Captura',
  verificacion: 'Verificación',
  cotejo: 'Cotejo',
};

/** What each step's count means, for the table. */
export const QUE_ESPERA: Readonly<Record<PasoCola, string>> = {
  acopio: 'actas esperadas aún sin recibir',
  digitalizacion: 'actas recibidas sin imagen',
  captura: 'actas por capturar',
  verificacion: 'actas con capturas distintas',
  cotejo: 'actas verificadas sin cotejar',
};

/** The steps whose queue the operator works, in the night's order; a PREP Casilla device photographs its own casillas and has none. */
export function pasosDe({ ambito, roles }: { ambito: OperadorSesion['ambito']; roles: readonly Rol[] }): PasoCola[] {
  const pasos: PasoCola[] = [];
  if (ambito === 'CASILLA') return pasos;
  for (const r of enOrden(roles)) {
    const p = PASO_DEL_ROL[r];
    if (p && !pasos.includes(p)) pasos.push(p);
  }
  return pasos;
}

export interface ResumenCola {
  paso: PasoCola;
  cuantas: number;
  /** The queue reached LIMITE: there may be more. */
  almenos: boolean;
  /** Since when the oldest acta waits (epoch ms); null if none has a time (empty, or expected actas only). */
  masAntigua: number | null;
}

export function resumir(paso: PasoCola, actas: readonly ElementoCola[]): ResumenCola {
  let masAntigua: number | null = null;
  for (const a of actas) if (a.desde !== null && (masAntigua === null || a.desde < masAntigua)) masAntigua = a.desde;
  return { paso, cuantas: actas.length, almenos: actas.length >= LIMITE, masAntigua };
}

/** Every queue of the operator's roles, read in parallel. */
export async function leerColas(op: OperadorSesion): Promise<ResumenCola[]> {
  return Promise.all(
    pasosDe(op).map(async (p) => resumir(p, (await pedir<Cola>('GET', `/api/v1/cola/${p}?limite=${LIMITE}`)).actas)),
  );
}
