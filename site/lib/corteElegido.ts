/**
 * The past corte a reader chose to see an election as of (issue 15, "the result as of any past corte"). It lives in
 * the query string beside the route (`/eleccion/?e=GUB&d=3&corte=12`), so the view can be shared. It is read here
 * only; lib/ruta.ts writes it into the links between views (entidad, distrito or municipio, sección, acta), which
 * can all be seen as of a past corte.
 */
import { useEffect, useState } from 'preact/hooks';

/** No `corte` in the link (the newest corte), a corte's number, or what the link says when it is not a number. */
export type CorteElegido = { tipo: 'reciente' } | { tipo: 'numero'; numero: number } | { tipo: 'invalido'; texto: string };

export const PARAMETRO_CORTE = 'corte';
/** Fired when the chosen corte changes in place (lib/corteCambio.ts); ruta.ts fires `prep:ruta` when the route does. */
export const EVENTO_CORTE = 'prep:corte';
const EVENTOS = ['popstate', 'prep:ruta', EVENTO_CORTE] as const;

export function leerCorteElegido(search: string): CorteElegido {
  const v = new URLSearchParams(search).get(PARAMETRO_CORTE);
  if (v === null || v === '') return { tipo: 'reciente' };
  return /^\d{1,6}$/.test(v) && Number(v) > 0 ? { tipo: 'numero', numero: Number(v) } : { tipo: 'invalido', texto: v.slice(0, 24) };
}

/** The corte the current URL chooses, following in-place navigation and the back/forward buttons. */
export function useCorteElegido(): CorteElegido {
  const [elegido, setElegido] = useState<CorteElegido>(() => (typeof location === 'undefined' ? { tipo: 'reciente' } : leerCorteElegido(location.search)));
  useEffect(() => {
    const leer = () => setElegido(leerCorteElegido(location.search));
    for (const e of EVENTOS) window.addEventListener(e, leer);
    return () => {
      for (const e of EVENTOS) window.removeEventListener(e, leer);
    };
  }, []);
  return elegido;
}
