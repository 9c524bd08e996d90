import { describe, expect, it } from 'vitest';
import { crearAzar } from './azar.ts';

describe('azar', () => {
  it('is mulberry32: the sequence every synthetic night, catalogue and benchmark was generated with', () => {
    const a = crearAzar(7);
    expect([a.siguiente(), a.siguiente(), a.siguiente()]).toEqual([0.011704753153026104, 0.06195825757458806, 0.97690763277933]);
    const d = crearAzar(2024).derivar('noche');
    expect([d.siguiente(), d.entero(1, 6), d.elegir(['a', 'b', 'c']), d.barajar([1, 2, 3, 4, 5])]).toEqual([0.27461756858974695, 1, 'b', [2, 3, 5, 4, 1]]);
  });

  it('repeats its sequence for a seed and derives independent streams', () => {
    const a = crearAzar(7);
    const b = crearAzar(7);
    const xs = Array.from({ length: 5 }, () => a.siguiente());
    expect(Array.from({ length: 5 }, () => b.siguiente())).toEqual(xs);
    expect(crearAzar(8).siguiente()).not.toBe(xs[0]);
    expect(crearAzar(7).derivar('x').siguiente()).not.toBe(crearAzar(7).derivar('y').siguiente());
  });

  it('draws integers within both bounds and weighted indices only where the weight is positive', () => {
    const r = crearAzar(1);
    const vistos = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const v = r.entero(3, 5);
      expect(Number.isInteger(v) && v >= 3 && v <= 5).toBe(true);
      vistos.add(v);
      expect(r.indicePonderado([0, 2, 0, 1])).not.toBe(0);
    }
    expect([...vistos].sort()).toEqual([3, 4, 5]);
    expect(() => r.indicePonderado([0, 0])).toThrow();
    expect(() => r.elegir([])).toThrow();
  });
});
