import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogoEjemplo } from '../../../../test/ejemplos/eleccion.ts';
import { catalogoConPartes } from '../../../../test/ejemplos/partes.ts';
import type { Catalogo } from '../esquema.ts';
import { normalizarCatalogo } from './normalizar.ts';

/** The same catalogue with every list shuffled by the given permutation seeds. */
function barajar(cat: Catalogo, semillas: number[]): Catalogo {
  let k = 0;
  const b = <T>(xs: readonly T[]): T[] => {
    const s = semillas[k++ % semillas.length]!;
    return [...xs].map((x, i) => ({ x, r: (i * 7919 + s * 104729) % 1009 })).sort((p, q) => p.r - q.r).map((p) => p.x);
  };
  return {
    ...cat,
    elecciones: b(cat.elecciones),
    partidos: b(cat.partidos),
    coaliciones: b(cat.coaliciones).map((c) => ({ ...c, partidos: b(c.partidos) })),
    distritos: b(cat.distritos),
    municipios: b(cat.municipios),
    secciones: b(cat.secciones),
    casillas: b(cat.casillas),
    boletas: b(cat.boletas).map((x) => ({ ...x, coaliciones: b(x.coaliciones).map((c) => ({ ...c, partidos: b(c.partidos) })) })),
    candidaturas: b(cat.candidaturas),
    catds: b(cat.catds).map((c) => ({ ...c, elecciones: b(c.elecciones) })),
    ...(cat.partes === undefined ? {} : { partes: b(cat.partes) }),
  };
}

describe('normalizarCatalogo', () => {
  it('gives one order whatever order the rows came in', () => {
    const canon = normalizarCatalogo(catalogoEjemplo);
    fc.assert(fc.property(fc.array(fc.nat(1000), { minLength: 1, maxLength: 8 }), (s) => {
      expect(normalizarCatalogo(barajar(catalogoEjemplo, s))).toEqual(canon);
    }));
  });

  it('gives one order to the parts of split casillas too, and drops an empty list of parts', () => {
    const canon = normalizarCatalogo(catalogoConPartes);
    expect(canon.partes?.map((p) => `${p.seccion} ${p.eleccion} ${p.parte}`)).toEqual(['1121 AYUN 2', '2302 DIP_LOC 2']);
    fc.assert(fc.property(fc.array(fc.nat(1000), { minLength: 1, maxLength: 8 }), (s) => {
      expect(normalizarCatalogo(barajar(catalogoConPartes, s))).toEqual(canon);
    }));
    expect('partes' in normalizarCatalogo({ ...catalogoEjemplo, partes: [] })).toBe(false);
  });

  it('is idempotent and keeps every vote column where it was', () => {
    const canon = normalizarCatalogo(catalogoEjemplo);
    expect(normalizarCatalogo(canon)).toEqual(canon);
    for (const b of catalogoEjemplo.boletas) {
      expect(canon.boletas.find((x) => x.eleccion === b.eleccion && x.territorio === b.territorio)?.columnas).toEqual(b.columnas);
    }
  });

  it('orders casillas by sección, tipo B C E S M, id, ext contigua; candidaturas by the orden of their (first) party', () => {
    const canon = normalizarCatalogo(catalogoEjemplo);
    expect(canon.casillas.filter((c) => c.seccion === 1120).map((c) => `${c.tipo}${c.id}.${c.extContigua}`)).toEqual(['B1.0', 'E1.0', 'E1.1']);
    expect(canon.candidaturas.filter((c) => c.eleccion === 'AYUN' && c.territorio === 98).map((c) => c.partidoCi)).toEqual(['FCXJ', 'PVEM', 'SHHJ', 'MC']);
  });
});
