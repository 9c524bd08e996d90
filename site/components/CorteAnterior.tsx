/**
 * The way into the result as of a past corte on every view of an election (issue 15): the entidad, a distrito or
 * municipio, a sección and its actas. Only this comes with the view (Eleccion.tsx fetches it alongside the data,
 * off the first screen's load): a closed "ver un corte anterior" disclosure, and the place of the past corte's
 * view. The form (which reads the historial) loads when the disclosure is opened, and the past view when a link
 * names a corte (CortePasado.tsx); both get from here what they share with it, so none of it is split out of it.
 */
import { useState } from 'preact/hooks';
import { EVENTO_CORTE, PARAMETRO_CORTE, type CorteElegido } from '../lib/corteElegido.ts';
import type { VistaTerritorio as Datos } from '../lib/modelo.ts';
import type { Puntero } from '../lib/publicacion.ts';
import type { VistaConCorte } from '../lib/publicacionPasada.ts';
import type { Enlaces, PropsElegir } from './CortePasado.tsx';
import { perezoso } from './perezoso.tsx';
import Respuesta, { RespuestaCargando } from './Respuesta.tsx';
import VistaTerritorio from './VistaTerritorioDiferida.tsx';

const Cargando = () => <p class="cargando-cuerpo">Cargando…</p>;

/**
 * A past corte's answer and territory view, drawn as the newest corte's are (its links keep the corte); while it
 * loads, their boxes. A sección's and an acta's are drawn by CortePasado.tsx itself, off this first load.
 */
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
  // About four lines of text and the form at 360 px, two at 1280 (measured in the e2e screenshots and by
  // portal-mapas.test.ts), with room (it held a fifth line once, on the secciones of a past corte).
  altoEtiqueta: 'clamp(8.75rem, calc(19.25rem - 14vw), 16.5rem)',
};

const cargarModulo = () => import('./CortePasado.tsx');
// While its code loads, the label's place and the view's boxes (a sección's view has no answer block).
const Etiqueta = () => <div style={{ margin: '0.5rem 0', minHeight: enlaces.altoEtiqueta }} />;
const Pasado = perezoso(cargarModulo, () => (
  <>
    <Etiqueta />
    <RespuestaCargando />
    <Cargando />
  </>
));
const PasadoSeccion = perezoso(cargarModulo, () => (
  <>
    <Etiqueta />
    <Cargando />
  </>
));
const ElegirCorte = perezoso<PropsElegir>(() => cargarModulo().then((m) => ({ default: m.ElegirCorte })), Cargando);

/** The view `ruta` as of the corte a link names (`?corte=N`), or why it cannot be shown. */
export function CortePasado(props: { ruta: VistaConCorte; puntero: Puntero; elegido: Exclude<CorteElegido, { tipo: 'reciente' }> }) {
  const P = props.ruta.vista === 'seccion' || props.ruta.vista === 'acta' ? PasadoSeccion : Pasado;
  return <P {...props} enlaces={enlaces} vista={vista} />;
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
