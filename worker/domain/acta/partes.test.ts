/** A split casilla's further acta parts: their keys, their expected actas and the catalogue's checks on them. */
import { describe, expect, it } from 'vitest';
import { catalogoConPartes, PARTE_AYUN, PARTE_DIP } from '../../../test/ejemplos/partes.ts';
import { validarCatalogo } from '../catalogo/validar.ts';
import { claveActaPublicada, claveDeParte, parseClaveActa, parteDeClave } from '../claves/clave.ts';
import { actasEsperadas } from './esperadas.ts';

describe('part keys', () => {
  it('part 1 is the CLAVE_ACTA, part n its `-n`, and back', () => {
    expect(claveDeParte('141121B01006', 1)).toBe('141121B01006');
    expect(claveDeParte('141121B01006', 2)).toBe('141121B01006-2');
    expect(parteDeClave('141121B01006-2')).toEqual({ clave: '141121B01006', parte: 2 });
    expect(parteDeClave('141121B01006')).toEqual({ clave: '141121B01006', parte: 1 });
    expect(claveActaPublicada('141121B01006-3')).toBe('141121B01006');
    expect(() => claveDeParte('X', 10)).toThrow();
  });
  it('parses a part key, with its part number', () => {
    const r = parseClaveActa("'141121B01006-2", ['4', '5', '6']);
    expect(r.ok && r.value).toMatchObject({ claveCasilla: '141121B0100', tipoActa: '6', parte: 2 });
    expect(parseClaveActa('141121B01006-1', ['6']).ok).toBe(false);
  });
});

describe('expected actas of a catalogue with parts', () => {
  const r = actasEsperadas(catalogoConPartes);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const actas = r.value;

  it('adds one acta per part, after part 1, in its own territory, ballot and lista nominal', () => {
    const ayun = actas.filter((a) => a.eleccion.codigo === 'AYUN');
    expect(ayun).toHaveLength(16);
    const p2 = ayun.find((a) => a.clave === '141121B01006-2')!;
    expect(p2).toMatchObject({ parte: 2, claveCasilla: '141121B0100', territorio: 39, seccion: { id: 1121, distrito: 1, municipio: 39 } });
    expect(p2.boleta.territorio).toBe(39);
    expect(p2.casilla.listaNominal).toBe(4);
    const p1 = ayun.find((a) => a.clave === '141121B01006')!;
    expect(p1).toMatchObject({ parte: 1, territorio: 98 });
    expect(p1.casilla.listaNominal).toBe(701);
    expect(ayun.indexOf(p2)).toBe(ayun.indexOf(p1) + 1);
  });
  it('a part exists only in its election; its casilla keeps one acta in the others', () => {
    expect(actas.filter((a) => a.claveCasilla === '141121B0100').map((a) => a.clave)).toEqual(['141121B01004', '141121B01005', '141121B01006', '141121B01006-2']);
  });
  it('puts a part right after its part 1, wherever it counts (the n-th row of a CLAVE_ACTA is part n)', () => {
    const dip = actas.filter((a) => a.eleccion.codigo === 'DIP_LOC');
    const i = dip.findIndex((a) => a.clave === '142302C01005-2');
    expect(dip[i - 1]!.clave).toBe('142302C01005');
    expect(dip[i]!.seccion.distrito).toBe(1);
    expect(dip[i - 1]!.seccion.distrito).toBe(2);
  });
  it('a catalogue without parts builds what it always did', () => {
    const sin = actasEsperadas({ ...catalogoConPartes, partes: [] });
    expect(sin.ok && sin.value.length).toBe(actas.length - 2);
    expect(sin.ok && sin.value.every((a) => a.parte === 1)).toBe(true);
  });
});

describe('catalogue checks of parts', () => {
  const codigos = (partes: typeof catalogoConPartes.partes) => validarCatalogo({ ...catalogoConPartes, partes }).map((p) => `${p.tabla}:${p.fila}:${p.codigo}`);
  it('accepts the example', () => {
    expect(validarCatalogo(catalogoConPartes)).toEqual([]);
  });
  it('refuses unknown casillas, elections, territories, repeated and gapped parts, a ballot missing', () => {
    expect(codigos([{ ...PARTE_AYUN, id: 7 }])).toEqual(['partes:1:CASILLA_DESCONOCIDA']);
    expect(codigos([{ ...PARTE_AYUN, eleccion: 'JM' }])).toEqual(['partes:1:ELECCION_DESCONOCIDA']);
    expect(codigos([{ ...PARTE_AYUN, municipio: 5 }])).toEqual(['partes:1:MUNICIPIO_DESCONOCIDO', 'partes:1:SIN_BOLETA']);
    expect(codigos([{ ...PARTE_DIP, distrito: 9 }])).toEqual(['partes:1:DISTRITO_DESCONOCIDO', 'partes:1:SIN_BOLETA']);
    expect(codigos([PARTE_AYUN, PARTE_AYUN])).toEqual(['partes:2:DUPLICADO']);
    expect(codigos([{ ...PARTE_AYUN, parte: 3 }])).toEqual(['partes:1:PARTE_SIN_ANTERIOR']);
    expect(codigos([{ ...PARTE_AYUN, seccion: 339, tipo: 'S', listaNominal: 3 }])).toEqual(['partes:1:LISTA_NOMINAL_NO_CERO']);
  });
});
