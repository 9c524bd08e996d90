/**
 * Drill-down inside one static page (/eleccion/): the territory is in the query string, because territories
 * come from the shards at run time, not from the build. Links are real links (they work opened in a new tab or
 * shared); a plain click is handled in place with the History API, so the data already loaded is reused.
 *   /eleccion/?e=GUB              entidad
 *   /eleccion/?e=GUB&d=3          distrito 3        (&m=… for a municipio)
 *   /eleccion/?e=GUB&s=338        sección 338
 *   /eleccion/?e=GUB&s=338&a=…    one acta of sección 338 (its CLAVE_ACTA)
 * A sección's route may also name its distrito or municipio in that election (&d=18&s=338): links from a
 * territory carry it, for the way back up; the sección's view finds its shard through its group of secciones
 * whatever the route names (publicacionSeccion.ts `cargarSeccion`).
 * Every view may be seen as of a past corte (&corte=12, issue 15; `/eleccion/?e=GUB&d=18&s=338&corte=12`): a link
 * between views keeps it. Only lib/corteElegido.ts reads it back (it also tells a corte that is not a number), so
 * `leerRuta` ignores it: the route's view, and the newest corte's data under it, stay the same when only the corte
 * changes. `leerRuta` and `leerCorteElegido` together read back what `hrefDe` writes.
 */
import { h, type ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** The distrito or municipio a sección lies in, in the election of the route. */
export interface Padre {
  nivel: 'distrito' | 'municipio';
  id: number;
}

/** The past corte a view is seen as of (none: the newest). */
type Corte = { corte?: number | undefined };

export type Ruta =
  | ({ vista: 'entidad'; e: string } & Corte)
  | ({ vista: 'territorio'; e: string; d: number } & Corte)
  | ({ vista: 'territorio'; e: string; m: number } & Corte)
  | ({ vista: 'seccion'; e: string; s: number; padre?: Padre } & Corte)
  | ({ vista: 'acta'; e: string; s: number; a: string; padre?: Padre } & Corte);

/** The parent of a sección in an election: its municipio for munícipes, its distrito otherwise. */
export function padreDe(territorio: 'entidad' | 'distrito' | 'municipio', seccion: { distrito: { id: number }; municipio: { id: number } }): Padre {
  return territorio === 'municipio' ? { nivel: 'municipio', id: seccion.municipio.id } : { nivel: 'distrito', id: seccion.distrito.id };
}

export const PAGINA_ELECCION = '/eleccion/';
const EVENTO = 'prep:ruta';


const entero = (v: string | null): number | null => (v !== null && /^\d{1,6}$/.test(v) ? Number(v) : null);

/** The route of a query string; null when it names no election. */
export function leerRuta(search: string): Ruta | null {
  const q = new URLSearchParams(search);
  const e = q.get('e');
  if (!e || !/^[A-Z][A-Z_]{1,15}$/.test(e)) return null;
  const s = entero(q.get('s'));
  const a = q.get('a');
  const d = entero(q.get('d'));
  const m = entero(q.get('m'));
  if (s !== null) {
    const padre: Padre | null = d !== null ? { nivel: 'distrito', id: d } : m !== null ? { nivel: 'municipio', id: m } : null;
    const base = padre ? { e, s, padre } : { e, s };
    return a && /^[0-9A-Z]{12,16}$/.test(a) ? { vista: 'acta', ...base, a } : { vista: 'seccion', ...base };
  }
  if (d !== null) return { vista: 'territorio', e, d };
  if (m !== null) return { vista: 'territorio', e, m };
  return { vista: 'entidad', e };
}

export function hrefDe(r: Ruta): string {
  const q = new URLSearchParams({ e: r.e });
  if (r.vista === 'territorio') {
    if ('d' in r) q.set('d', String(r.d));
    else q.set('m', String(r.m));
  }
  if (r.vista === 'seccion' || r.vista === 'acta') {
    if (r.padre) q.set(r.padre.nivel === 'distrito' ? 'd' : 'm', String(r.padre.id));
    q.set('s', String(r.s));
  }
  if (r.vista === 'acta') q.set('a', r.a);
  if (r.corte) q.set('corte', String(r.corte));
  return `${PAGINA_ELECCION}?${q.toString()}`;
}

/** Goes to `r` without reloading when already on the election page. */
export function navegar(r: Ruta): void {
  const href = hrefDe(r);
  if (location.pathname !== PAGINA_ELECCION) {
    location.assign(href);
    return;
  }
  history.pushState(null, '', href);
  window.dispatchEvent(new Event(EVENTO));
}

/** The current route, following links and the back/forward buttons. */
export function useRuta(): Ruta | null {
  const [ruta, setRuta] = useState(() => (typeof location === 'undefined' ? null : leerRuta(location.search)));
  useEffect(() => {
    const cambiar = () => setRuta(leerRuta(location.search));
    window.addEventListener('popstate', cambiar);
    window.addEventListener(EVENTO, cambiar);
    return () => {
      window.removeEventListener('popstate', cambiar);
      window.removeEventListener(EVENTO, cambiar);
    };
  }, []);
  return ruta;
}

/** A link to a route: a real href, handled in place on a plain click. */
export function Enlace({ ruta, children, class: clase }: { ruta: Ruta; children: ComponentChildren; class?: string }) {
  return h(
    'a',
    {
      href: hrefDe(ruta),
      class: clase,
      onClick: (ev: MouseEvent) => {
        if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
        ev.preventDefault();
        navegar(ruta);
      },
    },
    children,
  );
}
