/**
 * The help next to a term of the PREP (actas contabilizadas, casilla especial, fuera de catálogo…): a small "?"
 * that opens the term's short definition from the glossary (lib/ayuda.ts) right there. A <details>/<summary>, so
 * it opens with a tap, a click or the keyboard, and screen readers announce it as expandable; never a hover-only
 * tooltip, which a phone cannot show. The glossary is fetched when a help is first opened (one small module for
 * every term), so no view carries it on its first load.
 */
import { useState } from 'preact/hooks';
import { NOMBRES, type Termino } from '../lib/terminos.ts';
import '../styles/ayuda.css';

let glosario: Promise<typeof import('../lib/ayuda.ts')> | null = null;
/** The glossary module, once per page; a failed fetch (offline) is tried again at the next opening. */
function cargarGlosario(): Promise<typeof import('../lib/ayuda.ts')> {
  glosario ??= import('../lib/ayuda.ts').catch((e: unknown) => {
    glosario = null;
    throw e;
  });
  return glosario;
}

/** Renders nothing without a term, so a list of figures can pass each figure's term, if it has one. */
export default function Ayuda({ termino }: { termino: Termino | undefined }) {
  // null: not loaded yet; false: the last fetch failed (the next opening tries again).
  const [definicion, setDefinicion] = useState<string | false | null>(null);
  if (!termino) return null;
  const alAbrir = (e: Event) => {
    if (!(e.currentTarget as HTMLDetailsElement).open || typeof definicion === 'string') return;
    cargarGlosario().then(
      (g) => setDefinicion(g.DEFINICIONES[termino]),
      () => setDefinicion(false),
    );
  };
  return (
    <details class="ayuda" data-ayuda={termino} onToggle={alAbrir}>
      <summary>
        <span aria-hidden="true">?</span>
        <span class="sr-only">Qué significa «{NOMBRES[termino]}»</span>
      </summary>
      <span class="definicion" aria-live="polite">
        {definicion === false ? 'No se pudo cargar la definición: revisa tu conexión y vuelve a abrirla.' : (definicion ?? 'Cargando la definición…')}
      </span>
    </details>
  );
}
