/**
 * The scroller around a wide table: when the table is wider than the screen it says so (a visible line, which is
 * also the region's description for screen readers) and casts a shadow on the side that has more columns, so a
 * phone user knows to swipe sideways. Focusable, so the keyboard can scroll it too.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import '../styles/tablas.css';

interface Props {
  etiqueta: string;
  /** Id stem for the hint (unique in the page). */
  id: string;
  children: ComponentChildren;
}

/** True while the element's content is wider than the element, re-measured as either changes size. */
function useDesborda(ref: { current: HTMLElement | null }): boolean {
  const [desborda, setDesborda] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const medir = () => setDesborda(el.scrollWidth > el.clientWidth + 1);
    medir();
    if (typeof ResizeObserver === 'undefined') return;
    const obs = new ResizeObserver(medir);
    obs.observe(el);
    if (el.firstElementChild) obs.observe(el.firstElementChild);
    return () => obs.disconnect();
  }, [ref]);
  return desborda;
}

export default function Desplazable({ etiqueta, id, children }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const desborda = useDesborda(ref);
  const pista = `${id}-pista`;
  return (
    <>
      {desborda ? (
        <p class="pista-desplazar" id={pista} data-pista-desplazar>
          Desliza la tabla hacia los lados para ver todas sus columnas <span aria-hidden="true">→</span>
        </p>
      ) : null}
      <div
        ref={ref}
        class={desborda ? 'tabla-desplazable desborda' : 'tabla-desplazable'}
        tabIndex={0}
        role="region"
        aria-label={etiqueta}
        aria-describedby={desborda ? pista : undefined}
      >
        {children}
      </div>
    </>
  );
}
