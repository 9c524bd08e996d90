/**
 * Derives, once, the Jalisco facts that come from the boundary files in data/geo, and writes them as JSON:
 *   municipios.json          the 125 municipios (INEGI CVE_MUN, NOMGEO, POB = Censo 2020 population)
 *   municipio-distritos.json which distritos locales each municipio lies in, with the share of its area
 * The generator only reads the JSON; this script is kept so the JSON can be reproduced and reviewed.
 *   npx node scripts/generador/derivar-distritos.ts [geoDir]
 *
 * Method: decode the TopoJSON arcs (quantized, delta-encoded, with `transform`) into lon/lat rings, lay a
 * regular grid of sample points over each municipio, keep the points inside it, and count in which distrito
 * each point falls (even-odd point-in-polygon). Shares below 3% are dropped as boundary noise (the two files
 * were simplified separately), except a distrito's single largest share, so every distrito keeps ≥ 1 municipio.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

type Point = [number, number];
type Ring = Point[];
interface Topology {
  arcs: number[][][];
  transform: { scale: [number, number]; translate: [number, number] };
  objects: Record<string, { geometries: { type: string; arcs: unknown; properties: Record<string, unknown> }[] }>;
}
interface Shape {
  props: Record<string, unknown>;
  rings: Ring[];
  bbox: [number, number, number, number];
}

const MIN_SHARE = 0.03;
/** Sample points wanted inside each municipio; the grid is refined until it has at least this many. */
const MIN_SAMPLES = 2000;

/** Absolute lon/lat coordinates of every arc (undoing quantization and delta encoding). */
function decodeArcs(topo: Topology): Ring[] {
  const [sx, sy] = topo.transform.scale;
  const [tx, ty] = topo.transform.translate;
  return topo.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx!;
      y += dy!;
      return [x * sx + tx, y * sy + ty] as Point;
    });
  });
}

/** A ring from arc indices; a negative index ~i is arc i reversed. Shared end points are not repeated. */
function ringFromArcs(arcs: Ring[], ids: number[]): Ring {
  const ring: Ring = [];
  for (const id of ids) {
    const arc = id >= 0 ? arcs[id]! : [...arcs[~id]!].reverse();
    ring.push(...(ring.length > 0 ? arc.slice(1) : arc));
  }
  return ring;
}

function shapes(topo: Topology, object: string): Shape[] {
  const arcs = decodeArcs(topo);
  return topo.objects[object]!.geometries.map((g) => {
    // Polygon: rings; MultiPolygon: polygons of rings. Even-odd testing treats holes and parts alike.
    const polys = (g.type === 'Polygon' ? [g.arcs] : g.arcs) as number[][][];
    const rings = polys.flatMap((p) => p.map((r) => ringFromArcs(arcs, r)));
    const xs = rings.flatMap((r) => r.map((p) => p[0]));
    const ys = rings.flatMap((r) => r.map((p) => p[1]));
    return { props: g.properties, rings, bbox: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] };
  });
}

/** Even-odd ray casting over every ring of the shape. */
function contains(s: Shape, [x, y]: Point): boolean {
  const [x0, y0, x1, y1] = s.bbox;
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  let inside = false;
  for (const ring of s.rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Grid points (cell centres) inside the shape, refining the grid until there are enough of them. */
function samples(s: Shape): Point[] {
  const [x0, y0, x1, y1] = s.bbox;
  for (let n = 64; ; n *= 2) {
    const pts: Point[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const p: Point = [x0 + ((i + 0.5) * (x1 - x0)) / n, y0 + ((j + 0.5) * (y1 - y0)) / n];
        if (contains(s, p)) pts.push(p);
      }
    }
    if (pts.length >= MIN_SAMPLES || n >= 1024) return pts;
  }
}

/** Raw share of each distrito in each municipio's area (points outside every distrito are ignored). */
function rawShares(municipios: Shape[], distritos: Shape[]): Map<number, Map<number, number>> {
  const out = new Map<number, Map<number, number>>();
  for (const m of municipios) {
    const counts = new Map<number, number>();
    let total = 0;
    for (const p of samples(m)) {
      const d = distritos.find((s) => contains(s, p));
      if (!d) continue;
      const id = Number(d.props.DISTRITO);
      counts.set(id, (counts.get(id) ?? 0) + 1);
      total++;
    }
    out.set(Number(m.props.CVE_MUN), new Map([...counts].map(([d, c]) => [d, c / total])));
  }
  return out;
}

/** Drops small shares (keeping each distrito's largest one), renormalizes, rounds to 4 decimals. */
function pruneShares(raw: Map<number, Map<number, number>>): Record<string, { distrito: number; share: number }[]> {
  const best = new Map<number, { municipio: number; share: number }>();
  for (const [m, shares] of raw) {
    for (const [d, share] of shares) if (share > (best.get(d)?.share ?? 0)) best.set(d, { municipio: m, share });
  }
  const result: Record<string, { distrito: number; share: number }[]> = {};
  for (const [m, shares] of [...raw].sort((a, b) => a[0] - b[0])) {
    const kept = [...shares].filter(([d, s]) => s >= MIN_SHARE || best.get(d)?.municipio === m);
    const sum = kept.reduce((a, [, s]) => a + s, 0);
    result[String(m)] = kept
      .sort((a, b) => a[0] - b[0])
      .map(([distrito, s]) => ({ distrito, share: Math.round((s / sum) * 10_000) / 10_000 }));
  }
  return result;
}

function main(): void {
  const raiz = path.join(path.dirname(new URL(import.meta.url).pathname), '../..');
  const here = path.join(raiz, 'data/jalisco');
  const geo = process.argv[2] ?? path.join(raiz, 'data/geo');
  const read = (f: string) => JSON.parse(readFileSync(path.join(geo, f), 'utf8')) as Topology;
  const mun = shapes(read('jalisco_municipios_inegi_s3.topojson'), 'municipios');
  const dis = shapes(read('jalisco_distritos_2024_s8.topojson'), 'distritos');

  const municipios = mun
    .map((m) => ({ id: Number(m.props.CVE_MUN), nombre: String(m.props.NOMGEO), pob: Number(m.props.POB) }))
    .sort((a, b) => a.id - b.id);
  const mapping = pruneShares(rawShares(mun, dis));

  // The invariants the generator relies on.
  if (municipios.length !== 125) throw new Error(`expected 125 municipios, got ${municipios.length}`);
  for (const m of municipios) if (!mapping[m.id]?.length) throw new Error(`municipio ${m.id} in no distrito`);
  const covered = new Set(Object.values(mapping).flatMap((l) => l.map((x) => x.distrito)));
  for (let d = 1; d <= 20; d++) if (!covered.has(d)) throw new Error(`distrito ${d} has no municipio`);

  // One entry per line: small diffs, easy to review by eye.
  const list = municipios.map((m) => ' ' + JSON.stringify(m)).join(',\n');
  const dict = Object.entries(mapping).map(([k, v]) => ` ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n');
  writeFileSync(path.join(here, 'municipios.json'), `[\n${list}\n]\n`);
  writeFileSync(path.join(here, 'municipio-distritos.json'), `{\n${dict}\n}\n`);
  console.log(`${municipios.length} municipios, ${Object.values(mapping).flat().length} municipio–distrito pairs`);
}

if (import.meta.main) main();
