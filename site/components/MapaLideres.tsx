/**
 * The leaders' map of the entidad view, loaded on demand by Mapa.tsx: one shape per distrito or municipio (the
 * level of the view's table), drawn by MapaDeLideres.tsx; tapping one opens its page. The shapes come from
 * /geo/<mapa>.json (built from data/geo/); a corte of an entidad the shapes are not for shows no map.
 */
import { useEffect, useState } from 'preact/hooks';
import { entero } from '../lib/formato.ts';
import type { MapaPublicado } from '../lib/geo.ts';
import type { FilaTerritorio, VistaTerritorio } from '../lib/modelo.ts';
import { obtenerJson } from '../lib/recursos.ts';
import type { Ruta } from '../lib/ruta.ts';
import { MapaDeLideres } from './MapaDeLideres.tsx';

const PLURAL = { distrito: 'distritos', municipio: 'municipios' } as const;

function leerMapa(json: unknown): MapaPublicado {
  const m = json as Partial<MapaPublicado> | null;
  if (!m || typeof m.viewBox !== 'string' || !Array.isArray(m.formas) || typeof m.entidad !== 'number') throw new Error('mapa ilegible');
  return m as MapaPublicado;
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
  if (mapa === undefined && nombre) return <div class="mapa-reserva" style={{ maxWidth: '36rem', aspectRatio: '1' }} />;
  if (!mapa || !nombre || mapa.entidad !== datos.corte.entidad.id || mapa.nivel !== nivel) return null;
  return (
    <MapaDeLideres
      formas={mapa.formas}
      viewBox={mapa.viewBox}
      filas={datos.hijos}
      catalogo={datos.catalogo}
      clase="mapa-lideres"
      mapa={nombre}
      titulo={`Quién va adelante por ${nombre}`}
      idTitulo="mapa-titulo"
      singular={nombre.slice(0, -1)}
      plural={nombre}
      columna={nivel === 'distrito' ? 'Distrito' : 'Municipio'}
      leyendaTabla={`Mapa: primer lugar en cada uno de los ${nombre}`}
      fuente={(sinForma) => `${mapa.fuente}${sinForma > 0 ? ` ${entero(sinForma)} ${nombre} del catálogo no tienen forma en este mapa.` : ''}`}
      nombreFila={nombreFila}
      rutaDe={(f) => rutaDe(datos, f, corte)}
      borde={1.2}
    />
  );
}
