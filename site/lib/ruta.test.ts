import { describe, expect, it } from 'vitest';
import { leerCorteElegido } from './corteElegido.ts';
import { hrefDe, leerRuta, padreDe, type Ruta } from './ruta.ts';

describe('routes of the election page', () => {
  const rutas: Ruta[] = [
    { vista: 'entidad', e: 'GUB' },
    { vista: 'territorio', e: 'DIP_LOC', d: 3 },
    { vista: 'territorio', e: 'AYUN', m: 39 },
    { vista: 'seccion', e: 'GUB', s: 338 },
    { vista: 'seccion', e: 'GUB', s: 338, padre: { nivel: 'distrito', id: 18 } },
    { vista: 'acta', e: 'AYUN', s: 9, a: '140009C01006', padre: { nivel: 'municipio', id: 1 } },
    { vista: 'acta', e: 'GUB', s: 9, a: '140009C01004' },
  ];

  it.each(rutas)('reads back what it writes: %o', (r) => {
    expect(leerRuta(hrefDe(r).split('?')[1]!)).toEqual(r);
  });

  it('a sección names its distrito or municipio before itself; an unknown election is no route', () => {
    expect(hrefDe({ vista: 'seccion', e: 'GUB', s: 338, padre: { nivel: 'distrito', id: 18 } })).toBe('/eleccion/?e=GUB&d=18&s=338');
    expect(leerRuta('e=gub&s=1')).toBeNull();
    expect(leerRuta('s=1')).toBeNull();
  });

  it('the parent of a sección is its municipio only for munícipes', () => {
    const s = { distrito: { id: 3 }, municipio: { id: 1 } };
    expect(padreDe('municipio', s)).toEqual({ nivel: 'municipio', id: 1 });
    expect(padreDe('distrito', s)).toEqual({ nivel: 'distrito', id: 3 });
    expect(padreDe('entidad', s)).toEqual({ nivel: 'distrito', id: 3 });
  });

  it('a link between views keeps the past corte, down to a sección and its acta; corteElegido.ts reads it back, leerRuta leaves it', () => {
    const conCorte: Ruta[] = [
      { vista: 'entidad', e: 'GUB', corte: 1 },
      { vista: 'territorio', e: 'DIP_LOC', d: 3, corte: 12 },
      { vista: 'territorio', e: 'AYUN', m: 39, corte: 7 },
      { vista: 'seccion', e: 'GUB', s: 338, padre: { nivel: 'distrito', id: 18 }, corte: 1 },
      { vista: 'seccion', e: 'GUB', s: 338, corte: 4 },
      { vista: 'acta', e: 'AYUN', s: 9, a: '140009C01006', padre: { nivel: 'municipio', id: 1 }, corte: 2 },
    ];
    expect(conCorte.map(hrefDe)).toEqual([
      '/eleccion/?e=GUB&corte=1',
      '/eleccion/?e=DIP_LOC&d=3&corte=12',
      '/eleccion/?e=AYUN&m=39&corte=7',
      '/eleccion/?e=GUB&d=18&s=338&corte=1',
      '/eleccion/?e=GUB&s=338&corte=4',
      '/eleccion/?e=AYUN&m=1&s=9&a=140009C01006&corte=2',
    ]);
    for (const r of conCorte) {
      const q = hrefDe(r).split('?')[1]!;
      expect(leerCorteElegido(q)).toEqual({ tipo: 'numero', numero: r.corte });
      const { corte: _, ...sin } = r;
      expect(leerRuta(q)).toEqual(sin);
      // Both readers together give back the route written.
      expect({ ...leerRuta(q), corte: r.corte }).toEqual(r);
    }
    expect(hrefDe({ vista: 'acta', e: 'GUB', s: 9, a: '140009C01004', corte: undefined })).toBe('/eleccion/?e=GUB&s=9&a=140009C01004');
    // No corte (or none given) is the newest: the link names none.
    expect(hrefDe({ vista: 'territorio', e: 'GUB', d: 3, corte: undefined })).toBe('/eleccion/?e=GUB&d=3');
    expect(leerCorteElegido(hrefDe({ vista: 'entidad', e: 'GUB' }).split('?')[1]!)).toEqual({ tipo: 'reciente' });
  });
});
