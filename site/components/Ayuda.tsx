/**
 * The help next to a term of the PREP (actas contabilizadas, casilla especial, fuera de catálogo…): a small "?"
 * that opens the term's short definition from the glossary (lib/ayuda.ts) right there. A <details>/<summary>, so
 * it opens with a tap, a click or the keyboard, works before any script runs, and screen readers announce it as
 * expandable; never a hover-only tooltip, which a phone cannot show.
 */
import { TERMINOS, type Termino } from '../lib/ayuda.ts';
import '../styles/ayuda.css';

/** Renders nothing without a term, so a list of figures can pass each figure's term, if it has one. */
export default function Ayuda({ termino }: { termino: Termino | undefined }) {
  if (!termino) return null;
  const t = TERMINOS[termino];
  return (
    <details class="ayuda" data-ayuda={termino}>
      <summary>
        <span aria-hidden="true">?</span>
        <span class="sr-only">Qué significa «{t.nombre}»</span>
      </summary>
      <span class="definicion">{t.definicion}</span>
    </details>
  );
}
