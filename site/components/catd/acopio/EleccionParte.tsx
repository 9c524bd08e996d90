/**
 * The choice asked when the fields read on a paper name a split casilla (409 ACTA_PARTIDA): one button per part's
 * key. The first takes the focus so the operator answers from the keyboard; the chosen key is registered as if typed.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { ActaPartida } from '../../../lib/catd/acopio/partida.ts';

interface Props {
  partida: ActaPartida;
  enviando: boolean;
  elegir: (clave: string) => void;
}

export default function EleccionParte({ partida, enviando, elegir }: Props) {
  const primera = useRef<HTMLButtonElement>(null);
  useEffect(() => primera.current?.focus(), [partida]);
  return (
    <div class="acta-partida" role="group" aria-labelledby="acta-partida-msg">
      <p id="acta-partida-msg" role="alert">
        {partida.mensaje}
      </p>
      <div class="opciones-parte">
        {partida.opciones.map((o, i) => (
          <button key={o.clave} ref={i === 0 ? primera : undefined} type="button" disabled={enviando} data-parte={o.parte} onClick={() => elegir(o.clave)}>
            {o.etiqueta}
          </button>
        ))}
      </div>
    </div>
  );
}
