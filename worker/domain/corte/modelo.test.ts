import { describe, expect, it } from 'vitest';
import { catalogoEjemplo } from '../../../test/ejemplos/eleccion.ts';
import { construirModelo } from './modelo.ts';

const modelo = () => {
  const m = construirModelo(catalogoEjemplo);
  if (!m.ok) throw new Error('modelo');
  return m.value;
};

describe('construirModelo', () => {
  it('numbers every expected acta of an election in CSV order', () => {
    const gub = modelo().eleccionPorCodigo.get('GUB')!;
    expect(gub.actas).toHaveLength(15);
    expect(gub.actas.map((a) => a.orden)).toEqual([...Array(15).keys()]);
    expect(gub.actas.map((a) => a.claveCasilla).slice(0, 5)).toEqual(['140338B0100', '140338C0100', '140338C0200', '140339B0100', '140339S0100']);
  });

  it('gives each election the union of its ballots as CSV columns: parties, combinations by coalition, then the fixed ones', () => {
    expect(modelo().eleccionPorCodigo.get('AYUN')!.columnas).toEqual([
      'PAN', 'PRI', 'PRD', 'PVEM', 'PT', 'MC', 'MORENA', 'CI_1',
      'PAN_PRI_PRD', 'PAN_PRI', 'PAN_PRD', 'PRI_PRD',
      'PVEM_PT_MORENA', 'PVEM_PT', 'PVEM_MORENA', 'PT_MORENA',
      'NO_REGISTRADAS', 'NULOS',
    ]);
    expect(modelo().eleccionPorCodigo.get('DIP_LOC')!.columnas).not.toContain('CI_1');
  });

  it('orders candidaturas: coalitions, then parties and independents running alone', () => {
    expect(modelo().eleccionPorCodigo.get('GUB')!.candidaturas).toEqual(['FCXJ', 'SHHJ', 'MC']);
    expect(modelo().eleccionPorCodigo.get('AYUN')!.candidaturas).toEqual(['FCXJ', 'SHHJ', 'PAN', 'PRI', 'PRD', 'PVEM', 'PT', 'MC', 'CI_1']);
  });

  it('indexes secciones, their territories and their actas of every election', () => {
    const m = modelo();
    expect(m.actasPorSeccion.get(338)!.map((a) => a.clave)).toEqual([
      '140338B01004', '140338C01004', '140338C02004', '140338B01005', '140338C01005', '140338C02005', '140338B01006', '140338C01006', '140338C02006',
    ]);
    expect(m.seccionesPorDistrito.get(1)).toEqual([338, 339, 1120, 1121]);
    expect(m.seccionesPorMunicipio.get(120)).toEqual([2301, 2302]);
  });

  it('refuses a catalogue with a casilla outside every sección', () => {
    const r = construirModelo({ ...catalogoEjemplo, casillas: [...catalogoEjemplo.casillas, { ...catalogoEjemplo.casillas[0]!, seccion: 7777 }] });
    expect(r.ok).toBe(false);
  });
});
