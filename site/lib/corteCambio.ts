/**
 * How the view as of a past corte changes the URL's chosen corte (read by lib/corteElegido.ts): it arrives with
 * that view (components/CortePasado.tsx), on demand, so none of it weighs on the entidad view's first load. The
 * parameter's name and the event come from the caller: a first-load module imported here too would be split out
 * of the first load into a chunk of its own.
 */

/** The same page's href with corte `numero` chosen in parameter `parametro`, or with none (the newest corte). */
export function hrefConCorte(pathname: string, search: string, parametro: string, numero: number | null): string {
  const q = new URLSearchParams(search);
  if (numero === null) q.delete(parametro);
  else q.set(parametro, String(numero));
  const s = q.toString();
  return s ? `${pathname}?${s}` : pathname;
}

/** Chooses a corte (null: the newest) without reloading the page: a new history entry, as a link would be; `evento` tells the page. */
export function elegirCorte(parametro: string, evento: string, numero: number | null): void {
  history.pushState(null, '', hrefConCorte(location.pathname, location.search, parametro, numero));
  window.dispatchEvent(new Event(evento));
}
