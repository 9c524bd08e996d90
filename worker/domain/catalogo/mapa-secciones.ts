/**
 * The catalogue's optional sección boundaries (`secciones.topojson`, docs/catalogo.md): checked at import, cut
 * per distrito and municipio for publication. TopoJSON because a border two secciones share is one arc there, so
 * a territory's cut keeps its neighbours' borders identical and the portal's simplification opens no gap. Pure.
 *
 * A bad file is a problem (nothing is loaded); a sección drawn but not in the catalogue, or a catalogue sección
 * with no shape, is only a warning: the map shows what it can and says how many are missing.
 */
import { err, ok, type Result } from '../resultado.ts';
import type { ProblemaArchivo } from './archivos/problemas.ts';
import { ColeccionSchema, GeometriaSchema, OBJETO_MAPA, TopologiaSchema, type GeometriaSeccion, type TopologiaSecciones } from './mapa-esquema.ts';

export { OBJETO_MAPA, type GeometriaSeccion, type TopologiaSecciones } from './mapa-esquema.ts';

export const ARCHIVO_MAPA = 'secciones.topojson';

const problema = (codigo: string, mensaje: string): ProblemaArchivo => ({ archivo: ARCHIVO_MAPA, codigo, mensaje });

/** Where a problem is, for the person fixing the file: the geometry's position and its SECCION when it has one. */
function donde(i: number, g: unknown): string {
  const s = (g as { properties?: { SECCION?: unknown } } | null)?.properties?.SECCION;
  return `geometría ${i + 1}${typeof s === 'number' ? ` (SECCION ${s})` : ''}`;
}

/** The topology's problem, named by the first part of it the schema refused: an arc, its transform, or the rest. */
function problemaDeTopologia(camino: readonly PropertyKey[]): ProblemaArchivo {
  if (camino[0] === 'arcs' && camino.length > 1) return problema('MAPA_ARCO', `el arco ${String(camino[1])} no es una lista de al menos dos posiciones [x, y] numéricas`);
  if (camino[0] === 'transform') return problema('MAPA_TOPOLOGIA', '"transform" debe tener "scale" (dos números positivos) y "translate" (dos números)');
  return problema('MAPA_TOPOLOGIA', 'no es una topología TopoJSON ("type": "Topology" con "arcs" y "objects"); un GeoJSON se convierte con mapshaper o topojson-server');
}

/** Every arc index of a polygon's rings (i, or ~i backwards) names an existing arc. */
const anillosEnRango = (anillos: readonly (readonly number[])[], nArcos: number) => anillos.every((r) => r.every((i) => (i >= 0 ? i : ~i) < nArcos));

/** A geometry's problem, named by the first part of it the schema refused: its type, its SECCION or its rings. */
function problemaDeGeometria(i: number, g: unknown, camino: PropertyKey | undefined): ProblemaArchivo {
  const tipo = (g as { type?: unknown } | null)?.type;
  if (camino === 'properties') return problema('MAPA_SECCION', `${donde(i, g)}: le falta la propiedad SECCION, un entero de 1 a 9999`);
  if (camino === 'arcs') return problema('MAPA_ARCO', `${donde(i, g)}: sus anillos no son listas de índices de arco`);
  return problema('MAPA_GEOMETRIA', `${donde(i, g)}: es ${String(tipo)}; una sección es Polygon o MultiPolygon`);
}

