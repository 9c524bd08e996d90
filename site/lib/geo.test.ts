import { describe, expect, it } from 'vitest';
import { anillo, decodificarArcos, mapaSvg, simplificar, subruta, type Topologia } from './geo.ts';

/**
 * Two unit squares side by side, quantized (scale 1, so positions are the integers) and delta-encoded: arc 0 is
 * their shared border x = 1 from (1,0) to (1,1); arc 1 closes the left square, arc 2 the right one, and a
 * MultiPolygon adds a small island square (arc 3, a closed ring).
 */
const dos: Topologia = {
  type: 'Topology',
  transform: { scale: [1, 1], translate: [0, 0] },
  arcs: [
    [
      [1, 0],
      [0, 1],
    ],
    [
      [1, 1],
      [-1, 0],
      [0, -1],
      [1, 0],
    ],
    [
      [1, 0],
      [1, 0],
      [0, 1],
      [-1, 0],
    ],
    [
      [3, 0],
      [0, 1],
      [1, 0],
      [0, -1],
      [-1, 0],
    ],
  ],
  objects: {
    t: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', arcs: [[0, 1]], properties: { CLAVE: '001' } },
        { type: 'MultiPolygon', arcs: [[[2, -1]], [[3]]], properties: { CLAVE: '002' } },
        { type: null, properties: { CLAVE: '003' } },
      ],
    },
  },
};

describe('decodificarArcos', () => {
  it('undoes delta encoding and applies scale and translate', () => {
    const a = decodificarArcos({ arcs: [[[10, 20], [2, -3], [1, 1]]], transform: { scale: [0.5, 2], translate: [-100, 18] } });
    expect(a).toEqual([[[-95, 58], [-94, 52], [-93.5, 54]]]);
  });
  it('reads absolute positions when there is no transform', () => {
    expect(decodificarArcos({ arcs: [[[1, 2], [3, 4]]] })).toEqual([[[1, 2], [3, 4]]]);
  });
});

describe('simplificar', () => {
  it('drops points within the tolerance, keeps the endpoints and the points beyond it', () => {
    const l: [number, number][] = [[0, 0], [1, 0.2], [2, 0], [3, 5], [4, 0]];
    expect(simplificar(l, 0.5)).toEqual([[0, 0], [2, 0], [3, 5], [4, 0]]);
    expect(simplificar(l, 10)).toEqual([[0, 0], [4, 0]]);
    expect(simplificar(l, 0)).toEqual(l);
  });
});

describe('anillo and subruta', () => {
  it('joins arcs (a negative index reversed) writing each shared endpoint once', () => {
    const arcos: [number, number][][] = [[[0, 0], [5, 0]], [[0, 5], [5, 0]]];
    expect(anillo([0, ~1], arcos)).toEqual([[0, 0], [5, 0], [0, 5]]);
  });
  it('writes a closed relative path and drops rings that collapsed', () => {
    expect(subruta([[10, 20], [15, 20], [15, 10], [10, 20]])).toBe('M10 20l5 0 0-10z');
    expect(subruta([[1, 1], [2, 2], [1, 1]])).toBeNull();
  });
});

describe('mapaSvg', () => {
  const m = mapaSvg(dos, 't', { ancho: 400, tolerancia: 0, id: (p) => Number(p.CLAVE) });

  it('fits the width, keeps the aspect (cosine of the middle latitude) and flips north up', () => {
    // 4 × 1 degrees around latitude 0.5: cos ≈ 1, so 400 × 100.
    expect(m.viewBox).toBe('0 0 400 100');
    expect(m.formas.map((f) => f.id)).toEqual([1, 2]);
    // Left square: shared border (100,100)→(100,0), then round by (0,0) and (0,100).
    expect(m.formas[0]!.d).toBe('M100 100l0-100-100 0 0 100z');
  });

  it('gives both neighbours the same points on their shared border, and a MultiPolygon one subpath per part', () => {
    const d2 = m.formas[1]!.d;
    expect(d2.match(/M/g)).toHaveLength(2);
    // Right square: from (100,100) east, north, west to (100,0), then the shared border back down.
    expect(d2.startsWith('M100 100l100 0 0-100-100 0')).toBe(true);
    expect(d2).toContain('M300 100l0-100 100 0 0 100');
  });

  it('refuses an object the topology does not have', () => {
    expect(() => mapaSvg(dos, 'otro', { ancho: 400, tolerancia: 0, id: () => 0 })).toThrow('otro');
  });
});
