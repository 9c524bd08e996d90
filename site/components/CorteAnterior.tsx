/**
 * The way into the result as of a past corte on the entidad, distrito and municipio views (issue 15). Only this
 * stays in the views' first load: a closed "ver un corte anterior" disclosure, and the place of the past corte's
 * view. The form (which reads the historial) loads when the disclosure is opened, and the past view when a link
 * names a corte (CortePasado.tsx); both get from here what they share with the first load, so none of it is split
 * out of it.
 */
import { useState } from 'preact/hooks';
import { EVENTO_CORTE, PARAMETRO_CORTE, type CorteElegido } from '../lib/corteElegido.ts';
import type { VistaTerritorio as Datos } from '../lib/modelo.ts';
import type { Puntero } from '../lib/publicacion.ts';
import type { VistaConCorte } from '../lib/publicacionPasada.ts';
import type { Enlaces, PropsElegir } from './CortePasado.tsx';
import { perezoso } from './perezoso.tsx';
import Respuesta, { RespuestaCargando } from './Respuesta.tsx';
import VistaTerritorio from './VistaTerritorio.tsx';

const Cargando = () => <p class="cargando-cuerpo">Cargando…</p>;

/** A past corte's answer and view, drawn as the newest corte's are (its links keep the corte); while it loads, their boxes. */
function vista(d: Datos | null) {
  return d ? (
    <>
      <Respuesta eleccion={d.eleccion} donde={d.nombre} resultados={d} catalogo={d.catalogo} corte={d.corte} />
      <VistaTerritorio datos={d} corte={d.corte.numero} />
    </>
  ) : (
    <>
      <RespuestaCargando />
      <Cargando />
    </>
  );
}

const enlaces: Enlaces = {
  parametro: PARAMETRO_CORTE,
  evento: EVENTO_CORTE,
  // About four lines of text and the form at 360 px (five for a distrito or municipio: the line on its secciones),
  // two at 1280 (measured in the e2e screenshots and by portal-mapas.test.ts), with room.
  altoEtiqueta: 'clamp(8.75rem, calc(19.25rem - 14vw), 16.5rem)',
};

const cargarModulo = () => import('./CortePasado.tsx');
const Pasado = perezoso(cargarModulo, () => (
  <>
    <div style={{ margin: '0.5rem 0', minHeight: enlaces.altoEtiqueta }} />
    {vista(null)}
  </>
));
const ElegirCorte = perezoso<PropsElegir>(() => cargarModulo().then((m) => ({ default: m.ElegirCorte })), Cargando);

/** The view `ruta` as of the corte a link names (`?corte=N`), or why it cannot be shown. */
export function CortePasado(props: { ruta: VistaConCorte; puntero: Puntero; elegido: Exclude<CorteElegido, { tipo: 'reciente' }> }) {
  return <Pasado {...props} enlaces={enlaces} vista={vista} />;
}

/** Closed, one line; opened, the form to choose a past corte. */
export function CorteAnterior({ eleccion, puntero }: { eleccion: string; puntero: Puntero }) {
  const [abierto, setAbierto] = useState(false);
  return (
    <details class="corte-anterior" onToggle={(ev) => setAbierto((ev.currentTarget as HTMLDetailsElement).open)}>
      <summary>Ver los resultados de un corte anterior</summary>
      {abierto ? <ElegirCorte eleccion={eleccion} puntero={puntero} enlaces={enlaces} /> : null}
    </details>
  );
}
