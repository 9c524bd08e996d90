/**
 * The boundaries the portal draws (data/geo/, credits in data/geo/PROCEDENCIA.md) and how each joins the
 * catalogue: Jalisco's municipios by INEGI's CVE_MUN (the synthetic catalogue numbers them the same way, names
 * included) and its distritos by DISTRITO (1–20; the source's ID is another numbering). Read at build time only.
 */
import { mapaSvg, type MapaPublicado, type Topologia } from './geo.ts';

const archivos = import.meta.glob<string>('../../data/geo/*.topojson', { query: '?raw', import: 'default', eager: true });

/** A map's name in its URL (`/geo/<nombre>.json`). */
export type NombreMapa = 'municipios' | 'distritos';

interface Fuente {
  archivo: string;
  objeto: string;
  nivel: MapaPublicado['nivel'];
  id: (p: Record<string, unknown>) => number;
  entidad: (p: Record<string, unknown>) => number;
  fuente: string;
}

export const FUENTES: Record<NombreMapa, Fuente> = {
  municipios: {
    archivo: 'jalisco_municipios_inegi_s3.topojson',
    objeto: 'municipios',
    nivel: 'municipio',
    id: (p) => Number(p.CVE_MUN),
    entidad: (p) => Number(p.CVE_ENT),
    fuente: 'Fuente: INEGI, Marco Geoestadístico (límites simplificados).',
  },
  distritos: {
    archivo: 'jalisco_distritos_2024_s8.topojson',
    objeto: 'distritos',
    nivel: 'distrito',
    id: (p) => Number(p.DISTRITO),
    entidad: (p) => Number(p.ENTIDAD),
    fuente: 'Distritos: demarcación 2024, cartografía del INE vía Jalisco Cómo Vamos (límites simplificados).',
  },
};

/** viewBox width and simplification: ~9 KB gzip for 125 municipios, borders within a unit of the source's. */
const ANCHO = 800;
const TOLERANCIA = 1;

/** One map's shapes from its boundaries file (`texto`, TopoJSON). */
export function mapaPublicado(nombre: NombreMapa, texto: string): MapaPublicado {
  const f = FUENTES[nombre];
  const t = JSON.parse(texto) as Topologia;
  const primera = t.objects[f.objeto]?.geometries[0]?.properties ?? {};
  return { entidad: f.entidad(primera), nivel: f.nivel, fuente: f.fuente, ...mapaSvg(t, f.objeto, { ancho: ANCHO, tolerancia: TOLERANCIA, id: f.id }) };
}

/** The boundaries file of a map, as bundled at build time. */
export function textoFuente(nombre: NombreMapa): string {
  const texto = archivos[`../../data/geo/${FUENTES[nombre].archivo}`];
  if (texto === undefined) throw new Error(`falta data/geo/${FUENTES[nombre].archivo}`);
  return texto;
}
