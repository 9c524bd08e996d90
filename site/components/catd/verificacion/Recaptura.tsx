/**
 * Sending an acta back to capture (a new round) when neither capture nor a correction can stand — the image is
 * readable but both captures went wrong, say. The reason (3 to 500 characters, as the API asks) is required.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

interface Props {
  clave: string;
  enviando: boolean;
  enviar: (motivo: string) => void;
}

export default function Recaptura({ clave, enviando, enviar }: Props) {
  const [abierta, setAbierta] = useState(false);
  const [motivo, setMotivo] = useState('');
  const valido = motivo.trim().length >= 3;
  const campo = useRef<HTMLTextAreaElement>(null);
  useEffect(() => campo.current?.focus(), [abierta]);
  if (!abierta) {
    return (
      <p>
        <button type="button" class="secundario" onClick={() => setAbierta(true)} data-abrir-recaptura>
          Enviar a recaptura…
        </button>
      </p>
    );
  }
  return (
    <form
      class="recaptura"
      onSubmit={(ev) => {
        ev.preventDefault();
        if (valido) enviar(motivo.trim());
      }}
    >
      <label for={`motivo-${clave}`}>Motivo de la recaptura (se guarda en el historial del acta)</label>
      <textarea id={`motivo-${clave}`} rows={2} maxLength={500} required minLength={3} value={motivo} onInput={(e) => setMotivo((e.target as HTMLTextAreaElement).value)} ref={campo} />
      <p>
        <button type="submit" disabled={enviando || !valido}>
          Enviar a recaptura
        </button>{' '}
        <button type="button" class="secundario" onClick={() => setAbierta(false)}>
          Cancelar
        </button>
      </p>
    </form>
  );
}
