/**
 * The publication window and cadence, and the form that REQUESTS a change (a second administrator applies it),
 * plus the button that requests the final corte.
 */
import { useState } from 'preact/hooks';
import { mensajeDeError } from '../../../lib/catd/mensajes.ts';
import { solicitarConfiguracion, solicitarFinal, type Configuracion } from './api.ts';
import { fechaHora, hhmm, minutosDe } from './textos.ts';

interface Props {
  actual: Configuracion;
  /** The final corte is already published: nothing more to request for it. */
  cerrada: boolean;
  alCambiar: (mensaje: string) => void;
}

export default function FormularioVentana({ actual, cerrada, alCambiar }: Props) {
  const [jornada, setJornada] = useState(actual.jornada ?? '');
  const [inicio, setInicio] = useState(hhmm(actual.inicioMinutos));
  const [duracion, setDuracion] = useState(String(actual.duracionMinutos));
  const [cadencia, setCadencia] = useState(String(actual.cadenciaMinutos));
  const [error, setError] = useState('');
  const [enviando, setEnviando] = useState(false);

  async function enviar(hacer: () => Promise<{ descripcion: string; venceAt: number }>) {
    setEnviando(true);
    setError('');
    try {
      const s = await hacer();
      alCambiar(`Solicitud creada: ${s.descripcion} Debe confirmarla otro administrador (vence: ${fechaHora(s.venceAt)})`);
    } catch (e) {
      setError(mensajeDeError(e));
    } finally {
      setEnviando(false);
    }
  }

  function pedirCambio(ev: Event) {
    ev.preventDefault();
    const inicioMinutos = minutosDe(inicio);
    if (inicioMinutos === null) return setError('Escriba la hora de apertura como HH:MM.');
    const config = { jornada: jornada === '' ? null : jornada, inicioMinutos, duracionMinutos: Number(duracion), cadenciaMinutos: Number(cadencia) };
    void enviar(() => solicitarConfiguracion(config));
  }

  return (
    <section aria-labelledby="titulo-ventana">
      <h2 id="titulo-ventana">Ventana de publicación y cadencia</h2>
      <p>
        {actual.jornada === null
          ? 'Sin ventana: solo hay cortes a mano.'
          : `Jornada ${actual.jornada}, apertura ${hhmm(actual.inicioMinutos)}, duración ${actual.duracionMinutos} min; un corte cada ${actual.cadenciaMinutos} min.`}
      </p>
      {error !== '' && (
        <p class="aviso-catd error" role="alert">
          {error}
        </p>
      )}
      <form class="formulario-cortes" onSubmit={pedirCambio}>
        <label for="jornada">Jornada (vacío: sin ventana)</label>
        <input id="jornada" type="date" value={jornada} onInput={(e) => setJornada(e.currentTarget.value)} />
        <label for="inicio">Apertura (hora local)</label>
        <input id="inicio" type="time" required value={inicio} onInput={(e) => setInicio(e.currentTarget.value)} />
        <label for="duracion">Duración (minutos, hasta 1440)</label>
        <input id="duracion" type="number" min={1} max={1440} required value={duracion} onInput={(e) => setDuracion(e.currentTarget.value)} />
        <label for="cadencia">Cadencia (minutos entre cortes, 1 a 20)</label>
        <input id="cadencia" type="number" min={1} max={20} required value={cadencia} onInput={(e) => setCadencia(e.currentTarget.value)} />
        <button type="submit" disabled={enviando}>
          Solicitar el cambio
        </button>
      </form>
      <h2 id="titulo-final">Corte final</h2>
      {cerrada ? (
        <p>El corte final ya se publicó: la publicación está cerrada.</p>
      ) : (
        <>
          <p>Cierra la publicación: después no se publica ningún otro corte. Lo publica otro administrador al confirmar.</p>
          <button type="button" class="peligro" disabled={enviando} onClick={() => enviar(solicitarFinal)}>
            Solicitar el corte final
          </button>
        </>
      )}
    </section>
  );
}
