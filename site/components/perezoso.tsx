/**
 * A component whose code is fetched the first time it is shown (a dynamic import), so a view a page may never
 * show — an acta, a sección, a "no existe" — does not weigh on the page's first load. Meanwhile `Reserva`
 * holds its place. Once loaded it renders at once wherever it appears again; a failed fetch (offline) is tried
 * again the next time it is shown. `alVer`: only once its place comes near the screen (something below the
 * fold, like the night's chart, is then never fetched by a reader who does not scroll to it). `precargar()`
 * starts the fetch before the component is shown: a view that will show it once its data arrives fetches its
 * code alongside the data instead of after it.
 */
import type { ComponentType, JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

/** How close to the screen a deferred component's place must come for its code to be fetched. */
const MARGEN_AL_VER = '300px';

export function perezoso<P extends object>(
  cargar: () => Promise<{ default: ComponentType<P> }>,
  Reserva: () => JSX.Element | null = () => null,
  opciones: { alVer?: boolean } = {},
): ComponentType<P> & { precargar(): void } {
  let cargado: ComponentType<P> | null = null;
  let promesa: Promise<void> | null = null;
  const iniciar = () =>
    (promesa ??= cargar().then(
      (m) => {
        cargado = m.default;
      },
      (e: unknown) => {
        promesa = null;
        throw e;
      },
    ));
  function Perezoso(props: P) {
    const [, setListo] = useState(cargado !== null);
    const lugar = useRef<HTMLDivElement>(null);
    useEffect(() => {
      // Loaded between this render and now (by `precargar`): draw it, or the placeholder would stay.
      if (cargado !== null) {
        setListo(true);
        return;
      }
      const traer = () => iniciar().then(() => setListo(true), () => undefined);
      if (!opciones.alVer || typeof IntersectionObserver === 'undefined' || lugar.current === null) {
        traer();
        return;
      }
      const vigia = new IntersectionObserver(
        (entradas) => {
          if (!entradas.some((e) => e.isIntersecting)) return;
          vigia.disconnect();
          traer();
        },
        { rootMargin: MARGEN_AL_VER },
      );
      vigia.observe(lugar.current);
      return () => vigia.disconnect();
    }, []);
    const Componente = cargado;
    if (Componente) return <Componente {...props} />;
    return opciones.alVer ? (
      <div ref={lugar}>
        <Reserva />
      </div>
    ) : (
      <Reserva />
    );
  }
  // A failed early fetch is forgotten (iniciar clears it): showing the component tries again.
  return Object.assign(Perezoso, { precargar: () => void iniciar().catch(() => undefined) });
}
