/**
 * The leaders' map of the entidad view, loaded on demand by Mapa.tsx: one shape per distrito or municipio (the
 * level of the view's table), filled with its leader's colour and motif; tapping one opens its page. The shapes
 * come from /geo/<mapa>.json (built from data/geo/); a corte of an entidad the shapes are not for shows no map.
 * The drawing is hidden from screen readers: the legend and a table of the same leaders say it in words.
 */
import { useEffect, useState } from 'preact/hooks';
import { entero } from '../lib/formato.ts';
import type { MapaPublicado } from '../lib/geo.ts';
import { mapaLideres, type Estilo, type Motivo } from '../lib/geoLideres.ts';
import type { FilaTerritorio, VistaTerritorio } from '../lib/modelo.ts';
import { lider } from '../lib/opciones.ts';
import { obtenerJson } from '../lib/recursos.ts';
import { hrefDe, navegar, type Ruta } from '../lib/ruta.ts';

const PLURAL = { distrito: 'distritos', municipio: 'municipios' } as const;
const SIN_LIDER = '#d9d9d9';
/** Pattern tile, in viewBox units of the map (800 wide) and of the legend's swatches alike. */
const T = 14;

function leerMapa(json: unknown): MapaPublicado {
  const m = json as Partial<MapaPublicado> | null;
  if (!m || typeof m.viewBox !== 'string' || !Array.isArray(m.formas) || typeof m.entidad !== 'number') throw new Error('mapa ilegible');
  return m as MapaPublicado;
}

/** The map's box while it loads (Mapa.tsx shows the same while this module loads). */
export function Reserva() {
  return <div class="mapa-reserva" style={{ maxWidth: '36rem', aspectRatio: '1' }} />;
}

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

/** A leader's fill: its colour and motif (the sección map, MapaSeccionesLideres.tsx, draws the same). */
export function Patron({ e }: { e: Estilo }) {
  return (
    <pattern id={idPatron(e)} width={T} height={T} patternUnits="userSpaceOnUse">
      <rect width={T} height={T} fill={e.color} />
      <Marcas motivo={e.motivo} tinta={e.tinta} />
    </pattern>
  );
}

/** A shape's link keeps the past corte the view is of (`corte`), as the table's do. */
function rutaDe(d: VistaTerritorio, f: FilaTerritorio, corte: number | undefined): Ruta {
  return f.nivel === 'distrito' ? { vista: 'territorio', e: d.eleccion.codigo, d: f.id, corte } : { vista: 'territorio', e: d.eleccion.codigo, m: f.id, corte };
}

const nombreFila = (f: FilaTerritorio) => (f.nivel === 'distrito' ? `Distrito ${f.id} (${f.nombre})` : f.nombre);

export default function MapaLideres({ datos, corte }: { datos: VistaTerritorio; corte?: number | undefined }) {
  const nivel = datos.hijos[0]?.nivel;
  const nombre = nivel === 'distrito' || nivel === 'municipio' ? PLURAL[nivel] : null;
  // undefined while the shapes load (their box stays reserved), null when there are none.
  const [mapa, setMapa] = useState<MapaPublicado | null | undefined>(undefined);
  useEffect(() => {
    if (!nombre) return;
    let vigente = true;
    // Without its shapes the view simply has no map (the table below says the same).
    obtenerJson(`/geo/${nombre}.json`, leerMapa).then(
      (m) => vigente && setMapa(m),
      () => vigente && setMapa(null),
    );
    return () => {
      vigente = false;
    };
  }, [nombre]);
  if (mapa === undefined && nombre) return <Reserva />;
  if (!mapa || !nombre || mapa.entidad !== datos.corte.entidad.id || mapa.nivel !== nivel) return null;

  const { lideres, leyenda } = mapaLideres(datos.hijos, datos.catalogo);
  const filas = new Map(datos.hijos.map((f) => [f.id, f]));
  const conForma = new Set(mapa.formas.map((f) => f.id));
  const sinForma = datos.hijos.filter((f) => !conForma.has(f.id)).length;
  const hayPendientes = [...lideres.values()].some((l) => l === null);

  return (
    <section class="mapa-lideres" aria-labelledby="mapa-titulo" data-mapa={nombre}>
      <h2 id="mapa-titulo">Quién va adelante por {nombre}</h2>
      <svg viewBox={mapa.viewBox} aria-hidden="true" focusable="false" style={{ display: 'block', width: '100%', maxWidth: '36rem', height: 'auto' }}>
        <defs>
          {leyenda.map((e) => (
            <Patron key={e.id} e={e} />
          ))}
        </defs>
        {mapa.formas.map((forma) => {
          const f = filas.get(forma.id);
          if (!f) return <path key={forma.id} d={forma.d} fill="#f2f2f2" stroke="#8a8a8a" stroke-width={0.8} />;
          const l = lideres.get(f.id) ?? null;
          const ruta = rutaDe(datos, f, corte);
          return (
            <a
              key={forma.id}
              href={hrefDe(ruta)}
              tabindex={-1}
              data-id={f.id}
              data-lider={l?.id ?? ''}
              onClick={(ev: MouseEvent) => {
                if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
                ev.preventDefault();
                navegar(ruta);
              }}
            >
              <title>{`${nombreFila(f)}: ${l ? `va adelante ${l.nombre}` : 'sin primer lugar (sin votos contabilizados o empate)'}`}</title>
              <path d={forma.d} fill={l ? `url(#${idPatron(l)})` : SIN_LIDER} stroke="#ffffff" stroke-width={1.2} />
            </a>
          );
        })}
      </svg>
      <p class="sub">
        {mapa.fuente}
        {sinForma > 0 ? ` ${entero(sinForma)} ${nombre} del catálogo no tienen forma en este mapa.` : ''}
      </p>
      <ul class="mapa-leyenda" aria-label="Leyenda del mapa" style={{ listStyle: 'none', padding: 0, display: 'flex', flexWrap: 'wrap', gap: '0.25rem 1rem' }}>
        {leyenda.map((e) => (
          <li key={e.id} data-lider={e.id}>
            <svg width="28" height="18" viewBox={`0 0 ${2 * T} ${T + 4}`} aria-hidden="true" focusable="false" style={{ verticalAlign: 'middle', marginRight: '0.35rem' }}>
              <rect width={2 * T} height={T + 4} fill={`url(#${idPatron(e)})`} stroke="#1a1a1a" />
            </svg>
            {e.nombre}: {entero(e.territorios)} {e.territorios === 1 ? nombre.slice(0, -1) : nombre}
          </li>
        ))}
        {hayPendientes ? (
          <li data-lider="">
            <svg width="28" height="18" aria-hidden="true" focusable="false" style={{ verticalAlign: 'middle', marginRight: '0.35rem' }}>
              <rect width="28" height="18" fill={SIN_LIDER} stroke="#1a1a1a" />
            </svg>
            Sin primer lugar todavía
          </li>
        ) : null}
      </ul>
      {/* A table is never narrower than its content: the box around it is what hides it. */}
      <div class="sr-only">
        <table>
          <caption>Mapa: primer lugar en cada uno de los {nombre}</caption>
          <thead>
            <tr>
              <th scope="col">{nivel === 'distrito' ? 'Distrito' : 'Municipio'}</th>
              <th scope="col">Primer lugar</th>
              <th scope="col">Votos del primer lugar</th>
            </tr>
          </thead>
          <tbody>
            {datos.hijos.map((f) => {
              const l = lideres.get(f.id) ?? null;
              return (
                <tr key={f.id} data-id={f.id} data-lider={l?.id ?? ''}>
                  <th scope="row">{nombreFila(f)}</th>
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
