/**
 * The captura queue, oldest first: each acta with how long it waits and how many captures it has this round, and
 * a button to capture that one instead of the oldest.
 */
import { duracion, entero, horaLocal } from '../../../lib/catd/formato.ts';
import type { ElementoCola } from '../../../lib/catd/tipos.ts';

interface Props {
  cola: (ElementoCola & { capturasRonda?: number })[] | null;
  actual: string | null;
  omitidas: ReadonlySet<string>;
  elegir: (clave: string) => void;
  actualizar: () => void;
  /** The queue's heading and what an empty one says (the verification screen shows its own queue with this list). */
  titulo?: string;
  vacia?: string;
}

/** Rows shown: the oldest ones; the rest come as those are captured. */
const MOSTRAR = 12;

export default function ListaCola({
  cola,
  actual,
  omitidas,
  elegir,
  actualizar,
  titulo = 'Cola de captura',
  vacia = 'No hay actas por capturar. La cola se revisa sola cada 15 segundos.',
}: Props) {
  const ahora = Date.now();
  return (
    <section class="cola-captura" aria-labelledby="cola-captura">
      <h2 id="cola-captura">
        {titulo}
        {cola ? ` (${entero(cola.length)})` : ''}
      </h2>
      {cola === null ? (
        <p role="status">Leyendo la cola…</p>
      ) : cola.length === 0 ? (
        <p data-cola-vacia>{vacia}</p>
      ) : (
        <ol>
          {cola.slice(0, MOSTRAR).map((a) => (
            <li key={a.clave} data-clave={a.clave} aria-current={a.clave === actual ? 'true' : undefined}>
              <button type="button" class="secundario" onClick={() => elegir(a.clave)} disabled={a.clave === actual}>
                {a.clave}
              </button>{' '}
              <span class="ayuda">
                {a.desde !== null ? `desde las ${horaLocal(a.desde)} (${duracion(ahora - a.desde)})` : ''}
                {a.capturasRonda ? ` · ${a.capturasRonda === 1 ? '1 captura' : `${a.capturasRonda} capturas`}` : ''}
                {omitidas.has(a.clave) ? ' · ya la atendió' : ''}
              </span>
            </li>
          ))}
        </ol>
      )}
      <p>
        <button type="button" class="secundario" onClick={actualizar}>
          Actualizar cola
        </button>
      </p>
    </section>
  );
}
