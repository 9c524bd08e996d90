/**
 * The requests waiting for a second administrator. The requester sees Confirmar disabled with the reason next
 * to it; an observer sees the list without buttons.
 */
import { useState } from 'preact/hooks';
import { mensajeDeError } from '../../../lib/catd/mensajes.ts';
import { cancelar, confirmar, type Solicitud } from './api.ts';
import { fechaHora } from './textos.ts';

interface Props {
  solicitudes: Solicitud[];
  yo: string;
  esAdmin: boolean;
  alCambiar: (mensaje: string) => void;
}

export default function Solicitudes({ solicitudes, yo, esAdmin, alCambiar }: Props) {
  const [ocupado, setOcupado] = useState<string | null>(null);
  const [error, setError] = useState('');

  async function actuar(s: Solicitud, que: 'confirmar' | 'cancelar') {
    setOcupado(s.id);
    setError('');
    try {
      if (que === 'confirmar') await confirmar(s.id);
      else await cancelar(s.id);
      alCambiar(que === 'confirmar' ? `Solicitud confirmada y aplicada: ${s.descripcion}` : `Solicitud cancelada: ${s.descripcion}`);
    } catch (e) {
      setError(mensajeDeError(e));
    } finally {
      setOcupado(null);
    }
  }

  return (
    <section aria-labelledby="titulo-solicitudes">
      <h2 id="titulo-solicitudes">Solicitudes por confirmar</h2>
      <p class="aclara">Publicar el corte final y cambiar la ventana los solicita un administrador y los confirma otro, en 15 minutos.</p>
      {error !== '' && (
        <p class="aviso-catd error" role="alert">
          {error}
        </p>
      )}
      {solicitudes.length === 0 ? (
        <p>No hay solicitudes pendientes.</p>
      ) : (
        <ul class="solicitudes">
          {solicitudes.map((s) => {
            const propia = s.solicitante === yo;
            const razon = propia ? 'Usted la solicitó: debe confirmarla otro administrador.' : s.vencida ? 'Venció sin confirmarse: solicítela de nuevo.' : '';
            return (
              <li key={s.id} data-solicitud={s.id}>
                <p>
                  <strong>{s.descripcion}</strong>
                  <span class="detalle-fila">
                    Solicitó: {s.solicitante} ({fechaHora(s.creadaAt)}) · {s.vencida ? 'Venció' : 'Vence'}: {fechaHora(s.venceAt)}
                    {s.estado === 'APLICANDO' ? ' · Se está aplicando' : ''}
                  </span>
                </p>
                {esAdmin && (
                  <div class="acciones">
                    <button type="button" disabled={propia || s.vencida || ocupado !== null} aria-describedby={razon !== '' ? `razon-${s.id}` : undefined} onClick={() => actuar(s, 'confirmar')}>
                      Confirmar
                    </button>
                    <button type="button" disabled={ocupado !== null} onClick={() => actuar(s, 'cancelar')}>
                      Cancelar
                    </button>
                    {razon !== '' && (
                      <span id={`razon-${s.id}`} class="aclara">
                        {razon}
                      </span>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
