/**
 * The draft of a capture kept in the tab's sessionStorage, per operator and acta, so a reload (or a cut
 * connection) does not lose what was typed: the figures and, once sent, the Idempotency-Key of that send (a retry
 * after a reload must reuse it). Never a token, a key of access or anything of the session; keyed by operator so
 * another person signing in on the same tab never sees it; removed once the capture is answered.
 */
import type { Entrada } from './valores.ts';

export interface Borrador {
  entradas: Record<string, Entrada>;
  /** The Idempotency-Key of the last send of exactly these figures (`firma`), if one was sent. */
  envio: { llave: string; firma: string } | null;
}

/** The part of the Web Storage interface a draft needs (sessionStorage in the browser). */
export type Almacen = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const PREFIJO = 'prep:captura:';

export const llaveBorrador = (operador: string, clave: string) => `${PREFIJO}${operador}:${clave}`;

/** Only digits and the two marks survive a read: anything else in storage is not ours. */
function limpio(x: unknown): Borrador | null {
  const b = x as Partial<Borrador> | null;
  if (!b || typeof b.entradas !== 'object' || b.entradas === null) return null;
  const entradas: Record<string, Entrada> = {};
  for (const [k, v] of Object.entries(b.entradas)) if (typeof v === 'string' && /^(\d{0,5}|ILEGIBLE|SIN_DATO)$/.test(v)) entradas[k] = v;
  const e = b.envio;
  const envio = e && typeof e.llave === 'string' && typeof e.firma === 'string' ? { llave: e.llave, firma: e.firma } : null;
  return { entradas, envio };
}

export function leerBorrador(a: Almacen, operador: string, clave: string): Borrador | null {
  try {
    const t = a.getItem(llaveBorrador(operador, clave));
    return t === null ? null : limpio(JSON.parse(t));
  } catch {
    return null;
  }
}

export function guardarBorrador(a: Almacen, operador: string, clave: string, b: Borrador): void {
  try {
    a.setItem(llaveBorrador(operador, clave), JSON.stringify(b));
  } catch {
    // Storage full or disabled: the screen keeps working, only a reload would lose the figures.
  }
}

export function borrarBorrador(a: Almacen, operador: string, clave: string): void {
  try {
    a.removeItem(llaveBorrador(operador, clave));
  } catch {
    // Nothing kept, nothing to remove.
  }
}

/** What identifies "these very figures": a changed figure is a different capture and needs a new key. */
export function firmaDe(entradas: Readonly<Record<string, Entrada>>): string {
  return JSON.stringify(Object.keys(entradas).sort().map((k) => [k, entradas[k]]));
}

/**
 * Removes the drafts of any other operator from this tab: a capturist who signs in where someone else worked must
 * not find that person's figures, not even in storage.
 */
export function olvidarAjenos(a: Almacen, operador: string): void {
  try {
    const propio = `${PREFIJO}${operador}:`;
    const ajenas: string[] = [];
    for (let i = 0; i < a.length; i++) {
      const k = a.key(i);
      if (k?.startsWith(PREFIJO) && !k.startsWith(propio)) ajenas.push(k);
    }
    for (const k of ajenas) a.removeItem(k);
  } catch {
    // Storage disabled: nothing was kept either.
  }
}

/** Whether a draft holds anything worth keeping (a typed figure or a send under way). */
export const conContenido = (b: Borrador) => b.envio !== null || Object.values(b.entradas).some((e) => e !== '');
