/**
 * The leaders' map of a distrito's or municipio's secciones, loaded on demand by MapaSecciones.tsx: one shape
 * per sección (the catalogue's boundaries, cut for this territory), filled with its leader's colour and motif as
 * on the entidad's map (MapaLideres.tsx); tapping one opens the sección. The drawing is hidden from screen
 * readers: the legend and a table of the same leaders say it in words.
 */
import { useEffect, useState } from 'preact/hooks';
import { entero } from '../lib/formato.ts';
import { mapaSvg, type MapaSvg, type Topologia } from '../lib/geo.ts';
import { mapaLideres } from '../lib/geoLideres.ts';
import type { FilaTerritorio, VistaTerritorio } from '../lib/modelo.ts';
import { lider } from '../lib/opciones.ts';
import { obtenerJson } from '../lib/recursos.ts';
import { hrefDe, navegar, type Ruta } from '../lib/ruta.ts';
import { idPatron, Patron } from './MapaLideres.tsx';

const SIN_LIDER = '#d9d9d9';
/** viewBox width; shapes simplified to within this many units (a sección is small: keep its corners). */
const ANCHO = 600;
const TOLERANCIA = 0.6;

function leerTopologia(json: unknown): Topologia {
  const t = json as Partial<Topologia> | null;
  if (t?.type !== 'Topology' || !Array.isArray(t.arcs) || !t.objects?.secciones) throw new Error('mapa de secciones ilegible');
  return t as Topologia;
}

/** The shapes of the territory's cut, in the viewBox of the cut alone. */
export function formasSecciones(t: Topologia): MapaSvg {
  return mapaSvg(t, 'secciones', { ancho: ANCHO, tolerancia: TOLERANCIA, id: (p) => Number(p.SECCION) });
}

const ruta = (d: VistaTerritorio, f: FilaTerritorio, corte: number | undefined): Ruta => ({
  vista: 'seccion',
  e: d.eleccion.codigo,
  s: f.id,
  padre: { nivel: d.nivel as 'distrito' | 'municipio', id: d.id },
  corte,
});

function Leyenda({ leyenda, pendientes }: { leyenda: ReturnType<typeof mapaLideres>['leyenda']; pendientes: boolean }) {
  return (
    <ul class="mapa-leyenda" aria-label="Leyenda del mapa" style={{ listStyle: 'none', padding: 0, display: 'flex', flexWrap: 'wrap', gap: '0.25rem 1rem' }}>
      {leyenda.map((e) => (
        <li key={e.id} data-lider={e.id}>
          <svg width="28" height="18" viewBox="0 0 28 18" aria-hidden="true" focusable="false" style={{ verticalAlign: 'middle', marginRight: '0.35rem' }}>
            <rect width="28" height="18" fill={`url(#${idPatron(e)})`} stroke="#1a1a1a" />
          </svg>
          {e.nombre}: {entero(e.territorios)} {e.territorios === 1 ? 'sección' : 'secciones'}
        </li>
      ))}
      {pendientes ? (
        <li data-lider="">
          <svg width="28" height="18" aria-hidden="true" focusable="false" style={{ verticalAlign: 'middle', marginRight: '0.35rem' }}>
            <rect width="28" height="18" fill={SIN_LIDER} stroke="#1a1a1a" />
          </svg>
          Sin primer lugar todavía
        </li>
      ) : null}
    </ul>
  );
}

export default function MapaSeccionesLideres({ datos, corte, url }: { datos: VistaTerritorio; corte?: number | undefined; url: string }) {
  // undefined while the shapes load (their box stays reserved), null when they could not be read.
  const [mapa, setMapa] = useState<MapaSvg | null | undefined>(undefined);
  useEffect(() => {
    let vigente = true;
    obtenerJson(url, leerTopologia).then(
      (t) => vigente && setMapa(formasSecciones(t)),
      () => vigente && setMapa(null),
    );
    return () => {
      vigente = false;
    };
  }, [url]);
  if (mapa === undefined) return <div class="mapa-reserva" style={{ maxWidth: '36rem', aspectRatio: '1' }} />;
  if (mapa === null) return null;

  const filas = datos.hijos.filter((f) => f.nivel === 'seccion');
  const { lideres, leyenda } = mapaLideres(filas, datos.catalogo);
  const porId = new Map(filas.map((f) => [f.id, f]));
  const conForma = new Set(mapa.formas.map((f) => f.id));
  const sinForma = filas.filter((f) => !conForma.has(f.id)).length;
  const pendientes = filas.some((f) => conForma.has(f.id) && (lideres.get(f.id) ?? null) === null);

  return (
    <section class="mapa-lideres mapa-secciones" aria-labelledby="mapa-secciones-titulo" data-mapa="secciones">
      <h2 id="mapa-secciones-titulo">Quién va adelante por sección</h2>
      <svg viewBox={mapa.viewBox} aria-hidden="true" focusable="false" style={{ display: 'block', width: '100%', maxWidth: '36rem', height: 'auto' }}>
        <defs>
          {leyenda.map((e) => (
            <Patron key={e.id} e={e} />
          ))}
        </defs>
        {mapa.formas.map((forma) => {
          const f = porId.get(forma.id);
          if (!f) return <path key={forma.id} d={forma.d} fill="#f2f2f2" stroke="#8a8a8a" stroke-width={0.6} />;
          const l = lideres.get(f.id) ?? null;
          const r = ruta(datos, f, corte);
          return (
            <a
              key={forma.id}
              href={hrefDe(r)}
              tabindex={-1}
              data-id={f.id}
              data-lider={l?.id ?? ''}
              onClick={(ev: MouseEvent) => {
                if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
                ev.preventDefault();
                navegar(r);
              }}
            >
              <title>{`Sección ${f.id}: ${l ? `va adelante ${l.nombre}` : 'sin primer lugar (sin votos contabilizados o empate)'}`}</title>
              <path d={forma.d} fill={l ? `url(#${idPatron(l)})` : SIN_LIDER} stroke="#ffffff" stroke-width={0.8} />
            </a>
          );
        })}
      </svg>
      <p class="sub">
        Secciones: cartografía del catálogo cargado (límites simplificados).
        {sinForma > 0 ? ` ${entero(sinForma)} ${sinForma === 1 ? 'sección no tiene' : 'secciones no tienen'} forma en este mapa.` : ''}
      </p>
      <Leyenda leyenda={leyenda} pendientes={pendientes} />
      {/* A table is never narrower than its content: the box around it is what hides it. */}
      <div class="sr-only">
        <table>
          <caption>Mapa: primer lugar en cada sección</caption>
          <thead>
            <tr>
              <th scope="col">Sección</th>
              <th scope="col">Primer lugar</th>
              <th scope="col">Votos del primer lugar</th>
            </tr>
          </thead>
          <tbody>
            {filas.map((f) => {
              const l = lideres.get(f.id) ?? null;
              return (
                <tr key={f.id} data-id={f.id} data-lider={l?.id ?? ''}>
                  <th scope="row">Sección {f.id}</th>
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
