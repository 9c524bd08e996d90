import { describe, expect, it } from 'vitest';
import { catalogoEjemplo } from '../../../../test/ejemplos/eleccion.ts';
import { describirCambios, diferenciasCatalogos, sinCambios } from './diferencias.ts';
import { normalizarCatalogo } from './normalizar.ts';

describe('diferenciasCatalogos', () => {
  it('finds nothing between a catalogue and its canonical form', () => {
    expect(sinCambios(diferenciasCatalogos(catalogoEjemplo, normalizarCatalogo(catalogoEjemplo)))).toBe(true);
  });

  it('counts casillas added, removed and changed by CLAVE_CASILLA, and the other tables by key', () => {
    const casillas = catalogoEjemplo.casillas
      .filter((c) => !(c.seccion === 2302 && c.tipo === 'C'))
      .map((c) => (c.seccion === 338 && c.tipo === 'B' ? { ...c, listaNominal: 613 } : c));
    const nuevo = {
      ...catalogoEjemplo,
      casillas: [...casillas, { seccion: 339, tipo: 'C' as const, id: 1, extContigua: 0, ubicacion: 1 as const, listaNominal: 300, representantes: 7 }],
      catds: catalogoEjemplo.catds.map((c) => (c.id === 'CATD-D02' ? { ...c, nombre: 'CATD Zapopan' } : c)),
    };
    const d = diferenciasCatalogos(catalogoEjemplo, nuevo);
    expect(sinCambios(d)).toBe(false);
    expect(d.tablas.casillas).toEqual({ agregadas: ['140339C0100'], quitadas: ['142302C0100'], cambiadas: ['140338B0100'] });
    expect(describirCambios(d)).toEqual([
      'casillas agregadas: 1: 140339C0100',
      'casillas quitadas: 1: 142302C0100',
      'casillas cambiadas: 1: 140338B0100',
      'CATD: 1 cambiadas',
    ]);
  });

  it('shows a few examples and an ellipsis', () => {
    const d = diferenciasCatalogos(catalogoEjemplo, { ...catalogoEjemplo, casillas: catalogoEjemplo.casillas.slice(0, 2) });
    expect(describirCambios(d, 2)[1]).toBe('casillas quitadas: 13: 140338C0200, 140339B0100, …');
  });
});
