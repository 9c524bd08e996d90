/**
 * WAI-ARIA tabs: arrow keys, Home and End move between tabs; only the selected tab is in the tab order, and its
 * panel follows it.
 */
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';

export interface Pestana {
  id: string;
  titulo: string;
  contenido: () => ComponentChildren;
}

interface Props {
  /** Accessible name of the tab list. */
  etiqueta: string;
  pestanas: readonly Pestana[];
  prefijo: string;
}

export default function Pestanas({ etiqueta, pestanas, prefijo }: Props) {
  const [activa, setActiva] = useState(0);
  const botones = useRef<(HTMLButtonElement | null)[]>([]);
  const mover = (i: number) => {
    const n = (i + pestanas.length) % pestanas.length;
    setActiva(n);
    botones.current[n]?.focus();
  };
  const actual = pestanas[activa] ?? pestanas[0]!;
  return (
    <div class="pestanas">
      <div role="tablist" aria-label={etiqueta}>
        {pestanas.map((p, i) => (
          <button
            key={p.id}
            type="button"
            role="tab"
            id={`${prefijo}-tab-${p.id}`}
            aria-selected={i === activa}
            aria-controls={`${prefijo}-panel-${p.id}`}
            tabIndex={i === activa ? 0 : -1}
            ref={(el) => {
              botones.current[i] = el;
            }}
            onClick={() => setActiva(i)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight') mover(i + 1);
              else if (e.key === 'ArrowLeft') mover(i - 1);
              else if (e.key === 'Home') mover(0);
              else if (e.key === 'End') mover(pestanas.length - 1);
              else return;
              e.preventDefault();
            }}
          >
            {p.titulo}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${prefijo}-panel-${actual.id}`} aria-labelledby={`${prefijo}-tab-${actual.id}`} tabIndex={0}>
        {actual.contenido()}
      </div>
    </div>
  );
}
