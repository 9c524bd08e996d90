import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodificarArcos } from '../../../site/lib/geo.ts';
import { archivosACatalogo, type ArchivoEntrada } from './archivos/leer.ts';
import { catalogoAArchivos } from './archivos/escribir.ts';
import { avisosMapa, huellaMapa, leerMapaSecciones, recortar, recortesPorTerritorio, type TopologiaSecciones } from './mapa-secciones.ts';

const CARPETA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/fixtures/catalogo-aguascalientes');
const archivos = (): ArchivoEntrada[] => readdirSync(CARPETA).map((n) => ({ nombre: n, bytes: new Uint8Array(readFileSync(path.join(CARPETA, n))) }));
const TEXTO = readFileSync(path.join(CARPETA, 'secciones.topojson'), 'utf8');

function topologia(): TopologiaSecciones {
  const r = leerMapaSecciones(TEXTO);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** A two-square topology (secciones 1 and 2 share the middle arc), absolute positions, for the rules. */
const DOS = {
  type: 'Topology',
  arcs: [
    [
      [0, 0],
      [0, 1],
    ],
    [
      [0, 1],
      [-1, 1],
      [-1, 0],
      [0, 0],
    ],
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ],
  ],
  objects: {
    secciones: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', arcs: [[0, 1]], properties: { SECCION: 1 } },
        { type: 'Polygon', arcs: [[2, -1]], properties: { SECCION: 2 } },
      ],
    },
  },
};
/** DOS changed by `cambio` (in place, or the value it returns), as text. */
const con = (cambio: (t: typeof DOS) => unknown) => {
  const t = structuredClone(DOS);
  return JSON.stringify(cambio(t) ?? t);
};
const codigos = (texto: string) => {
  const r = leerMapaSecciones(texto);
  return r.ok ? [] : r.error.map((p) => p.codigo);
};

describe('secciones.topojson: validation', () => {
  it('reads the committed fixture: 62 secciones of distritos locales 1 and 3 of Aguascalientes', () => {
    const t = topologia();
    expect(t.objects.secciones.geometries).toHaveLength(62);
    expect(codigos(con(() => undefined))).toEqual([]);
  });

  it('refuses each kind of bad file with its own code', () => {
    expect(codigos('{"type": "Topology",')).toEqual(['MAPA_JSON']);
    expect(codigos(JSON.stringify({ type: 'FeatureCollection', features: [] }))).toEqual(['MAPA_TOPOLOGIA']);
    expect(codigos(con((t) => ({ ...t, objects: { a: t.objects.secciones, b: t.objects.secciones } })))).toEqual(['MAPA_OBJETO']);
    expect(codigos(con((t) => void (t.objects.secciones.geometries[1]!.properties = { SECCION: 0 })))).toEqual(['MAPA_SECCION']);
    expect(codigos(con((t) => void (t.objects.secciones.geometries[1]!.properties.SECCION = 1)))).toEqual(['MAPA_SECCION_REPETIDA']);
    expect(codigos(con((t) => void (t.objects.secciones.geometries[0]!.arcs = [[0, 7]])))).toEqual(['MAPA_ARCO']);
    expect(codigos(con((t) => void (t.objects.secciones.geometries[0]!.type = 'Point')))).toEqual(['MAPA_GEOMETRIA']);
    expect(codigos(con((t) => void (t.arcs[1] = [[0, 0]])))).toEqual(['MAPA_ARCO']);
    expect(codigos(con((t) => void (t.objects.secciones.geometries[0]!.arcs = [])))).toEqual(['MAPA_ARCO']);
    expect(codigos(con((t) => ({ ...t, arcs: undefined })))).toEqual(['MAPA_TOPOLOGIA']);
    expect(codigos(con((t) => ({ ...t, transform: { scale: [0, 1], translate: [0, 0] } })))).toEqual(['MAPA_TOPOLOGIA']);
    expect(codigos(con((t) => ({ ...t, objects: { secciones: { type: 'GeometryCollection' } } })))).toEqual(['MAPA_OBJETO']);
    // Metres of a projection (UTM) instead of degrees.
    expect(codigos(con((t) => void (t.arcs[0] = [[780_000, 2_430_000], [780_000, 2_430_100]])))).toEqual(['MAPA_COORDENADAS']);
  });

  it('a bad file in the folder refuses the whole catalogue, naming the file; a good one is kept as its text', () => {
    const malo = archivos().map((a) => (a.nombre === 'secciones.topojson' ? { ...a, bytes: new TextEncoder().encode(con((t) => void (t.objects.secciones.geometries[0]!.arcs = [[9]]))) } : a));
    const r = archivosACatalogo(malo);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.map((p) => `${p.archivo} ${p.codigo}`)).toEqual(['secciones.topojson MAPA_ARCO']);
    const bueno = archivosACatalogo(archivos());
    expect(bueno.ok && bueno.value.mapaSecciones).toBe(TEXTO);
    // Export writes it back byte for byte; without it, no file.
    if (!bueno.ok) return;
    expect(catalogoAArchivos(bueno.value).find((a) => a.nombre === 'secciones.topojson')?.texto).toBe(TEXTO);
    const { mapaSecciones: _, ...sin } = bueno.value;
    expect(catalogoAArchivos(sin).some((a) => a.nombre === 'secciones.topojson')).toBe(false);
  });
});

