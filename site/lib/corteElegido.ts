/**
 * The past corte a reader chose to see an election as of (issue 15, "the result as of any past corte"). It lives in
 * the query string beside the route (`/eleccion/?e=GUB&corte=12`), so the view can be shared; lib/ruta.ts ignores
 * it, and a link to another view (which builds its href from the route alone) leaves it behind: the past corte is
 * offered on the entidad view only.
 */
import { useEffect, useState } from 'preact/hooks';

/** No `corte` in the link (the newest corte), a corte's number, or what the link says when it is not a number. */
export type CorteElegido = { tipo: 'reciente' } | { tipo: 'numero'; numero: number } | { tipo: 'invalido'; texto: string };

export const PARAMETRO_CORTE = 'corte';
/** Fired when the chosen corte changes in place; ruta.ts fires `prep:ruta` when the route does. */
const EVENTO = 'prep:corte';
const EVENTOS = ['popstate', 'prep:ruta', EVENTO] as const;

export function leerCorteElegido(search: string): CorteElegido {
  const v = new URLSearchParams(search).get(PARAMETRO_CORTE);
  if (v === null || v === '') return { tipo: 'reciente' };
  return /^\d{1,6}$/.test(v) && Number(v) > 0 ? { tipo: 'numero', numero: Number(v) } : { tipo: 'invalido', texto: v.slice(0, 24) };
}

/** The same page's href with corte `numero` chosen, or with none (the newest corte). */
export function hrefConCorte(pathname: string, search: string, numero: number | null): string {
  const q = new URLSearchParams(search);
  if (numero === null) q.delete(PARAMETRO_CORTE);
  else q.set(PARAMETRO_CORTE, String(numero));
  const s = q.toString();
  return s ? `${pathname}?${s}` : pathname;
}

/** Chooses a corte (null: the newest) without reloading the page: a new history entry, as a link would be. */
export function elegirCorte(numero: number | null): void {
  history.pushState(null, '', hrefConCorte(location.pathname, location.search, numero));
  window.dispatchEvent(new Event(EVENTO));
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
