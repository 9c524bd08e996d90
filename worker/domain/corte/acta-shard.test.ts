import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogoEjemplo, fixtureActas } from '../../../test/ejemplos/eleccion.ts';
import { actaSintetica } from '../../../scripts/bench/corte-sintetico.ts';
import { actaDeFila } from '../contrato/index.ts';
import { actaEnCorte } from './acta-corte.ts';
import { actaCompleta, actaJson, actaShard, columnasDeBoleta } from './acta-shard.ts';
import { construirModelo } from './modelo.ts';
import { ActaFilaSchema } from './shards.ts';

const m = construirModelo(catalogoEjemplo);
if (!m.ok) throw new Error('modelo');
const modelo = m.value;
const esperadas = [...modelo.actaPorClave.values()];

/** The row's JSON is the fast path's text, parses with its schema and reads back as the acta's `ActaShard`. */
function comprobar(acta: Parameters<typeof actaEnCorte>[1]): boolean {
  const r = actaEnCorte(modelo, acta);
  if (!r.ok || r.value.esperada === null) return false;
  const a = r.value.esperada;
  const columnas = columnasDeBoleta(a);
  const fila = actaShard(a, r.value, columnas);
  expect(actaJson(a, r.value, columnas)).toBe(JSON.stringify(fila));
  expect(ActaFilaSchema.parse(JSON.parse(JSON.stringify(fila)))).toEqual(fila);
  expect(actaDeFila(fila, a.seccion.id)).toEqual(actaCompleta(a, r.value, columnas));
  return true;
}

describe('an expected acta in its sección shard', () => {
  it('registered: its JSON is exactly JSON.stringify of its row, which reads back as its ActaShard, for every fixture acta', () => {
    const vistas = fixtureActas.filter(({ acta }) => comprobar(acta)).length;
    expect(vistas).toBeGreaterThan(20);
  });

  it('the same for synthetic actas of every kind', () => {
    fc.assert(
      fc.property(fc.nat({ max: esperadas.length - 1 }), fc.nat(), fc.nat({ max: 5 }), (i, semilla, version) => {
        comprobar(actaSintetica(esperadas[i]!, semilla, version, 1_717_383_600_000));
      }),
      { numRuns: 300 },
    );
  });

  it('pending: its row reads back as an unregistered ActaShard with its casilla', () => {
    for (const a of esperadas.slice(0, 10)) {
      const fila = actaShard(a, undefined, columnasDeBoleta(a));
      const leida = actaDeFila(fila, a.seccion.id);
      expect(leida).toEqual(actaCompleta(a, undefined, columnasDeBoleta(a)));
      expect([leida.registrada, leida.casilla.seccion, leida.casilla.clave]).toEqual([false, a.casilla.seccion, a.claveCasilla]);
    }
  });
});
