/**
 * What the acopio screen knows before the first acta arrives, from two reads that may each fail without stopping
 * the work: the CATD's acopio queue (the expected actas not yet received: their claves give the entidad and the
 * acta types to check a typed clave against, and say whether a clave is expected here) and the public pointer of
 * the last corte (the elections' codes and names for a fuera de catálogo identification, and the entidad's UTC
 * offset for the time stamp). Before the first corte, or with an empty queue, the screen checks the clave's shape
 * only and the API's answer says the rest.
 */
import { RUTA_LATEST_RAIZ, type Puntero } from '../../../../worker/domain/contrato/index.ts';
import { pedir } from '../api.ts';
import type { Cola } from '../tipos.ts';
import type { ReglasClave } from './clave.ts';

export interface EleccionAcopio {
  codigo: string;
  nombre: string;
}

export interface ContextoAcopio {
  reglas: ReglasClave;
  /** Claves expected at this CATD and not yet received (null: the queue could not be read). */
  pendientes: ReadonlySet<string> | null;
  /** The elections of the catalogue (null before the first corte). */
  elecciones: readonly EleccionAcopio[] | null;
  /** The entidad's offset from UTC in minutes (null: unknown, the device's own zone is used). */
  offsetMin: number | null;
}

/** Entidad and acta types as the expected claves show them (null when there are none, or they disagree). */
export function reglasDeClaves(claves: readonly string[]): ReglasClave {
  const validas = claves.filter((c) => /^\d{6}[A-Z]\d{4}[0-9A-Z]{1,2}$/.test(c));
  if (validas.length === 0) return { entidad: null, tiposActa: null };
  const entidades = new Set(validas.map((c) => Number(c.slice(0, 2))));
  const tipos = [...new Set(validas.map((c) => c.slice(11)))].sort();
  return { entidad: entidades.size === 1 ? [...entidades][0]! : null, tiposActa: tipos };
}

async function leerCola(): Promise<string[] | null> {
  try {
    return (await pedir<Cola>('GET', '/api/v1/cola/acopio?limite=500')).actas.map((a) => a.clave);
  } catch {
    // A 401 has already left for the sign-in form; any other failure only costs the as-you-type checks.
    return null;
  }
}

async function leerPuntero(): Promise<Puntero | null> {
  try {
    const r = await fetch(`/${RUTA_LATEST_RAIZ}`, { headers: { accept: 'application/json' }, cache: 'no-store' });
    if (!r.ok) return null;
    const p = (await r.json()) as Partial<Puntero>;
    return p.tipo === 'puntero' && Array.isArray(p.elecciones) ? (p as Puntero) : null;
  } catch {
    return null;
  }
}

export async function leerContexto(): Promise<ContextoAcopio> {
  const [claves, puntero] = await Promise.all([leerCola(), leerPuntero()]);
  const reglas = reglasDeClaves(claves ?? []);
  return {
    // The acta types come from the queue; the entidad also from the pointer when the queue is empty.
    reglas: { entidad: reglas.entidad ?? puntero?.entidad.id ?? null, tiposActa: reglas.tiposActa },
    pendientes: claves === null ? null : new Set(claves),
    elecciones: puntero ? puntero.elecciones.map((e) => ({ codigo: e.codigo, nombre: e.nombre })) : null,
    offsetMin: puntero?.entidad.utcOffsetMinutes ?? null,
  };
}