function leerGeometrias(col: unknown, nArcos: number, ps: ProblemaArchivo[]): GeometriaSeccion[] {
  const c = ColeccionSchema.safeParse(col);
  if (!c.success) {
    ps.push(problema('MAPA_OBJETO', `el objeto "${OBJETO_MAPA}" debe ser una GeometryCollection con su lista "geometries"`));
    return [];
  }
  const vistas = new Map<number, number>();
  const out: GeometriaSeccion[] = [];
  c.data.geometries.forEach((x, i) => {
    const g = GeometriaSchema.safeParse(x);
    if (!g.success) {
      ps.push(problemaDeGeometria(i, x, g.error.issues[0]?.path[0]));
      return;
    }
    const s = g.data.properties.SECCION;
    const anillos = g.data.type === 'Polygon' ? g.data.arcs : g.data.arcs.flat();
    if (!anillosEnRango(anillos, nArcos)) ps.push(problema('MAPA_ARCO', `${donde(i, x)}: sus anillos nombran arcos que no existen`));
    else if (vistas.has(s)) {
      ps.push(problema('MAPA_SECCION_REPETIDA', `${donde(i, x)}: la sección ${s} ya tiene forma (geometría ${vistas.get(s)! + 1}); una sola geometría por sección (MultiPolygon si son varias partes)`));
    } else {
      vistas.set(s, i);
      out.push(g.data);
    }
  });
  return out;
}

/** Longitude and latitude of every arc position are on the globe (a projected file, in metres, is not). */
function enGrados(arcos: number[][][], tr: TopologiaSecciones['transform']): boolean {
  for (const a of arcos) {
    let [x, y] = [0, 0];
    for (const [dx, dy] of a) {
      [x, y] = tr ? [x + dx!, y + dy!] : [dx!, dy!];
      const [lon, lat] = tr ? [x * tr.scale[0] + tr.translate[0], y * tr.scale[1] + tr.translate[1]] : [x, y];
      if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return false;
    }
  }
  return true;
}

/** The file's text → its topology, or every problem found (nothing is loaded then). */
export function leerMapaSecciones(texto: string): Result<TopologiaSecciones, ProblemaArchivo[]> {
  let json: unknown;
  try {
    json = JSON.parse(texto.replace(/^\uFEFF/, ''));
  } catch (e) {
    return err([problema('MAPA_JSON', `no es JSON válido (${e instanceof Error ? e.message : String(e)})`)]);
  }
  const t = TopologiaSchema.safeParse(json);
  if (!t.success) return err([problemaDeTopologia(t.error.issues[0]?.path ?? [])]);
  const { arcs: arcos, transform, objects: objetos } = t.data;
  const nombres = Object.keys(objetos);
  const nombre = nombres.length === 1 ? nombres[0]! : OBJETO_MAPA;
  if (!(nombre in objetos)) {
    return err([problema('MAPA_OBJETO', `la topología tiene ${nombres.length} objetos (${nombres.join(', ') || 'ninguno'}); con más de uno, el de las secciones se llama "${OBJETO_MAPA}"`)]);
  }
  if (!enGrados(arcos, transform)) {
    return err([problema('MAPA_COORDENADAS', 'hay posiciones fuera de longitud ±180 / latitud ±90: las coordenadas deben ser grados (WGS84), no metros de una proyección como UTM')]);
  }
  const ps: ProblemaArchivo[] = [];
  const geometrias = leerGeometrias(objetos[nombre], arcos.length, ps);
  if (ps.length === 0 && geometrias.length === 0) ps.push(problema('MAPA_OBJETO', 'la topología no tiene ninguna sección'));
  if (ps.length > 0) return err(ps);
  return ok({ type: 'Topology', arcs: arcos, ...(transform ? { transform } : {}), objects: { [OBJETO_MAPA]: { type: 'GeometryCollection', geometries: geometrias } } });
}

/** A rule the geometry and the catalogue break without refusing the import: each names its rule and the secciones. */
export interface AvisoMapa {
  regla: 'MAPA_SECCION_SIN_CATALOGO' | 'MAPA_SECCION_SIN_FORMA';
  secciones: number[];
  mensaje: string;
}

const muestra = (xs: readonly number[]) => `${xs.slice(0, 10).join(', ')}${xs.length > 10 ? ` y ${xs.length - 10} más` : ''}`;

