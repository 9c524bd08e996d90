/**
 * A SHA-256 as people compare it: monospace, in groups of 8 that wrap between groups (never inside one), and a
 * button that copies it. The groups are adjacent spans, so selecting or reading the element's text gives the code
 * unbroken; the whole code is also in data-valor for scripts.
 */
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { grupos } from '../lib/tabla.ts';
import '../styles/tablas.css';

interface Props {
  codigo: string;
  /** Extra attributes on the code element (the tests' hooks). */
  datos?: Record<string, string | boolean>;
  /** Offer a copy button (where the clipboard is available). */
  copiable?: boolean;
  etiqueta?: string;
}

export default function Huella({ codigo, datos, copiable = false, etiqueta = 'el código' }: Props) {
  const [copiado, setCopiado] = useState<null | boolean>(null);
  const copiar = () => {
    navigator.clipboard.writeText(codigo).then(
      () => setCopiado(true),
      () => setCopiado(false),
    );
  };
  return (
    <span class="huella">
      <code class="hash agrupado" data-valor={codigo} {...datos}>
        {/* <wbr> marks where a line may break (between groups) without adding text. */}
        {grupos(codigo).map((g, i) => (
          <Fragment key={i}>
            {i > 0 ? <wbr /> : null}
            <span>{g}</span>
          </Fragment>
        ))}
      </code>
      {copiable && typeof navigator !== 'undefined' && navigator.clipboard ? (
        <>
          <button type="button" class="copiar" onClick={copiar}>
            Copiar <span class="sr-only">{etiqueta}</span>
          </button>
          <span role="status" class="copiado">
            {copiado === null ? '' : copiado ? 'Copiado' : 'No se pudo copiar; selecciona el código'}
          </span>
        </>
      ) : null}
    </span>
  );
}
