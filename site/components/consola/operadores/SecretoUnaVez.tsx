/**
 * A newly issued access key, shown this once: a warning that it will not be shown again, the key in a read-only
 * field (selectable), a copy button, and a button that clears it from the screen. The key lives only in the parent's
 * state; the focus lands on the warning so a screen reader says it first.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SecretoEmitido } from './api.ts';
import { cuando } from './textos.ts';

interface Props {
  secreto: SecretoEmitido;
  alCerrar: () => void;
}

export default function SecretoUnaVez({ secreto, alCerrar }: Props) {
  const [copiado, setCopiado] = useState<'si' | 'no' | null>(null);
  const titulo = useRef<HTMLHeadingElement>(null);
  useEffect(() => titulo.current?.focus(), []);

  async function copiar() {
    try {
      await navigator.clipboard.writeText(secreto.token);
      setCopiado('si');
    } catch {
      setCopiado('no');
    }
  }

  return (
    <section class="secreto" aria-labelledby="secreto-titulo" data-secreto>
      <h2 id="secreto-titulo" ref={titulo} tabindex={-1}>
        Clave de acceso de {secreto.operador}
      </h2>
      <p class="aviso-catd error" role="alert">
        <strong>Esta clave no se volverá a mostrar.</strong> Cópiela y entréguela ahora a la persona por un medio seguro. Vence el{' '}
        {cuando(secreto.expiraAt)}. Si se pierde, emita otra y revoque esta.
      </p>
      <label for="secreto-valor">Clave (token {secreto.id})</label>
      <input id="secreto-valor" class="clave" type="text" readOnly value={secreto.token} autocomplete="off" spellcheck={false} onFocus={(e) => e.currentTarget.select()} />
      <div class="acciones">
        <button type="button" onClick={copiar}>
          Copiar clave
        </button>
        <button type="button" class="secundario" onClick={alCerrar}>
          Ya la entregué: ocultar
        </button>
      </div>
      <p class="ayuda" role="status">
        {copiado === 'si' ? 'Copiada al portapapeles.' : copiado === 'no' ? 'No se pudo copiar: selecciónela y cópiela con el teclado.' : ''}
      </p>
    </section>
  );
}
