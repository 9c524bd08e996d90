/**
 * The corte a view shows and how fresh it is: its instant in the entidad's time, when the server last confirmed
 * it is still the newest, and — if the network fails — that the data shown is the last one received and how old
 * it is. A polite live region announces a new corte.
 */
import { useEffect, useState } from 'preact/hooks';
import { fechaHora, hace } from '../lib/formato.ts';
import { etiquetaCorte } from '../lib/corte.ts';
import { avisoConexion } from '../lib/fallas.ts';

interface Props {
  /** Instant of the corte shown (epoch ms) and the entidad's UTC offset in minutes; null before the first. */
  instante: number | null;
  offsetMinutes: number | null;
  /** Corte number, when the data carries one. */
  numero?: number | null | undefined;
  /** The final corte of the night (the pointer's `final`): it is named "Corte final". */
  final?: boolean | undefined;
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

export default function EstadoCorte({ instante, offsetMinutes, numero, final = false, confirmadoEn, error, actualizando, sinPublicacion }: Props) {
  const ahora = useAhora(15_000);
  const corte = instante !== null && offsetMinutes !== null ? fechaHora(instante, offsetMinutes) : null;
  return (
    <div class={`estado-corte${error ? ' sin-conexion' : ''}`} data-estado={error ? 'error' : actualizando ? 'actualizando' : 'al-dia'}>
      <p aria-live="polite" aria-atomic="true">
        {corte ? (
          <>
            {etiquetaCorte(numero, final)}: <strong data-corte-instante={instante}>{corte}</strong>
          </>
        ) : sinPublicacion ? (
          'Aún no se ha publicado ningún corte.'
        ) : (
          'Consultando el corte más reciente…'
        )}
      </p>
      {error ? (
        <p role="status">
          {avisoConexion(
            error,
            instante !== null && offsetMinutes !== null && confirmadoEn !== null ? { en: confirmadoEn, offsetMinutes, hace: hace(confirmadoEn, ahora) } : null,
          )}
        </p>
      ) : confirmadoEn !== null ? (
        <p class="confirmado">
          {actualizando ? 'Cargando el corte más reciente… · ' : ''}Verificado {hace(confirmadoEn, ahora)}; se consulta cada minuto.
        </p>
      ) : (
        // Keeps the second line's place until the server answers, so the view under it does not move then.
        <p class="confirmado" aria-hidden="true">
          &nbsp;
        </p>
      )}
    </div>
  );
}
