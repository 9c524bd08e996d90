/**
 * What the two leaders' maps draw alike — the entidad's distritos or municipios (MapaLideres.tsx) and a
 * territory's secciones (MapaSeccionesLideres.tsx): each shape filled with its leader's colour and motif (so colour
 * is not the only cue), a link that opens the row's page, the legend, and a table of the same leaders for screen
 * readers (the drawing itself is hidden from them). Each map loads its own shapes and says what its rows are.
 */
import { entero } from '../lib/formato.ts';
import { mapaLideres, type Estilo, type Motivo } from '../lib/geoLideres.ts';
import type { FilaTerritorio } from '../lib/modelo.ts';
import { lider, type Catalogo } from '../lib/opciones.ts';
import { hrefDe, navegar, type Ruta } from '../lib/ruta.ts';

const SIN_LIDER = '#d9d9d9';
/** Pattern tile, in viewBox units of the map and of the legend's swatches alike. */
const T = 14;

export const idPatron = (e: Estilo) => `mapa-patron-${e.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** The motif's marks over a T×T tile. */
function Marcas({ motivo, tinta }: { motivo: Motivo; tinta: string }) {
  const linea = { stroke: tinta, 'stroke-width': 2.5 };
  switch (motivo) {
    case 'lisa':
      return null;
    case 'diagonal':
      return <path d={`M0 ${T}L${T} 0M${-T / 2} ${T / 2}L${T / 2} ${-T / 2}M${T / 2} ${T * 1.5}L${T * 1.5} ${T / 2}`} {...linea} />;
    case 'contradiagonal':
      return <path d={`M0 0L${T} ${T}M${-T / 2} ${T / 2}L${T / 2} ${T * 1.5}M${T / 2} ${-T / 2}L${T * 1.5} ${T / 2}`} {...linea} />;
    case 'cruzada':
      return <path d={`M0 0L${T} ${T}M0 ${T}L${T} 0`} {...linea} />;
    case 'horizontal':
      return <path d={`M0 ${T / 2}H${T}`} {...linea} />;
    case 'vertical':
      return <path d={`M${T / 2} 0V${T}`} {...linea} />;
    case 'cuadricula':
      return <path d={`M0 ${T / 2}H${T}M${T / 2} 0V${T}`} stroke={tinta} stroke-width={1.5} />;
    case 'puntos':
      return <circle cx={T / 2} cy={T / 2} r={T / 5} fill={tinta} />;
    case 'ajedrez':
      return <path d={`M0 0h${T / 2}v${T / 2}h-${T / 2}zM${T / 2} ${T / 2}h${T / 2}v${T / 2}h-${T / 2}z`} fill={tinta} fill-opacity={0.55} />;
  }
}

/** A leader's fill: its colour and motif. */
function Patron({ e }: { e: Estilo }) {
  return (
    <pattern id={idPatron(e)} width={T} height={T} patternUnits="userSpaceOnUse">
      <rect width={T} height={T} fill={e.color} />
      <Marcas motivo={e.motivo} tinta={e.tinta} />
    </pattern>
  );
}

/** A legend swatch: a leader's fill, or the grey of "no leader yet". */
function Muestra({ relleno }: { relleno: string }) {
  return (
    <svg width="28" height="18" viewBox={`0 0 ${2 * T} ${T + 4}`} aria-hidden="true" focusable="false" style={{ verticalAlign: 'middle', marginRight: '0.35rem' }}>
      <rect width={2 * T} height={T + 4} fill={relleno} stroke="#1a1a1a" />
    </svg>
  );
}

export interface Dibujo {
  /** The shapes, each with the id of the row it draws, and their box. */
  formas: readonly { id: number; d: string }[];
  viewBox: string;
  /** The rows the map and its table are of, in the table's order. */
  filas: readonly FilaTerritorio[];
  catalogo: Catalogo;
  /** The section's class and `data-mapa`, its heading and the heading's id. */
  clase: string;
  mapa: string;
  titulo: string;
  idTitulo: string;
  /** What the rows are called: one / several, the table's column and caption. */
  singular: string;
  plural: string;
  columna: string;
  leyendaTabla: string;
  /** The source line under the map; `sinForma` says how many rows have no shape. */
  fuente: (sinForma: number) => string;
  nombreFila: (f: FilaTerritorio) => string;
  rutaDe: (f: FilaTerritorio) => Ruta;
  /** Border width in viewBox units (a map of small secciones draws thinner ones). */
  borde: number;
}

function Forma({ d, fila, l, ruta, nombre, borde }: { d: string; fila: FilaTerritorio; l: Estilo | null; ruta: Ruta; nombre: string; borde: number }) {
  return (
    <a
      href={hrefDe(ruta)}
      tabindex={-1}
      data-id={fila.id}
      data-lider={l?.id ?? ''}
      onClick={(ev: MouseEvent) => {
        if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
        ev.preventDefault();
        navegar(ruta);
      }}
    >
      <title>{`${nombre}: ${l ? `va adelante ${l.nombre}` : 'sin primer lugar (sin votos contabilizados o empate)'}`}</title>
      <path d={d} fill={l ? `url(#${idPatron(l)})` : SIN_LIDER} stroke="#ffffff" stroke-width={borde} />
    </a>
  );
}

