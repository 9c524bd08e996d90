/**
 * What the queue-driven desks (verificación, cotejo) share: the operator's queue (their CATD, oldest first), the
 * oldest acta they can work opened, the ones they cannot set aside for the session (with the reason), a decision
 * sent with the opened acta's Idempotency-Key (retried with it when the answer is lost), then the next acta; the
 * queue read again every 15 s while nothing is open, every 30 s otherwise.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorCatd } from '../../lib/catd/api.ts';
import { siguiente } from '../../lib/catd/captura/cola.ts';
import { mensajeDeError } from '../../lib/catd/mensajes.ts';
import type { ElementoCola } from '../../lib/catd/tipos.ts';

/** An opened acta: its clave and the one Idempotency-Key of its decision. */
export interface ActaAbierta {
  clave: string;
  llave: string;
}

/** A 401 is the session's to say (useSesionDeRol sends the operator to sign in again), not an error of the desk. */
const mensaje = (e: unknown) => (e instanceof ErrorCatd && e.status === 401 ? null : mensajeDeError(e));

export interface FuentesCola<A extends ActaAbierta> {
  leerCola: () => Promise<ElementoCola[]>;
  /** The acta ready to work, or why this person cannot work it now. */
  abrir: (clave: string) => Promise<A | string>;
}

export function useColaDeActas<A extends ActaAbierta>(activa: boolean, fuentes: FuentesCola<A>) {
  const [cola, setCola] = useState<ElementoCola[] | null>(null);
  const [abierta, setAbierta] = useState<A | null>(null);
  const [nota, setNota] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [enviando, setEnviando] = useState(false);
  const [zoom, setZoom] = useState(1);
  const omitidas = useRef(new Set<string>());

  async function abrir(clave: string): Promise<boolean> {
    try {
      const r = await fuentes.abrir(clave);
      if (typeof r === 'string') {
        omitidas.current.add(clave);
        setNota(r);
        return false;
      }
      setError(null);
      setZoom(1);
      setAbierta(r);
      return true;
    } catch (e) {
      setError(mensaje(e));
      omitidas.current.add(clave);
      return false;
    }
  }

  async function tomar(c: readonly ElementoCola[]): Promise<void> {
    for (let a = siguiente(c, omitidas.current); a !== null; a = siguiente(c, omitidas.current)) if (await abrir(a.clave)) return;
    setAbierta(null);
  }

  async function leerCola(tomarSiguiente: boolean): Promise<void> {
    try {
      const c = await fuentes.leerCola();
      setCola(c);
      if (tomarSiguiente) await tomar(c);
    } catch (e) {
      setError(mensaje(e));
    }
  }

  /** Sends the opened acta's decision (`mandar` answers the note to show), then opens the next acta. */
  async function enviar(mandar: (a: A, reintento: (n: number) => void) => Promise<string>): Promise<void> {
    if (abierta === null) return;
    const clave = abierta.clave;
    setEnviando(true);
    try {
      setNota(await mandar(abierta, (n) => setNota(`Sin respuesta del servidor; reintento ${n}…`)));
      omitidas.current.add(clave);
      const resto = (cola ?? []).filter((a) => a.clave !== clave);
      setCola(resto);
      await (siguiente(resto, omitidas.current) !== null ? tomar(resto) : leerCola(true));
    } catch (e) {
      setError(mensaje(e));
    } finally {
      setEnviando(false);
    }
  }

  useEffect(() => {
    if (activa) void leerCola(true);
  }, [activa]);

  useEffect(() => {
    if (!activa) return;
    const t = setInterval(() => document.visibilityState === 'visible' && void leerCola(abierta === null), abierta === null ? 15_000 : 30_000);
    return () => clearInterval(t);
  }, [activa, abierta]);

  return { cola, abierta, nota, error, enviando, zoom, setZoom, omitidas: omitidas.current, abrir, leerCola, enviar };
}
