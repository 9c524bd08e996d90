import { describe, expect, it } from 'vitest';
import type { Catalogo, Eleccion, Seccion } from '../catalogo/esquema.ts';
import { catalogoEjemplo } from '../../../test/ejemplos/eleccion.ts';
import { actasEsperadas, ActaEsperadaSchema, territorioDeActa } from './esperadas.ts';

describe('territorioDeActa', () => {
  const seccion: Seccion = { id: 338, distrito: 1, municipio: 39 };
  const eleccion = (territorio: Eleccion['territorio']): Eleccion => ({
    codigo: 'X', nombre: 'X', territorio, tipoActa: '1', boletasEspecial: 750, orden: 0,
  });
  it.each([
    ['entidad', 0],
    ['distrito', 1],
    ['municipio', 39],
  ] as const)('%s → %i', (t, esperado) => {
    expect(territorioDeActa(eleccion(t), seccion)).toBe(esperado);
  });
});

describe('actasEsperadas', () => {
  it('gives one acta per casilla per election, in CSV order, with its ballot', () => {
    const r = actasEsperadas(catalogoEjemplo);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const gub = r.value.filter((a) => a.eleccion.codigo === 'GUB').map((a) => a.clave);
    expect(gub).toEqual([
      '140338B01004', '140338C01004', '140338C02004', '140339B01004', '140339S01004',
      '141120B01004', '141120E01004', '141120E01014', '141121B01004', '141121C01004',
      '142301B01004', '142301M01004', '142302B01004', '142302C01004', '142302S01004',
    ]);
    expect(r.value.map((a) => a.eleccion.codigo)).toEqual([...Array(15).fill('GUB'), ...Array(15).fill('DIP_LOC'), ...Array(15).fill('AYUN')]);
    const zapopan = r.value.find((a) => a.clave === '142301B01006')!;
    expect([zapopan.territorio, zapopan.boleta.territorio, zapopan.claveCasilla]).toEqual([120, 120, '142301B0100']);
    for (const a of r.value) expect(ActaEsperadaSchema.safeParse(a).success).toBe(true);
  });

  it('orders by distrito before sección', () => {
    const cat: Catalogo = {
      ...catalogoEjemplo,
      secciones: catalogoEjemplo.secciones.map((s) => (s.id === 338 ? { ...s, distrito: 2 } : s)),
    };
    const r = actasEsperadas(cat);
    if (!r.ok) throw new Error('expected ok');
    const gub = r.value.filter((a) => a.eleccion.codigo === 'GUB').map((a) => a.clave);
    // sección 338 now in distrito 2: after every casilla of distrito 1, before sección 2301
    expect(gub.slice(7, 11)).toEqual(['140338B01004', '140338C01004', '140338C02004', '142301B01004']);
  });

  it('reports every casilla without a sección and every missing ballot', () => {
    const cat: Catalogo = {
      ...catalogoEjemplo,
      casillas: [...catalogoEjemplo.casillas, { seccion: 5000, tipo: 'B', id: 1, extContigua: 0, ubicacion: 1, listaNominal: 1, representantes: 0 }],
      boletas: catalogoEjemplo.boletas.filter((b) => !(b.eleccion === 'AYUN' && b.territorio === 98)),
    };
    expect(actasEsperadas(cat)).toEqual({
      ok: false,
      error: [
        { motivo: 'SECCION_DESCONOCIDA', seccion: 5000 },
        { motivo: 'SIN_BOLETA', eleccion: 'AYUN', territorio: 98 },
      ],
    });
  });
});
