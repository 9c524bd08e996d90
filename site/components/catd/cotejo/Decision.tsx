/**
 * The supervisor's decision on one verified acta: accept it (COTEJADA 1), or send it back for recaptura or
 * redigitalización with a reason. Keyboard first: the choice has the focus (arrows), Tab reaches the reason and the
 * button, Enter sends — ONE round trip.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AccionCotejo, CuerpoCotejo } from '../../../lib/catd/cotejo/datos.ts';

const OPCIONES: readonly { accion: AccionCotejo; texto: string }[] = [
  { accion: 'ACEPTAR', texto: 'Aceptar: las cifras coinciden con la imagen' },
  { accion: 'RECAPTURA', texto: 'Recaptura: la imagen se lee, las cifras no coinciden' },
  { accion: 'REDIGITALIZACION', texto: 'Redigitalización: la imagen es ilegible o no es esta acta' },
];

interface Props {
  clave: string;
  enviando: boolean;
  enviar: (c: CuerpoCotejo) => void;
}

export default function Decision({ clave, enviando, enviar }: Props) {
  const [accion, setAccion] = useState<AccionCotejo>('ACEPTAR');
  const [motivo, setMotivo] = useState('');
  const [aviso, setAviso] = useState<string | null>(null);
  const primera = useRef<HTMLInputElement>(null);
  useEffect(() => primera.current?.focus(), []);

  function confirmar(ev: Event) {
    ev.preventDefault();
    if (accion === 'ACEPTAR') return enviar({ accion });
    if (motivo.trim().length < 3) return setAviso('Escriba el motivo (al menos 3 caracteres): queda en el historial del acta.');
    enviar({ accion, motivo: motivo.trim() });
  }

  return (
    <form class="decision-cotejo" data-acta={clave} onSubmit={confirmar}>
      <fieldset>
        <legend>Resultado del cotejo del acta {clave}</legend>
        {OPCIONES.map((o, i) => (
          <label key={o.accion} class="opcion">
            <input
              type="radio"
              name="accion"
              value={o.accion}
              ref={i === 0 ? primera : undefined}
              checked={accion === o.accion}
              onChange={() => {
                setAccion(o.accion);
                setAviso(null);
              }}
            />{' '}
            {o.texto}
          </label>
        ))}
      </fieldset>
      {accion !== 'ACEPTAR' ? (
        <p>
          <label for={`motivo-cotejo-${clave}`}>Motivo (se guarda en el historial del acta)</label>
          <textarea id={`motivo-cotejo-${clave}`} rows={2} maxLength={500} value={motivo} onInput={(e) => setMotivo((e.target as HTMLTextAreaElement).value)} />
        </p>
      ) : null}
      <div class="aviso-catd error" role="alert">
        {aviso}
      </div>
      <p>
        <button type="submit" disabled={enviando}>
          {enviando ? 'Enviando…' : 'Registrar cotejo'}
        </button>
      </p>
    </form>
  );
}