export function MapaDeLideres(p: Dibujo) {
  const { lideres, leyenda } = mapaLideres(p.filas, p.catalogo);
  const porId = new Map(p.filas.map((f) => [f.id, f]));
  const conForma = new Set(p.formas.map((f) => f.id));
  const sinForma = p.filas.filter((f) => !conForma.has(f.id)).length;
  // "No leader yet" is in the legend when a drawn shape has none.
  const pendientes = p.filas.some((f) => conForma.has(f.id) && (lideres.get(f.id) ?? null) === null);
  return (
    <section class={p.clase} aria-labelledby={p.idTitulo} data-mapa={p.mapa}>
      <h2 id={p.idTitulo}>{p.titulo}</h2>
      <svg viewBox={p.viewBox} aria-hidden="true" focusable="false" style={{ display: 'block', width: '100%', maxWidth: '36rem', height: 'auto' }}>
        <defs>
          {leyenda.map((e) => (
            <Patron key={e.id} e={e} />
          ))}
        </defs>
        {p.formas.map((forma) => {
          const f = porId.get(forma.id);
          if (!f) return <path key={forma.id} d={forma.d} fill="#f2f2f2" stroke="#8a8a8a" stroke-width={(p.borde * 2) / 3} />;
          return <Forma key={forma.id} d={forma.d} fila={f} l={lideres.get(f.id) ?? null} ruta={p.rutaDe(f)} nombre={p.nombreFila(f)} borde={p.borde} />;
        })}
      </svg>
      <p class="sub">{p.fuente(sinForma)}</p>
      <ul class="mapa-leyenda" aria-label="Leyenda del mapa" style={{ listStyle: 'none', padding: 0, display: 'flex', flexWrap: 'wrap', gap: '0.25rem 1rem' }}>
        {leyenda.map((e) => (
          <li key={e.id} data-lider={e.id}>
            <Muestra relleno={`url(#${idPatron(e)})`} />
            {e.nombre}: {entero(e.territorios)} {e.territorios === 1 ? p.singular : p.plural}
          </li>
        ))}
        {pendientes ? (
          <li data-lider="">
            <Muestra relleno={SIN_LIDER} />
            Sin primer lugar todavía
          </li>
        ) : null}
      </ul>
      {/* A table is never narrower than its content: the box around it is what hides it. */}
      <div class="sr-only">
        <table>
          <caption>{p.leyendaTabla}</caption>
          <thead>
            <tr>
              <th scope="col">{p.columna}</th>
              <th scope="col">Primer lugar</th>
              <th scope="col">Votos del primer lugar</th>
            </tr>
          </thead>
          <tbody>
            {p.filas.map((f) => {
              const l = lideres.get(f.id) ?? null;
              return (
                <tr key={f.id} data-id={f.id} data-lider={l?.id ?? ''}>
                  <th scope="row">{p.nombreFila(f)}</th>
                  <td>{l ? l.nombre : 'Sin primer lugar'}</td>
                  <td>{l ? entero(lider(f.candidaturas)!.votos) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
