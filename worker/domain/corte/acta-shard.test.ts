import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogoEjemplo, fixtureActas } from '../../../test/ejemplos/eleccion.ts';
import { actaSintetica } from '../../../scripts/bench/corte-sintetico.ts';
import { actaEnCorte } from './acta-corte.ts';
import { actaJson, actaShard, columnasDeBoleta } from './acta-shard.ts';
import { construirModelo } from './modelo.ts';

const m = construirModelo(catalogoEjemplo);
if (!m.ok) throw new Error('modelo');
const modelo = m.value;
const esperadas = [...modelo.actaPorClave.values()];

describe('the JSON of a registered expected acta', () => {
  it('is exactly JSON.stringify of its published object, for every fixture acta', () => {
    let vistas = 0;
    for (const { acta } of fixtureActas) {
      const r = actaEnCorte(modelo, acta);
      if (!r.ok || r.value.esperada === null) continue;
      const columnas = columnasDeBoleta(r.value.esperada);
      expect(actaJson(r.value.esperada, r.value, columnas)).toBe(JSON.stringify(actaShard(r.value.esperada, r.value, columnas)));
      vistas++;
    }
    expect(vistas).toBeGreaterThan(20);
  });

  it('is exactly JSON.stringify of its published object for synthetic actas of every kind', () => {
    fc.assert(
      fc.property(fc.nat({ max: esperadas.length - 1 }), fc.nat(), fc.nat({ max: 5 }), (i, semilla, version) => {
        const r = actaEnCorte(modelo, actaSintetica(esperadas[i]!, semilla, version, 1_717_383_600_000));
        if (!r.ok || r.value.esperada === null) return;
        const columnas = columnasDeBoleta(r.value.esperada);
        expect(actaJson(r.value.esperada, r.value, columnas)).toBe(JSON.stringify(actaShard(r.value.esperada, r.value, columnas)));
      }),
      { numRuns: 300 },
    );
  });
});
