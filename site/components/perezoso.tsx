/**
 * A component whose code is fetched the first time it is shown (a dynamic import), so a view a page may never
 * show — an acta, a sección, a "no existe" — does not weigh on the page's first load. Meanwhile `Reserva`
 * holds its place. Once loaded it renders at once wherever it appears again; a failed fetch (offline) is tried
 * again the next time it is shown.
 */
import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function perezoso<P extends object>(cargar: () => Promise<{ default: ComponentType<P> }>, Reserva: () => JSX.Element | null = () => null): ComponentType<P> {
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
  return function Perezoso(props: P) {
    const [, setListo] = useState(cargado !== null);
    useEffect(() => {
      if (cargado === null) iniciar().then(() => setListo(true), () => undefined);
    }, []);
    const Componente = cargado;
    return Componente ? <Componente {...props} /> : <Reserva />;
  };
}
