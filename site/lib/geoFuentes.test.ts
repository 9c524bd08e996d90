// The shipped boundaries join the synthetic Jalisco catalogue by id, and by name where the source has names.
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import distritosJalisco from '../../data/jalisco/distritos.json' with { type: 'json' };
import { generarJalisco } from '../../scripts/generador/generar.ts';
import { anillo, decodificarArcos, type Geometria, type Topologia } from './geo.ts';
import { mapaPublicado, textoFuente } from './geoFuentes.ts';

const cat = generarJalisco(2024);
type Punto = readonly [number, number];
/** The rings of a geometry, in lon/lat. */
function anillos(t: Topologia, objeto: string, id: (p: Record<string, unknown>) => boolean): Punto[][] {
  const arcos = decodificarArcos(t);
  const g = t.objects[objeto]!.geometries.find((x) => id(x.properties ?? {})) as Exclude<Geometria, { type: null }>;
  return (g.type === 'Polygon' ? [g.arcs] : g.arcs).flatMap((p) => p.map((r) => anillo(r, arcos)));
}
/** Even–odd point in polygon. */
function dentro([x, y]: Punto, rs: readonly Punto[][]): boolean {
  let c = false;
  for (const r of rs) {
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const [xi, yi] = r[i]!;
      const [xj, yj] = r[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
    }
  }
  return c;
}
const sinAcentos = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

describe('the Jalisco maps built from data/geo', () => {
  it('draws one shape per municipio of the catalogue, the same id and name as INEGI numbers it', () => {
    const m = mapaPublicado('municipios', textoFuente('municipios'));
    expect(m).toMatchObject({ entidad: cat.entidad.id, nivel: 'municipio' });
    expect(m.formas.map((f) => f.id)).toEqual(cat.municipios.map((x) => x.id).sort((a, b) => a - b));
    const t = JSON.parse(textoFuente('municipios')) as { objects: { municipios: { geometries: { properties: { CVE_MUN: string; NOMGEO: string } }[] } } };
    const nombres = new Map(cat.municipios.map((x) => [x.id, sinAcentos(x.nombre)]));
    for (const g of t.objects.municipios.geometries) expect(sinAcentos(g.properties.NOMGEO)).toBe(nombres.get(Number(g.properties.CVE_MUN)));
    expect(m.formas.every((f) => /^M\d+ \d+l/.test(f.d))).toBe(true);
  });

  it('draws one shape per distrito of the catalogue', () => {
    const m = mapaPublicado('distritos', textoFuente('distritos'));
    expect(m).toMatchObject({ entidad: cat.entidad.id, nivel: 'distrito' });
    expect(m.formas.map((f) => f.id)).toEqual(cat.distritos.map((x) => x.id).sort((a, b) => a - b));
  });

  it('numbers the distritos as the catalogue does: each lies over its cabecera municipio (the source has no names)', () => {
    const mu = JSON.parse(textoFuente('municipios')) as Topologia;
    const di = JSON.parse(textoFuente('distritos')) as Topologia;
    for (const d of distritosJalisco) {
      const m = anillos(mu, 'municipios', (p) => Number(p.CVE_MUN) === d.municipio);
      const r = anillos(di, 'distritos', (p) => p.DISTRITO === d.id);
      // A metropolitan municipio holds several distritos, a rural distrito several municipios: either way round.
      const parte = (a: Punto[][], b: Punto[][]) => a.flat().filter((p) => dentro(p, b)).length / a.flat().length;
      expect(Math.max(parte(m, r), parte(r, m)), `distrito ${d.id} (${d.cabecera})`).toBeGreaterThan(0.25);
    }
  });

  it('stays light: under 12 KB gzip for the municipios and 5 KB for the distritos', () => {
    const gz = (n: 'municipios' | 'distritos') => gzipSync(JSON.stringify(mapaPublicado(n, textoFuente(n))), { level: 9 }).length;
    expect(gz('municipios')).toBeLessThan(12 * 1024);
    expect(gz('distritos')).toBeLessThan(5 * 1024);
  });
});