describe('the fixture folder', () => {
  it('exports back byte for byte, boundaries included', () => {
    const r = archivosACatalogo(archivos());
    if (!r.ok) throw new Error('fixture');
    const dec = new TextDecoder('utf-8', { ignoreBOM: true });
    const carpeta = new Map(archivos().map((a) => [a.nombre, dec.decode(a.bytes)]));
    for (const a of catalogoAArchivos(r.value)) expect(a.texto, a.nombre).toBe(carpeta.get(a.nombre));
  });
});

describe('secciones.topojson: warnings, not refusals', () => {
  it('names the rule and the secciones: drawn but not catalogued, catalogued but not drawn', () => {
    const cat = archivosACatalogo(archivos());
    if (!cat.ok) throw new Error('fixture');
    const avisos = avisosMapa(topologia(), cat.value.secciones);
    // Asientos (municipio 2, distrito 2) is in the catalogue without shapes.
    expect(avisos.map((a) => [a.regla, a.secciones.length])).toEqual([['MAPA_SECCION_SIN_FORMA', 17]]);
    const otras = avisosMapa(topologia(), [...cat.value.secciones.filter((s) => s.id !== 387), { id: 9999 }]);
    expect(otras.map((a) => [a.regla, a.secciones.slice(0, 1)])).toEqual([
      ['MAPA_SECCION_SIN_CATALOGO', [387]],
      ['MAPA_SECCION_SIN_FORMA', [338]],
    ]);
    expect(otras[0]!.mensaje).toContain('387');
  });
});

describe('cuts per territory', () => {
  it('keeps only the arcs the secciones use, positions unchanged, a shared border still one arc', () => {
    const t = JSON.parse(con(() => undefined)) as TopologiaSecciones;
    const solo2 = recortar(t, new Set([2]));
    expect(solo2.arcs).toEqual([t.arcs[2], t.arcs[0]]);
    expect(solo2.objects.secciones.geometries).toEqual([{ type: 'Polygon', arcs: [[0, -2]], properties: { SECCION: 2 } }]);
    expect(recortar(t, new Set([1, 2])).arcs).toHaveLength(3);
  });

  it('the fixture: a cut for each distrito and municipio with shapes, none for Asientos nor its distrito', () => {
    const cat = archivosACatalogo(archivos());
    if (!cat.ok) throw new Error('fixture');
    const recortes = recortesPorTerritorio(topologia(), cat.value.secciones);
    expect([...recortes.keys()]).toEqual(['distrito-1', 'distrito-3', 'municipio-4', 'municipio-6', 'municipio-7', 'municipio-8', 'municipio-9']);
    const tepezala = recortes.get('municipio-9')!;
    const ids = tepezala.objects.secciones.geometries.map((g) => g.properties.SECCION);
    expect(ids).toEqual(cat.value.secciones.filter((s) => s.municipio === 9).map((s) => s.id));
    // Same lon/lat as the whole file: every arc of the cut is an arc of the whole, decoded alike.
    const todo = new Set(decodificarArcos(topologia()).map((a) => JSON.stringify(a)));
    for (const a of decodificarArcos(tepezala)) expect(todo.has(JSON.stringify(a))).toBe(true);
  });

  it('the fingerprint in the URLs changes with the file', () => {
    expect(huellaMapa(TEXTO)).toMatch(/^[0-9a-f]{16}$/);
    expect(huellaMapa(TEXTO)).toBe(huellaMapa(TEXTO));
    expect(huellaMapa(`${TEXTO} `)).not.toBe(huellaMapa(TEXTO));
  });
});
