/**
 * The leaders' map of a distrito's or municipio's secciones, loaded on demand by MapaSecciones.tsx: one shape
 * per sección (the catalogue's boundaries, cut for this territory), drawn as on the entidad's map
 * (MapaDeLideres.tsx); tapping one opens the sección.
 */
import { useEffect, useState } from 'preact/hooks';
import { entero } from '../lib/formato.ts';
import { mapaSvg, type MapaSvg, type Topologia } from '../lib/geo.ts';
import type { FilaTerritorio, VistaTerritorio } from '../lib/modelo.ts';
import { obtenerJson } from '../lib/recursos.ts';
import type { Ruta } from '../lib/ruta.ts';
import { MapaDeLideres } from './MapaDeLideres.tsx';

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

const faltan = (n: number) => (n === 0 ? '' : ` ${entero(n)} ${n === 1 ? 'sección no tiene' : 'secciones no tienen'} forma en este mapa.`);

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
  return (
    <MapaDeLideres
      formas={mapa.formas}
      viewBox={mapa.viewBox}
      filas={datos.hijos.filter((f) => f.nivel === 'seccion')}
      catalogo={datos.catalogo}
      clase="mapa-lideres mapa-secciones"
      mapa="secciones"
      titulo="Quién va adelante por sección"
      idTitulo="mapa-secciones-titulo"
      singular="sección"
      plural="secciones"
      columna="Sección"
      leyendaTabla="Mapa: primer lugar en cada sección"
      fuente={(sinForma) => `Secciones: cartografía del catálogo cargado (límites simplificados).${faltan(sinForma)}`}
      nombreFila={(f) => `Sección ${f.id}`}
      rutaDe={(f) => ruta(datos, f, corte)}
      borde={0.8}
    />
  );
}
