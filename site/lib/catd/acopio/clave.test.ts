import { describe, expect, it } from 'vitest';
import { normalizarClave, revisarClave, type ReglasClave } from './clave.ts';

const JALISCO: ReglasClave = { entidad: 14, tiposActa: ['2', '4', '5'] };
const SIN_CATALOGO: ReglasClave = { entidad: null, tiposActa: null };

describe('normalizarClave', () => {
  it('drops blanks, the spreadsheet apostrophe and lower case', () => {
    expect(normalizarClave(" '140338b01004 ")).toBe('140338B01004');
    expect(normalizarClave('1403 38B0 1004')).toBe('140338B01004');
  });
});

describe('revisarClave', () => {
  it('accepts a whole clave of this entidad and a known acta type, with its parts', () => {
    expect(revisarClave('140338B01004', JALISCO)).toEqual({
      estado: 'valida',
      clave: '140338B01004',
      seccion: 338,
      tipo: 'B',
      casilla: 1,
      extContigua: 0,
      tipoActa: '4',
      parte: 1,
    });
  });

  it("accepts part n's key (CLAVE_ACTA-n, n from 2 to 9) of a split sección, with its part", () => {
    expect(revisarClave('141121B01006-2', { entidad: 14, tiposActa: ['4', '6'] })).toMatchObject({ estado: 'valida', clave: '141121B01006-2', tipoActa: '6', parte: 2 });
    expect(revisarClave('140338B01004-9', SIN_CATALOGO)).toMatchObject({ estado: 'valida', parte: 9 });
    expect(revisarClave('140338B01004-', JALISCO)).toEqual({ estado: 'incompleta', mensaje: 'Falta el número de parte (2 a 9) tras el guion.' });
  });

  it('refuses a part number out of 2–9 and a part without its acta type', () => {
    for (const mala of ['140338B01004-1', '140338B01004-0', '140338B01004-10', '140338B01004-A', '140338B01004--']) {
      expect(revisarClave(mala, JALISCO), mala).toMatchObject({ estado: 'invalida', mensaje: expect.stringContaining('de 2 a 9') });
    }
    expect(revisarClave('140338B0100-2', JALISCO)).toMatchObject({ estado: 'invalida', mensaje: expect.stringContaining('antes del guion') });
  });

  it('says what is missing while the clave is being typed', () => {
    expect(revisarClave('', JALISCO)).toEqual({ estado: 'vacia' });
    for (const parcial of ['1', '14', '140338', '140338B', '140338B010']) {
      expect(revisarClave(parcial, JALISCO).estado, parcial).toBe('incompleta');
    }
    expect(revisarClave('140338B0100', JALISCO)).toEqual({ estado: 'incompleta', mensaje: 'Falta el tipo de acta al final de la clave.' });
  });

  it('points at the first character that cannot be there, by the part it falls in', () => {
    expect(revisarClave('14A', JALISCO)).toMatchObject({ estado: 'invalida', mensaje: expect.stringContaining('sección') });
    expect(revisarClave('140338X', JALISCO)).toMatchObject({ estado: 'invalida', mensaje: expect.stringContaining('tipo de casilla') });
    expect(revisarClave('140338B0A', JALISCO)).toMatchObject({ estado: 'invalida', mensaje: expect.stringContaining('número de casilla') });
    expect(revisarClave('140338B01004XY', JALISCO)).toMatchObject({ estado: 'invalida', mensaje: expect.stringContaining('tipo de acta') });
  });

  it('refuses another entidad as soon as its two digits are typed', () => {
    expect(revisarClave('15', JALISCO)).toMatchObject({ estado: 'invalida', mensaje: expect.stringContaining('entidad 14') });
    expect(revisarClave('33', SIN_CATALOGO)).toMatchObject({ estado: 'invalida', mensaje: expect.stringContaining('no existe') });
    expect(revisarClave('150338B01004', SIN_CATALOGO).estado).toBe('valida');
  });

  it('allows sección 0000 and casilla 00 only in casillas M', () => {
    expect(revisarClave('140000B01', JALISCO).estado).toBe('invalida');
    expect(revisarClave('140338B00', JALISCO).estado).toBe('invalida');
    expect(revisarClave('140000M00004', JALISCO).estado).toBe('valida');
  });

  it('warns of an acta type not seen, and waits for a two-character one', () => {
    // The types seen may not be all of them: an unknown one is sendable, with a warning.
    expect(revisarClave('140338B01009', JALISCO)).toMatchObject({ estado: 'valida', aviso: expect.stringContaining('2, 4, 5') });
    expect(revisarClave('140338B01004', JALISCO)).not.toHaveProperty('aviso');
    const dos: ReglasClave = { entidad: 14, tiposActa: ['4', 'A1'] };
    expect(revisarClave('140338B0100A', dos).estado).toBe('incompleta');
    expect(revisarClave('140338B0100A1', dos)).toMatchObject({ estado: 'valida', tipoActa: 'A1' });
    expect(revisarClave('140338B01009', SIN_CATALOGO)).toMatchObject({ estado: 'valida', tipoActa: '9' });
  });
});
