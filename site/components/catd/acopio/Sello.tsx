/**
 * The last acopio: the time stamp large enough to copy onto the paper acta (entidad local time, to the second,
 * with its zone), the clave and what became of it. A status region: a screen reader says it once it changes.
 */
import { selloAcopio } from '../../../lib/catd/acopio/sello.ts';
import { MECANISMO, MOTIVO_SIN_ACTA, REGISTRO } from '../../../lib/catd/acopio/textos.ts';
import type { ActaRecibida } from '../../../lib/catd/acopio/registro.ts';

export default function Sello({ acta, offsetMin }: { acta: ActaRecibida; offsetMin: number | null }) {
  const acopio = acta.estado?.acopio;
  if (!acta.estado || !acopio) return null;
  const s = selloAcopio(acopio.at, offsetMin);
  return (
    <section class="sello-acopio" aria-labelledby="sello-titulo" data-sello={acta.clave}>
      <h2 id="sello-titulo">
        {REGISTRO[acta.estado.registro]}: <span class="clave-sello">{acta.clave}</span>
      </h2>
      <p class="sello-hora">
        <time dateTime={s.iso} data-at={acopio.at}>
          {s.hora}
        </time>{' '}
        <span class="sello-zona">{s.zona}</span>
      </p>
      <p class="sello-fecha">{s.fecha}</p>
      <p class="ayuda">
        Anote en el acta la fecha y hora de acopio.
        {acopio.motivoSinActa ? ` Motivo: ${MOTIVO_SIN_ACTA[acopio.motivoSinActa]}.` : ''}
        {acopio.mecanismoTraslado ? ` Traslado: ${MECANISMO[acopio.mecanismoTraslado]}.` : ''}
      </p>
    </section>
  );
}
