/**
 * Boundaries (TopoJSON) into SVG path strings, at build time (pages/geo/[mapa].json.ts), so the browser gets
 * ready-made paths and no map library. Pure: no I/O.
 *
 * The arcs are projected once (equirectangular, x scaled by the cosine of the middle latitude, which is faithful
 * enough for one entidad), rounded to whole units of the viewBox and simplified arc by arc (Douglas–Peucker,
 * endpoints kept): a border two territories share is one arc, so both get the same points and no gap opens.
 */

export interface Topologia {
  type: 'Topology';
  /** Quantized, delta-encoded arcs when `transform` is present; absolute positions otherwise. */
  arcs: number[][][];
  transform?: { scale: [number, number]; translate: [number, number] };
  objects: Record<string, { type: 'GeometryCollection'; geometries: Geometria[] }>;
}

export type Geometria =
  | { type: 'Polygon'; arcs: number[][]; properties?: Record<string, unknown> }
  | { type: 'MultiPolygon'; arcs: number[][][]; properties?: Record<string, unknown> }
  | { type: null; properties?: Record<string, unknown> };

type Punto = [number, number];

/** One territory's shape: its id (the join key, as the catalogue numbers it) and its SVG path. */
export interface Forma {
  id: number;
  d: string;
}

export interface MapaSvg {
  /** `0 0 ancho alto`. */
  viewBox: string;
  formas: Forma[];
}

export interface OpcionesMapa {
  /** Width of the viewBox, in its units (the height follows the shape). */
  ancho: number;
  /** Points closer than this (viewBox units) to the simplified line are dropped. */
  tolerancia: number;
  /** The territory's id from a geometry's properties. */
  id: (propiedades: Record<string, unknown>) => number;
}

/** Arcs as lon/lat positions (undoing quantization and delta encoding). */
export function decodificarArcos(t: Pick<Topologia, 'arcs' | 'transform'>): Punto[][] {
  const tr = t.transform;
  if (!tr) return t.arcs.map((a) => a.map(([x, y]) => [x!, y!] as Punto));
  const [sx, sy] = tr.scale;
  const [tx, ty] = tr.translate;
  return t.arcs.map((a) => {
    let x = 0;
    let y = 0;
    return a.map(([dx, dy]) => {
      x += dx!;
      y += dy!;
      return [x * sx + tx, y * sy + ty] as Punto;
    });
  });
}

/** Distance from `p` to the segment a–b. */
function distancia(p: Punto, a: Punto, b: Punto): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const l2 = dx * dx + dy * dy;
  const u = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2));
  return Math.hypot(p[0] - a[0] - u * dx, p[1] - a[1] - u * dy);
}

/** Douglas–Peucker: the first and last points always stay (they are where arcs meet). */
export function simplificar(linea: readonly Punto[], tolerancia: number): Punto[] {
  if (linea.length <= 2) return [...linea];
  const conservar = new Uint8Array(linea.length);
  conservar[0] = 1;
  conservar[linea.length - 1] = 1;
  const pila: [number, number][] = [[0, linea.length - 1]];
  while (pila.length > 0) {
    const [i, j] = pila.pop()!;
    let max = -1;
    let k = -1;
    for (let m = i + 1; m < j; m++) {
      const d = distancia(linea[m]!, linea[i]!, linea[j]!);
      if (d > max) [max, k] = [d, m];
    }
    if (k >= 0 && max > tolerancia) {
      conservar[k] = 1;
      pila.push([i, k], [k, j]);
    }
  }
  return linea.filter((_, i) => conservar[i] === 1);
}

/** Positions on the rounded viewBox grid, consecutive repeats dropped. */
function redondear(linea: readonly Punto[]): Punto[] {
  const out: Punto[] = [];
  for (const [x, y] of linea) {
    const p: Punto = [Math.round(x), Math.round(y)];
    const u = out.at(-1);
    if (!u || u[0] !== p[0] || u[1] !== p[1]) out.push(p);
  }
  return out;
}

/** A ring from its arc indices (a negative index ~i is arc i reversed); shared endpoints are written once. */
export function anillo(indices: readonly number[], arcos: readonly (readonly Punto[])[]): Punto[] {
  const out: Punto[] = [];
  for (const i of indices) {
    const arco = i >= 0 ? arcos[i]! : [...arcos[~i]!].reverse();
    out.push(...(out.length > 0 ? arco.slice(1) : arco));
  }
  return out;
}

/** One closed subpath in relative commands (`M x y l dx dy … z`); null when the ring collapsed. */
export function subruta(puntos: readonly Punto[]): string | null {
  const p = puntos.length > 1 && puntos[0]![0] === puntos.at(-1)![0] && puntos[0]![1] === puntos.at(-1)![1] ? puntos.slice(0, -1) : puntos;
  if (p.length < 3) return null;
  const partes = [`M${p[0]![0]} ${p[0]![1]}l`];
  const deltas: string[] = [];
  for (let i = 1; i < p.length; i++) deltas.push(`${p[i]![0] - p[i - 1]![0]} ${p[i]![1] - p[i - 1]![1]}`);
  partes.push(deltas.join(' ').replaceAll(' -', '-'), 'z');
  return partes.join('');
}

/** Every geometry of `objeto` as an SVG path in one shared viewBox. */
export function mapaSvg(t: Topologia, objeto: string, o: OpcionesMapa): MapaSvg {
  const coleccion = t.objects[objeto];
  if (!coleccion) throw new Error(`la topología no tiene el objeto ${objeto}`);
  const lonlat = decodificarArcos(t);
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const a of lonlat) {
    for (const [x, y] of a) {
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
    }
  }
  const kx = Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
  const escala = o.ancho / ((x1 - x0) * kx);
  const alto = Math.round((y1 - y0) * escala);
  const arcos = lonlat.map((a) => redondear(simplificar(a.map(([x, y]) => [(x - x0) * kx * escala, (y1 - y) * escala] as Punto), o.tolerancia)));
  const formas: Forma[] = [];
  for (const g of coleccion.geometries) {
    if (g.type === null) continue;
    const poligonos = g.type === 'Polygon' ? [g.arcs] : g.arcs;
    const d = poligonos
      .flatMap((anillos) => anillos.map((r) => subruta(anillo(r, arcos))))
      .filter((s): s is string => s !== null)
      .join('');
    if (d) formas.push({ id: o.id(g.properties ?? {}), d });
  }
  formas.sort((a, b) => a.id - b.id);
  return { viewBox: `0 0 ${o.ancho} ${alto}`, formas };
}

/** What `/geo/<mapa>.json` publishes: one level's shapes for one entidad, and where the boundaries come from. */
export interface MapaPublicado extends MapaSvg {
  /** The entidad the shapes belong to (INEGI's number): a corte of another entidad has no map. */
  entidad: number;
  nivel: 'distrito' | 'municipio';
  /** Caption of the map's source, shown under it. */
  fuente: string;
}
