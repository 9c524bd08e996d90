/**
 * Island of /difusor/widget/ (issue 15): one election's summary for a difusor's page to frame. It reads the
 * publication as every view does (the shared `latest` poller, the entidad shard) and swaps in a new corte when
 * one appears; when a check fails it keeps the last figures and says so. The card keeps one size while loading
 * and after, so neither the frame nor the page around it shifts.
 */
import { h, render } from 'preact';
import { entero, porcentaje, porcentajeCorto } from '../lib/formato.ts';
import type { Puntero } from '../../worker/domain/contrato/index.ts';
import { textoDeError } from '../lib/fallas.ts';
import { useCorte } from '../lib/useCorte.ts';
import { avisoWidget, eleccionDeUrl, resumenWidget, type ResumenWidget } from '../lib/widget.ts';
import { corteWidget, entidadWidget, idCorteWidget, leyendaWidget, sondeoWidget } from '../lib/widgetPublicacion.ts';

/** A bar without catalogue colours (as in the portal's charts). */
const GRIS = '#6b6b6b';

/** What leyendaDePuntero says when the pointer names no simulacro: the widget's own word already says it. */
const LEYENDA_GENERICA = 'SIMULACRO / PRUEBA';

async function cargar(p: Puntero, e: string): Promise<ResumenWidget> {
  const s = await entidadWidget(p, e);
  return resumenWidget(s.eleccion, s.resultados, { ...s.catalogo, candidatos: s.candidatos }, corteWidget(p));
}

function Lider({ r }: { r: ResumenWidget }) {
  const q = r.respuesta;
  if (q.tipo === 'sin-votos') return <p class="w-lider">Aún no hay actas contabilizadas con votos.</p>;
  if (q.tipo === 'empate') return <p class="w-lider" data-widget="empate">Empate en el primer lugar.</p>;
  const nombre = r.barras.find((b) => b.id === q.primero.id)?.etiqueta ?? q.primero.id;
  return (
    <p class="w-lider">
      Va adelante <strong data-widget="lider">{nombre}</strong>:{' '}
      <span data-widget="votos">{entero(q.primero.votos)} votos</span> (<span data-widget="porcentaje">{porcentaje(q.primero.porcentaje)}</span>)
    </p>
  );
}

function BarrasWidget({ r }: { r: ResumenWidget }) {
  return (
    <ol class="w-barras" aria-label="Candidaturas con más votos">
      {r.barras.map((b) => (
        <li key={b.id} data-candidatura={b.id}>
          <span class="w-nombre">{b.etiqueta}</span>
          <span class="w-cifra">
            {entero(b.votos)} · {porcentajeCorto(b.porcentaje)}
          </span>
          <span class="w-pista" aria-hidden="true">
            <span class="w-barra" style={{ width: `${Math.max(b.porcentaje, 0.5)}%`, background: b.colores.length > 0 ? `linear-gradient(90deg, ${b.colores.join(', ')})` : GRIS }} />
          </span>
        </li>
      ))}
    </ol>
  );
}

export interface Tarjeta {
  /** The election the URL names; null when it names none. */
  e: string | null;
  resumen: ResumenWidget | null;
  /** The simulacro's legend (leyendaDePuntero), or null in production. */
  simulacro: string | null;
  /** What the card says instead of figures: no such election, not yet published, loading failed… */
  mensaje: string;
  /** The note over figures kept from an earlier check, or null. */
  aviso: string | null;
}

/** The card itself, from what the data wrapper below worked out (pure, so it renders the same in a test). */
export function TarjetaWidget({ e, resumen: r, simulacro, mensaje, aviso }: Tarjeta) {
  return (
    <article class="widget" aria-busy={r === null && e !== null} aria-labelledby="w-titulo">
      <header class="w-cabeza">
        <h1 id="w-titulo">{r ? r.nombre : e ? 'Resultados preliminares' : 'Elige una elección'}</h1>
        {/* With the figures, not before: a badge arriving alone could wrap the header and move the line below. */}
        {simulacro && r ? (
          <p class="w-simulacro" data-widget="simulacro">
            <strong>SIMULACRO</strong> {simulacro === LEYENDA_GENERICA ? '' : simulacro}
          </p>
        ) : null}
      </header>
      {r ? (
        <>
          <Lider r={r} />
          <BarrasWidget r={r} />
          <p class="w-avance">
            <strong data-widget="contabilizadas">{porcentaje(r.contabilizadas)}</strong> de las actas contabilizadas
          </p>
          <p class="w-corte" data-widget="corte" data-final={r.final}>
            {r.corte}
          </p>
        </>
      ) : (
        <p class="w-lider" data-widget="mensaje">
          {mensaje}
        </p>
      )}
      {/* A live region present from the start, so a screen reader announces the note when it appears. */}
      <div role="status">
        {r && aviso ? (
          <p class="w-aviso" data-widget="aviso">
            {aviso}
          </p>
        ) : null}
      </div>
      <footer class="w-pie">
        <span>Preliminares, sin efectos jurídicos.</span>
        <a href={r ? r.href : '/'} target="_blank" rel="noopener">
          Ver en el PREP
        </a>
      </footer>
    </article>
  );
}

export default function Widget() {
  const e = typeof location === 'undefined' ? null : eleccionDeUrl(location.search);
  const vista = useCorte(sondeoWidget, `widget-${e ?? ''}`, (p) => (e ? cargar(p, e) : Promise.reject(new Error('sin elección'))), idCorteWidget);
  const error = vista.sondeo.error ?? vista.errorCarga;
  const p = vista.corte;
  const mensaje = !e
    ? 'El enlace del recuadro debe indicar la elección, por ejemplo ?e=GUB.'
    : vista.noExiste
      ? textoDeError(vista.noExiste)
      : (error ?? (vista.sondeo.sinPublicacion ? 'Todavía no se publica ningún corte.' : 'Cargando los resultados preliminares…'));
  return (
    <TarjetaWidget
      e={e}
      resumen={vista.noExiste ? null : vista.datos}
      simulacro={vista.sondeo.puntero ? leyendaWidget(vista.sondeo.puntero) : null}
      mensaje={mensaje}
      aviso={error ? avisoWidget(error, vista.sondeo.confirmadoEn, p ? p.entidad.utcOffsetMinutes : null) : null}
    />
  );
}

/** Renders the widget into `raiz` (the page's one script). */
export function montarWidget(raiz: HTMLElement): void {
  render(h(Widget, {}), raiz);
}
