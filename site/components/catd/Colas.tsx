/**
 * The operator's work queues: per step, how many actas wait and since when the oldest one waits, with the time
 * they were read and a button to read them again.
 */
import { useEffect, useState } from 'preact/hooks';
import { NOMBRE_PASO, QUE_ESPERA, type ResumenCola } from '../../lib/catd/colas.ts';
import { duracion, entero, horaLocal } from '../../lib/catd/formato.ts';

interface Props {
  colas: ResumenCola[] | null;
  leidasEn: number | null;
  error: string | null;
  actualizar: () => void;
}

function useAhora(cadaMs: number): number {
  const [ahora, setAhora] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setAhora(Date.now()), cadaMs);
    return () => clearInterval(t);
  }, [cadaMs]);
  return ahora;
}

/** The work screen of each step that has one. */
const PANTALLA: Readonly<Partial<Record<ResumenCola['paso'], string>>> = {
  acopio: '/catd/acopio/',
  digitalizacion: '/catd/digitalizacion/',
  captura: '/catd/captura/',
  verificacion: '/catd/verificacion/',
  cotejo: '/catd/cotejo/',
};

function Fila({ c, ahora }: { c: ResumenCola; ahora: number }) {
  const pantalla = PANTALLA[c.paso];
  return (
    <tr data-paso={c.paso} data-cuantas={c.cuantas}>
      <th scope="row">
        {pantalla ? <a href={pantalla}>{NOMBRE_PASO[c.paso]}</a> : NOMBRE_PASO[c.paso]}
        <span class="detalle">{QUE_ESPERA[c.paso]}</span>
      </th>
      <td class="num">{c.almenos ? `${entero(c.cuantas)} o más` : entero(c.cuantas)}</td>
      <td data-mas-antigua={c.masAntigua ?? ''}>
        {c.masAntigua === null ? '—' : `desde las ${horaLocal(c.masAntigua)} (hace ${duracion(ahora - c.masAntigua)})`}
      </td>
    </tr>
  );
}

export default function Colas({ colas, leidasEn, error, actualizar }: Props) {
  const ahora = useAhora(15_000);
  return (
    <section aria-labelledby="colas">
      <h2 id="colas">Su cola de trabajo</h2>
      {error ? (
        <div class="aviso-catd error" role="alert">
          {error}
        </div>
      ) : null}
      {colas === null ? (
        <p role="status">Leyendo las colas…</p>
      ) : colas.length === 0 ? (
        <p data-sin-colas>Sus roles no tienen cola de trabajo en el CATD.</p>
      ) : (
        <div class="tabla-desplazable">
          <table class="colas">
            <caption>Actas en espera por paso{leidasEn !== null ? `, leídas a las ${horaLocal(leidasEn)}` : ''}</caption>
            <thead>
              <tr>
                <th scope="col">Paso</th>
                <th scope="col" class="num">
                  En espera
                </th>
                <th scope="col">La más antigua espera</th>
              </tr>
            </thead>
            <tbody>
              {colas.map((c) => (
                <Fila key={c.paso} c={c} ahora={ahora} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <button type="button" class="secundario" onClick={actualizar}>
          Actualizar colas
        </button>{' '}
        <span class="ayuda">Se actualizan solas cada 30 segundos.</span>
      </p>
    </section>
  );
}