export function avisosMapa(t: TopologiaSecciones, secciones: readonly { id: number }[]): AvisoMapa[] {
  const conForma = new Set(t.objects[OBJETO_MAPA].geometries.map((g) => g.properties.SECCION));
  const enCatalogo = new Set(secciones.map((s) => s.id));
  const ajenas = [...conForma].filter((s) => !enCatalogo.has(s)).sort((a, b) => a - b);
  const sinForma = [...enCatalogo].filter((s) => !conForma.has(s)).sort((a, b) => a - b);
  const avisos: AvisoMapa[] = [];
  if (ajenas.length > 0) {
    avisos.push({
      regla: 'MAPA_SECCION_SIN_CATALOGO',
      secciones: ajenas,
      mensaje: `${ARCHIVO_MAPA}: ${ajenas.length} sección(es) con forma que no están en secciones.csv (no se dibujan): ${muestra(ajenas)}`,
    });
  }
  if (sinForma.length > 0) {
    avisos.push({
      regla: 'MAPA_SECCION_SIN_FORMA',
      secciones: sinForma,
      mensaje: `${ARCHIVO_MAPA}: ${sinForma.length} sección(es) de secciones.csv sin forma (el mapa de su territorio lo dice; sin ninguna, no hay mapa): ${muestra(sinForma)}`,
    });
  }
  return avisos;
}

/**
 * The topology of `ids` alone: only the arcs their rings use, renumbered, positions unchanged (so a territory's
 * cut draws exactly as the whole would). The transform is kept: quantized deltas stay relative to each arc.
 */
export function recortar(t: TopologiaSecciones, ids: ReadonlySet<number>): TopologiaSecciones {
  const geometrias = t.objects[OBJETO_MAPA].geometries.filter((g) => ids.has(g.properties.SECCION));
  const nuevo = new Map<number, number>();
  const arcs: number[][][] = [];
  const indice = (i: number) => {
    const a = i >= 0 ? i : ~i;
    let n = nuevo.get(a);
    if (n === undefined) {
      n = arcs.length;
      nuevo.set(a, n);
      arcs.push(t.arcs[a]!);
    }
    return i >= 0 ? n : ~n;
  };
  const anillos = (rs: number[][]) => rs.map((r) => r.map(indice));
  const geometries = geometrias.map((g): GeometriaSeccion => {
    const properties = { SECCION: g.properties.SECCION };
    return g.type === 'Polygon' ? { type: 'Polygon', arcs: anillos(g.arcs), properties } : { type: 'MultiPolygon', arcs: g.arcs.map(anillos), properties };
  });
  return { type: 'Topology', arcs, ...(t.transform ? { transform: t.transform } : {}), objects: { [OBJETO_MAPA]: { type: 'GeometryCollection', geometries } } };
}

/** A territory's key in the publication (`distrito-3`, `municipio-39`). */
export type ClaveTerritorio = `${'distrito' | 'municipio'}-${number}`;
export const claveTerritorio = (nivel: 'distrito' | 'municipio', id: number): ClaveTerritorio => `${nivel}-${id}`;

/**
 * Each distrito's and municipio's cut, for those with at least one shape (a territory without any has no map
 * and no entry, so the portal never asks for it).
 */
export function recortesPorTerritorio(
  t: TopologiaSecciones,
  secciones: readonly { id: number; distrito: number; municipio: number }[],
): Map<ClaveTerritorio, TopologiaSecciones> {
  const conForma = new Set(t.objects[OBJETO_MAPA].geometries.map((g) => g.properties.SECCION));
  const grupos = new Map<ClaveTerritorio, Set<number>>();
  for (const s of secciones) {
    if (!conForma.has(s.id)) continue;
    for (const k of [claveTerritorio('distrito', s.distrito), claveTerritorio('municipio', s.municipio)]) {
      const g = grupos.get(k) ?? new Set<number>();
      g.add(s.id);
      grupos.set(k, g);
    }
  }
  const claves = [...grupos.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return new Map(claves.map((k) => [k, recortar(t, grupos.get(k)!)]));
}

/**
 * A short content fingerprint (FNV-1a, 2 × 32 bits) for the maps' URLs, so a changed geometry gets new,
 * immutable addresses. Not a security hash: the catalogue's SHA-256 at puesta en ceros covers the file.
 */
export function huellaMapa(texto: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < texto.length; i++) {
    const c = texto.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}
