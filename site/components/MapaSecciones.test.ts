import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archivosACatalogo } from '../../worker/domain/catalogo/archivos/leer.ts';
import { leerMapaSecciones, recortesPorTerritorio } from '../../worker/domain/catalogo/mapa-secciones.ts';
import type { CorteInfo } from '../lib/modelo.ts';
import { urlMapaSecciones } from './MapaSecciones.tsx';
import { formasSecciones } from './MapaSeccionesLideres.tsx';

const CARPETA = path.resolve(import.meta.dirname, '../../data/fixtures/catalogo-aguascalientes');

const corte = (mapas?: CorteInfo['mapas']): CorteInfo => ({
  numero: 1,
  instante: 0,
  offsetMinutes: -360,
  final: false,
  entidad: { id: 1, nombre: 'Aguascalientes', sintetico: true },
  ...(mapas ? { mapas } : {}),
});
const MAPAS = { ruta: 'datos/1/mapas/0123456789abcdef', territorios: ['distrito-3', 'municipio-9'] };

describe('whether a territory view asks for its sección map', () => {
  it('only for a territory the pointer lists, at its address', () => {
    expect(urlMapaSecciones({ nivel: 'municipio', id: 9, corte: corte(MAPAS) })).toBe('/datos/1/mapas/0123456789abcdef/municipio-9.json');
    expect(urlMapaSecciones({ nivel: 'distrito', id: 3, corte: corte(MAPAS) })).toBe('/datos/1/mapas/0123456789abcdef/distrito-3.json');
    // Same number, other level; a territory without shapes; the entidad.
    expect(urlMapaSecciones({ nivel: 'distrito', id: 9, corte: corte(MAPAS) })).toBeNull();
    expect(urlMapaSecciones({ nivel: 'municipio', id: 2, corte: corte(MAPAS) })).toBeNull();
    expect(urlMapaSecciones({ nivel: 'entidad', id: 1, corte: corte(MAPAS) })).toBeNull();
  });

  it('never when the catalogue has no boundaries (the pointer names no maps)', () => {
    expect(urlMapaSecciones({ nivel: 'municipio', id: 9, corte: corte() })).toBeNull();
  });
});

describe('the sección map of a cut', () => {
  it('the portal draws one path per sección of the cut, in the cut’s own frame', () => {
    const cat = archivosACatalogo(readdirSync(CARPETA).map((n) => ({ nombre: n, bytes: new Uint8Array(readFileSync(path.join(CARPETA, n))) })));
    if (!cat.ok) throw new Error('fixture');
    const t = leerMapaSecciones(cat.value.mapaSecciones!);
    if (!t.ok) throw new Error('fixture');
    const corte = recortesPorTerritorio(t.value, cat.value.secciones).get('distrito-3')!;
    const svg = formasSecciones(JSON.parse(JSON.stringify(corte)));
    expect(svg.formas.map((f) => f.id)).toEqual(corte.objects.secciones.geometries.map((g) => g.properties.SECCION).sort((a, b) => a - b));
    expect(svg.viewBox).toMatch(/^0 0 600 \d+$/);
    for (const f of svg.formas) expect(f.d).toMatch(/^M\d+ \d+l/);
    // A territory's map weighs a few KB.
    expect(JSON.stringify(corte).length).toBeLessThan(20_000);
  });

});
