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

type Punto = [number, number];
type Anillo = Punto[];
interface Topologia {
  arcs: number[][][];
  transform: { scale: [number, number]; translate: [number, number] };
  objects: Record<string, { geometries: { type: string; arcs: unknown; properties: Record<string, unknown> }[] }>;
}
interface Figura {
  propiedades: Record<string, unknown>;
  anillos: Anillo[];
  caja: [number, number, number, number];
}

const PROPORCION_MINIMA = 0.03;
/** Sample points wanted inside each municipio; the grid is refined until it has at least this many. */
const MUESTRAS_MINIMAS = 2000;

/** Absolute lon/lat coordinates of every arc (undoing quantization and delta encoding). */
function decodificarArcos(topologia: Topologia): Anillo[] {
  const [sx, sy] = topologia.transform.scale;
  const [tx, ty] = topologia.transform.translate;
  return topologia.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx!;
      y += dy!;
      return [x * sx + tx, y * sy + ty] as Punto;
    });
  });
}

/** A ring from arc indices; a negative index ~i is arc i reversed. Shared end points are not repeated. */
function anilloDeArcos(arcs: Anillo[], ids: number[]): Anillo {
  const anillo: Anillo = [];
  for (const id of ids) {
    const arc = id >= 0 ? arcs[id]! : [...arcs[~id]!].reverse();
    anillo.push(...(anillo.length > 0 ? arc.slice(1) : arc));
  }
  return anillo;
}

function figuras(topologia: Topologia, objeto: string): Figura[] {
  const arcs = decodificarArcos(topologia);
  return topologia.objects[objeto]!.geometries.map((g) => {
    // Polygon: rings; MultiPolygon: polygons of rings. Even-odd testing treats holes and parts alike.
    const poligonos = (g.type === 'Polygon' ? [g.arcs] : g.arcs) as number[][][];
    const anillos = poligonos.flatMap((p) => p.map((r) => anilloDeArcos(arcs, r)));
    const xs = anillos.flatMap((r) => r.map((p) => p[0]));
    const ys = anillos.flatMap((r) => r.map((p) => p[1]));
    return { propiedades: g.properties, anillos, caja: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] };
  });
}

/** Even-odd ray casting over every ring of the shape. */
function contiene(s: Figura, [x, y]: Punto): boolean {
  const [x0, y0, x1, y1] = s.caja;
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  let dentro = false;
  for (const anillo of s.anillos) {
    for (let i = 0, j = anillo.length - 1; i < anillo.length; j = i++) {
      const [xi, yi] = anillo[i]!;
      const [xj, yj] = anillo[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) dentro = !dentro;
    }
  }
  return dentro;
}

/** Grid points (cell centres) inside the shape, refining the grid until there are enough of them. */
function muestras(s: Figura): Punto[] {
  const [x0, y0, x1, y1] = s.caja;
  for (let n = 64; ; n *= 2) {
    const puntos: Punto[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const p: Punto = [x0 + ((i + 0.5) * (x1 - x0)) / n, y0 + ((j + 0.5) * (y1 - y0)) / n];
        if (contiene(s, p)) puntos.push(p);
      }
    }
    if (puntos.length >= MUESTRAS_MINIMAS || n >= 1024) return puntos;
  }
}

/** Raw share of each distrito in each municipio's area (points outside every distrito are ignored). */
function proporcionesBrutas(municipios: Figura[], distritos: Figura[]): Map<number, Map<number, number>> {
  const out = new Map<number, Map<number, number>>();
  for (const m of municipios) {
    const cuentas = new Map<number, number>();
    let total = 0;
    for (const p of muestras(m)) {
      const d = distritos.find((s) => contiene(s, p));
      if (!d) continue;
      const id = Number(d.propiedades.DISTRITO);
      cuentas.set(id, (cuentas.get(id) ?? 0) + 1);
      total++;
    }
    out.set(Number(m.propiedades.CVE_MUN), new Map([...cuentas].map(([d, c]) => [d, c / total])));
  }
  return out;
}

/** Drops small shares (keeping each distrito's largest one), renormalizes, rounds to 4 decimals. */
function podarProporciones(raw: Map<number, Map<number, number>>): Record<string, { distrito: number; share: number }[]> {
  const mayor = new Map<number, { municipio: number; proporcion: number }>();
  for (const [m, proporciones] of raw) {
    for (const [d, proporcion] of proporciones) if (proporcion > (mayor.get(d)?.proporcion ?? 0)) mayor.set(d, { municipio: m, proporcion });
  }
  const resultado: Record<string, { distrito: number; share: number }[]> = {};
  for (const [m, proporciones] of [...raw].sort((a, b) => a[0] - b[0])) {
    const conservadas = [...proporciones].filter(([d, s]) => s >= PROPORCION_MINIMA || mayor.get(d)?.municipio === m);
    const suma = conservadas.reduce((a, [, s]) => a + s, 0);
    resultado[String(m)] = conservadas
      .sort((a, b) => a[0] - b[0])
      .map(([distrito, s]) => ({ distrito, share: Math.round((s / suma) * 10_000) / 10_000 }));
  }
  return resultado;
}

function main(): void {
  const raiz = path.join(path.dirname(new URL(import.meta.url).pathname), '../..');
  const destino = path.join(raiz, 'data/jalisco');
  const geo = process.argv[2] ?? path.join(raiz, 'data/geo');
  const leer = (f: string) => JSON.parse(readFileSync(path.join(geo, f), 'utf8')) as Topologia;
  const figurasMunicipios = figuras(leer('jalisco_municipios_inegi_s3.topojson'), 'municipios');
  const figurasDistritos = figuras(leer('jalisco_distritos_2024_s8.topojson'), 'distritos');

  const municipios = figurasMunicipios
    .map((m) => ({ id: Number(m.propiedades.CVE_MUN), nombre: String(m.propiedades.NOMGEO), pob: Number(m.propiedades.POB) }))
    .sort((a, b) => a.id - b.id);
  const reparto = podarProporciones(proporcionesBrutas(figurasMunicipios, figurasDistritos));

  // The invariants the generator relies on.
  if (municipios.length !== 125) throw new Error(`expected 125 municipios, got ${municipios.length}`);
  for (const m of municipios) if (!reparto[m.id]?.length) throw new Error(`municipio ${m.id} in no distrito`);
  const cubiertos = new Set(Object.values(reparto).flatMap((l) => l.map((x) => x.distrito)));
  for (let d = 1; d <= 20; d++) if (!cubiertos.has(d)) throw new Error(`distrito ${d} has no municipio`);

  // One entry per line: small diffs, easy to review by eye.
  const lineasMunicipios = municipios.map((m) => ` ${JSON.stringify(m)}`).join(',\n');
  const lineasReparto = Object.entries(reparto).map(([k, v]) => ` ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n');
  writeFileSync(path.join(destino, 'municipios.json'), `[\n${lineasMunicipios}\n]\n`);
  writeFileSync(path.join(destino, 'municipio-distritos.json'), `{\n${lineasReparto}\n}\n`);
  console.log(`${municipios.length} municipios, ${Object.values(reparto).flat().length} municipio–distrito pairs`);
}

if (import.meta.main) main();
