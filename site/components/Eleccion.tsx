/**
 * The view of /eleccion/: one election at every level — entidad → distrito or municipio → sección → acta — from the
 * newest corte, following the query string (see lib/ruta.ts). It loads only the shards of the level shown and
 * updates in place when a new corte is published. The page's script renders it (`montarEleccion`).
 */
import { h, render, type ComponentProps } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { CorteInfo, EleccionInfo, VistaSeccion as DatosSeccion, VistaTerritorio as DatosTerritorio } from '../lib/modelo.ts';
import { cargarTerritorio, idCorte, sondeo } from '../lib/publicacion.ts';
import { Enlace, hrefDe, padreDe, useRuta, type Ruta } from '../lib/ruta.ts';
import { useCorte } from '../lib/useCorte.ts';
import { NoExiste } from '../lib/fallas.ts';
import { useCorteElegido } from '../lib/corteElegido.ts';
import Compartir from './Compartir.tsx';
import type * as ModuloCorteAnterior from './CorteAnterior.tsx';
import EstadoCorte from './EstadoCorte.tsx';
import { perezoso } from './perezoso.tsx';
import Respuesta, { RespuestaCargando } from './Respuesta.tsx';
import VistaTerritorio, { Cargando } from './VistaTerritorioDiferida.tsx';
import { nombreTerritorio } from '../lib/territorio.ts';

// The first screen (the answer: who leads, by how much, how much is counted, which corte) is in the first load;
// the territory view under it comes alongside the data (VistaTerritorioDiferida.tsx), and an acta, a sección or
// a "no existe" load their code when shown (issue 15: the entidad view's JS budget).
// The way to a past corte (CorteAnterior.tsx) is under the answer too, so it comes alongside the data as well; its
// closed disclosure is one line, kept while it loads.
const corteAnterior = () => import('./CorteAnterior.tsx');
const CorteAnterior = perezoso<ComponentProps<typeof ModuloCorteAnterior.CorteAnterior>>(
  () => corteAnterior().then((m) => ({ default: m.CorteAnterior })),
  () => <div aria-hidden="true">&nbsp;</div>,
);
const CortePasado = perezoso<ComponentProps<typeof ModuloCorteAnterior.CortePasado>>(
  () => corteAnterior().then((m) => ({ default: m.CortePasado })),
  Cargando,
);
const VistaActa = perezoso(() => import('./VistaActa.tsx'), Cargando);
const VistaSeccion = perezoso(() => import('./VistaSeccion.tsx'), Cargando);
const Inexistente = perezoso(() => import('./Inexistente.tsx'));
// The night over time, under the entidad view: its code and its data (past cortes) come only when the reader
// scrolls near it.
const Noche = perezoso(
  () => import('./Noche.tsx'),
  () => <section class="noche" aria-hidden="true" />,
  { alVer: true },
);

type Datos = { tipo: 'territorio'; v: DatosTerritorio } | { tipo: 'seccion'; v: DatosSeccion };

/** A sección's reader loads with its view (as the view's component does), off the entidad view's first load. */
function cargar(ruta: Ruta) {
  return async (p: Parameters<typeof cargarTerritorio>[0]): Promise<Datos> =>
    ruta.vista === 'seccion' || ruta.vista === 'acta'
      ? { tipo: 'seccion', v: await (await import('../lib/publicacionSeccion.ts')).cargarSeccion(p, ruta.e, ruta.s) }
      : { tipo: 'territorio', v: await cargarTerritorio(p, ruta) };
}

/**
 * Where a view sits: Inicio › election › distrito/municipio › sección › acta. `corte`: the past corte the view is
 * seen as of, which its way up keeps.
 */
