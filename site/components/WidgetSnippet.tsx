/**
 * "Incrustar en tu sitio" on /datos-abiertos/ (issue 15): the frame a difusor pastes to show one election's
 * summary (the widget, /difusor/widget/) in a page of theirs, for the election chosen, with this portal's own
 * origin. The elections are the ones the newest corte publishes (the shared `latest` poller).
 */
import { useEffect, useState } from 'preact/hooks';
import { sondeo } from '../lib/publicacion.ts';
import { snippetWidget } from '../lib/widget.ts';

type Copia = 'copiado' | 'fallo' | null;

export default function WidgetSnippet() {
  const [estado, setEstado] = useState(sondeo.estado);
  useEffect(() => sondeo.suscribir(setEstado), []);
  const elecciones = estado.puntero?.elecciones ?? [];
  const [elegida, setElegida] = useState<string | null>(null);
  const [copia, setCopia] = useState<Copia>(null);
  const eleccion = elecciones.find((e) => e.codigo === elegida) ?? elecciones[0];
  const codigo = eleccion ? snippetWidget(location.origin, eleccion) : null;
  const copiar = () => {
    if (codigo) navigator.clipboard.writeText(codigo).then(() => setCopia('copiado'), () => setCopia('fallo'));
  };
  return (
    <section aria-labelledby="incrustar">
      <h2 id="incrustar">Incrustar en tu sitio</h2>
      <p>
        Un recuadro de pocos kilobytes con el resumen de una elección: quién va adelante, con sus votos y su porcentaje,
        las tres candidaturas con más votos, el porcentaje de actas contabilizadas y el corte. Se actualiza solo cuando
        se publica un corte nuevo y enlaza a la vista completa del PREP. Copia este código en tu página:
      </p>
      {codigo ? (
        <>
          <p>
            <label for="incrustar-eleccion">Elección </label>
            <select id="incrustar-eleccion" style={{ maxWidth: '100%' }} value={eleccion?.codigo} onChange={(ev) => setElegida((ev.target as HTMLSelectElement).value)}>
              {elecciones.map((e) => (
                <option key={e.codigo} value={e.codigo}>
                  {e.nombre}
                </option>
              ))}
            </select>
          </p>
          {/* Wrapped, not scrolled: the snippet is one long line that must fit a 360 px screen whole. */}
          <pre tabindex={0} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            <code data-snippet>{codigo}</code>
          </pre>
          <p>
            <button type="button" class="boton" onClick={copiar}>
              Copiar el código
            </button>{' '}
            <span role="status">{copia === 'copiado' ? 'Código copiado' : copia === 'fallo' ? 'No se pudo copiar; selecciónalo y cópialo.' : ''}</span>
          </p>
        </>
      ) : (
        <p>{estado.sinPublicacion ? 'El código aparecerá cuando se publique el primer corte.' : 'Cargando las elecciones publicadas…'}</p>
      )}
    </section>
  );
}
