/** The acta's timeline: every step with its time, operator and what it decided, oldest first. */
import { horaLocal } from '../../../lib/catd/formato.ts';
import type { EventoHistorial } from '../../../lib/catd/cotejo/datos.ts';
import { nombrePaso, resumenEvento } from '../../../lib/catd/cotejo/historial.ts';

export default function Historial({ eventos }: { eventos: readonly EventoHistorial[] }) {
  return (
    <section class="historial-acta" aria-labelledby="historial-acta">
      <h3 id="historial-acta">Historial del acta</h3>
      <ol>
        {eventos.map((e) => {
          const resumen = resumenEvento(e);
          return (
            <li key={e.id} data-accion={e.accion}>
              <strong>{horaLocal(e.at)}</strong> {nombrePaso(e.accion)}
              {e.operador ? ` (${e.operador})` : ''}
              {resumen ? ` · ${resumen}` : ''}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
