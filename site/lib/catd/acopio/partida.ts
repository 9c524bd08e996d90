/**
 * The API's 409 ACTA_PARTIDA at acopio by identification: the casilla is of a sección split between territories,
 * so the fields read on the paper name several actas (part 1's plain CLAVE_ACTA and each `CLAVE_ACTA-n`). The
 * screen asks which paper arrived, one choice per key the API listed, and registers that one by its clave.
 */
import { ErrorCatd } from '../api.ts';

export interface OpcionParte {
  clave: string;
  parte: number;
  etiqueta: string;
}

export interface ActaPartida {
  mensaje: string;
  opciones: OpcionParte[];
}

const entero = new Intl.NumberFormat('es-MX', { maximumFractionDigits: 0 });

/** Part n of `CLAVE_ACTA-n`; 1 for the plain key. */
export function numeroDeParte(clave: string): number {
  const m = /-([2-9])$/.exec(clave);
  return m ? Number(m[1]) : 1;
}

function clavesDe(detalles: unknown): string[] {
  const claves = (detalles as { claves?: unknown } | null)?.claves;
  return Array.isArray(claves) ? claves.filter((c): c is string => typeof c === 'string' && c !== '') : [];
}

/** The choice to offer for a failed acopio; null when the failure is not ACTA_PARTIDA (or lists no keys). */
export function actaPartida(e: unknown): ActaPartida | null {
  if (!(e instanceof ErrorCatd) || e.code !== 'ACTA_PARTIDA') return null;
  const opciones = clavesDe(e.detalles)
    .map((clave) => ({ clave, parte: numeroDeParte(clave), etiqueta: `${clave} · parte ${entero.format(numeroDeParte(clave))}` }))
    .sort((a, b) => a.parte - b.parte);
  if (opciones.length === 0) return null;
  return {
    mensaje: `Esta casilla tiene su acta partida en ${entero.format(opciones.length)} partes (sección dividida entre territorios): elige cuál recibes.`,
    opciones,
  };
}