function Migas({ ruta, datos, corte }: { ruta: Ruta; datos: Datos | null; corte: number | undefined }) {
  const eleccion = datos?.v.eleccion;
  const items: { texto: string; ruta?: Ruta; href?: string }[] = [{ texto: 'Inicio', href: '/' }];
  items.push({ texto: eleccion?.nombre ?? ruta.e, ruta: { vista: 'entidad', e: ruta.e, corte } });
  if (datos?.tipo === 'territorio' && datos.v.nivel !== 'entidad') items.push({ texto: nombreTerritorio(datos.v) });
  if (datos?.tipo === 'seccion') {
    const s = datos.v;
    const padre = padreDe(s.eleccion.territorio, s);
    items.push(
      padre.nivel === 'municipio'
        ? { texto: `Municipio de ${s.municipio.nombre}`, ruta: { vista: 'territorio', e: ruta.e, m: padre.id, corte } }
        : { texto: `Distrito ${s.distrito.id} (${s.distrito.nombre})`, ruta: { vista: 'territorio', e: ruta.e, d: padre.id, corte } },
    );
    items.push({ texto: `Sección ${s.seccion}`, ruta: { vista: 'seccion', e: ruta.e, s: s.seccion, padre, corte } });
    if (ruta.vista === 'acta') items.push({ texto: 'Acta' });
  }
  const ultimo = items.length - 1;
  return (
    <nav class="migas" aria-label="Ubicación">
      <ol>
        {items.map((it, i) => (
          <li key={i}>
            {i === ultimo ? (
              <span aria-current="page">{it.texto}</span>
            ) : it.ruta ? (
              <Enlace ruta={it.ruta}>{it.texto}</Enlace>
            ) : (
              <a href={it.href}>{it.texto}</a>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

function titulo(ruta: Ruta, datos: Datos | null, eleccion: EleccionInfo | undefined): string {
  const e = eleccion?.nombre ?? 'Elección';
  if (!datos) return e;
  if (datos.tipo === 'territorio') return `${e} · ${nombreTerritorio(datos.v)}`;
  return ruta.vista === 'acta' ? `${e} · Sección ${datos.v.seccion} · Acta` : `${e} · Sección ${datos.v.seccion}`;
}

function Cuerpo({ ruta, datos }: { ruta: Ruta; datos: Datos }) {
  if (datos.tipo === 'territorio') return <VistaTerritorio datos={datos.v} />;
  if (ruta.vista === 'acta') {
    const acta = datos.v.actas.find((a) => a.clave === ruta.a);
    if (!acta) return <Inexistente falla={new NoExiste('acta', ruta.a, [{ texto: `Actas de la sección ${datos.v.seccion}`, href: hrefDe({ ...ruta, vista: 'seccion' }) }])} />;
    return <VistaActa acta={acta} corte={datos.v.corte} catalogo={datos.v.catalogo} />;
  }
  return <VistaSeccion datos={datos.v} />;
}

function VistaRuta({ ruta }: { ruta: Ruta }) {
  // An acta is shown from its sección's data: both share the key (and the data already loaded).
  const clave = hrefDe(ruta.vista === 'acta' ? { vista: 'seccion', e: ruta.e, s: ruta.s, ...(ruta.padre ? { padre: ruta.padre } : {}) } : ruta);
  const vista = useCorte(sondeo, clave, cargar(ruta), idCorte);
  const datos = vista.datos;
  const corte: CorteInfo | undefined = datos?.v.corte;
  const h1 = useRef<HTMLHeadingElement>(null);
  const texto = titulo(ruta, datos, datos?.v.eleccion);
  // A past corte (?corte=N) replaces the figures of every view (entidad, distrito, municipio, sección, acta); the
  // newest corte keeps loading under it.
  const elegido = useCorteElegido();
  const pasado = elegido.tipo !== 'reciente' ? elegido : null;
  // The code of what goes under the answer, fetched while the data loads rather than after.
  const conPasado = pasado !== null;
  const nivel = ruta.vista;
  useEffect(() => {
    (conPasado ? CortePasado : CorteAnterior).precargar();
    if (nivel === 'entidad' || nivel === 'territorio') VistaTerritorio.precargar();
    else if (!conPasado) (nivel === 'acta' ? VistaActa : VistaSeccion).precargar();
  }, [conPasado, nivel]);

  useEffect(() => {
    document.title = `${texto} · PREP`;
  }, [texto]);
  // After an in-page navigation, focus the new heading so screen readers announce the view.
  const rutaTexto = hrefDe(ruta);
  const primera = useRef(true);
  useEffect(() => {
    if (primera.current) {
      primera.current = false;
      return;
    }
    h1.current?.focus();
  }, [rutaTexto]);

  return (
    <div aria-busy={vista.actualizando && !datos} data-vista={ruta.vista}>
      <div class="cabecera-vista">
        <Migas ruta={ruta} datos={datos} corte={pasado?.tipo === 'numero' ? pasado.numero : undefined} />
        <Compartir />
      </div>
      <h1 ref={h1} tabIndex={-1}>
        {texto}
      </h1>
      <EstadoCorte
        instante={corte?.instante ?? null}
        offsetMinutes={corte?.offsetMinutes ?? null}
        numero={corte?.numero}
        final={corte?.final}
        confirmadoEn={vista.sondeo.confirmadoEn}
        error={vista.sondeo.error ?? (datos ? null : vista.errorCarga)}
        actualizando={vista.actualizando}
        sinPublicacion={vista.sondeo.sinPublicacion}
      />
      {datos?.tipo === 'territorio' && !pasado ? (
        <Respuesta eleccion={datos.v.eleccion} donde={nombreTerritorio(datos.v)} resultados={datos.v} catalogo={datos.v.catalogo} corte={datos.v.corte} />
      ) : null}
      {corte?.entidad.sintetico ? <p class="sintetico">Datos sintéticos de prueba: no corresponden a una elección real.</p> : null}
      {datos ? (
        <>
          {pasado && vista.corte ? (
            <CortePasado ruta={ruta} puntero={vista.corte} elegido={pasado} />
          ) : (
            <>
              {vista.corte ? <CorteAnterior eleccion={ruta.e} puntero={vista.corte} /> : null}
              <Cuerpo ruta={ruta} datos={datos} />
            </>
          )}
          {datos.tipo === 'territorio' && ruta.vista === 'entidad' ? <Noche eleccion={ruta.e} catalogo={datos.v.catalogo} /> : null}
        </>
      ) : vista.noExiste ? (
        <Inexistente falla={vista.noExiste} />
      ) : vista.sondeo.sinPublicacion || vista.sondeo.error || vista.errorCarga ? null : (
        // The answer's and the view's place while the data loads: the status line above never moves.
        <>
          {ruta.vista === 'entidad' || ruta.vista === 'territorio' ? <RespuestaCargando /> : null}
          <p class="cargando-cuerpo">Cargando…</p>
        </>
      )}
    </div>
  );
}

export default function Eleccion() {
  const ruta = useRuta();
  if (!ruta) {
    return (
      <>
        <h1>Elección no indicada</h1>
        <p>
          Elige una elección desde el <a href="/">inicio</a>.
        </p>
      </>
    );
  }
  return <VistaRuta ruta={ruta} />;
}

/** Renders the view into `raiz` (the page's one script, as the difusor widget's: no Astro island, see the page). */
export function montarEleccion(raiz: HTMLElement): void {
  render(h(Eleccion, {}), raiz);
}
