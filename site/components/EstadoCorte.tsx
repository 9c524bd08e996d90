/**
 * The corte a view shows and how fresh it is: its instant in the entidad's time, when the server last confirmed
 * it is still the newest, and — if the network fails — that the data shown is the last one received and how old
 * it is. A polite live region announces a new corte.
 */
import { useEffect, useState } from 'preact/hooks';
import { fechaHora, hace } from '../lib/formato.ts';

interface Props {
  /** Instant of the corte shown (epoch ms) and the entidad's UTC offset in minutes; null before the first. */
  instante: number | null;
  offsetMinutes: number | null;
  /** Corte number, when the data carries one. */
  numero?: number | null | undefined;
  confirmadoEn: number | null;
  error: string | null;
  actualizando: boolean;
  sinPublicacion?: boolean;
}

function useAhora(cadaMs: number): number {
  const [ahora, setAhora] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setAhora(Date.now()), cadaMs);
    return () => clearInterval(t);
  }, [cadaMs]);
  return ahora;
}

export default function EstadoCorte({ instante, offsetMinutes, numero, confirmadoEn, error, actualizando, sinPublicacion }: Props) {
  const ahora = useAhora(15_000);
  const corte = instante !== null && offsetMinutes !== null ? fechaHora(instante, offsetMinutes) : null;
  return (
    <div class={`estado-corte${error ? ' sin-conexion' : ''}`} data-estado={error ? 'error' : actualizando ? 'actualizando' : 'al-dia'}>
      <p aria-live="polite" aria-atomic="true">
        {corte ? (
          <>
            Corte{numero != null ? ` ${numero}` : ''}: <strong data-corte-instante={instante}>{corte}</strong>
          </>
        ) : sinPublicacion ? (
          'Aún no se ha publicado ningún corte.'
        ) : (
          'Consultando el corte más reciente…'
        )}
      </p>
      {error ? (
        <p role="status">
          Sin conexión con el servidor ({error}). Se muestran los últimos datos recibidos
          {confirmadoEn !== null ? `, confirmados ${hace(confirmadoEn, ahora)}` : ''}; se reintentará en un minuto.
        </p>
      ) : confirmadoEn !== null ? (
        <p class="confirmado">
          {actualizando ? 'Cargando el corte más reciente… · ' : ''}Verificado {hace(confirmadoEn, ahora)}; se consulta cada minuto.
        </p>
      ) : null}
    </div>
  );
}
