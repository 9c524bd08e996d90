import { describe, expect, it } from 'vitest';
import { catalogoEjemplo } from '../../test/ejemplos/eleccion.ts';
import { catdDe } from '../simulacro/plan.ts';
import { elegirActas, type ActaBench } from './catd-actas.ts';

describe('elegirActas', () => {
  it('gives n GUB actas of ordinary casillas of each of two CATDs, with figures that raise no slip warning', () => {
    const listas = elegirActas(catalogoEjemplo, 3, 2);
    expect(listas).toHaveLength(2);
    const [pantalla, api] = listas as [ActaBench[], ActaBench[]];
    expect([pantalla.length, api.length]).toEqual([3, 3]);
    const catds = [pantalla, api].map((l) => new Set(l.map((x) => catdDe(catalogoEjemplo.catds, x.acta).id)));
    expect(catds.map((c) => c.size)).toEqual([1, 1]);
    expect([...catds[0]!][0]).not.toBe([...catds[1]!][0]);
    for (const { acta, captura } of [...pantalla, ...api]) {
      expect(acta.eleccion.codigo).toBe('GUB');
      expect(acta.casilla.tipo).not.toBe('S');
      const votos = Object.values(captura.votos);
      expect(votos.every((v) => typeof v === 'number')).toBe(true);
      const suma = votos.reduce<number>((s, v) => s + (v as number), 0);
      expect(suma).toBeLessThanOrEqual(acta.casilla.listaNominal);
      expect([captura.totales.TOTAL_VOTOS_ASENTADO, captura.totales.TOTAL_VOTOS_SACADOS]).toEqual([suma, suma]);
    }
  });

  it('refuses when two CATDs do not have that many', () => {
    expect(() => elegirActas(catalogoEjemplo, 1000, 2)).toThrow(/2 CATDs con 1000/);
    // The example catalogue has two CATDs for GUB.
    expect(() => elegirActas(catalogoEjemplo, 3, 3)).toThrow(/3 CATDs con 3/);
  });
});
