import { describe, expect, it } from 'vitest';
import { identificarActa, territorioDe, type CatalogoIdentificacion } from './identificar.ts';

const cat: CatalogoIdentificacion = {
  entidad: 14,
  elecciones: [
    { codigo: 'GUB', tipoActa: '4', territorio: 'entidad' },
    { codigo: 'DIP_LOC', tipoActa: '5', territorio: 'distrito' },
    { codigo: 'AYUN', tipoActa: '6', territorio: 'municipio' },
  ],
};

describe('identificarActa', () => {
  it('reads a CLAVE_ACTA (with or without the spreadsheet apostrophe)', () => {
    for (const clave of ['141120E01016', "'141120E01016"]) {
      expect(identificarActa({ clave }, cat)).toEqual({
        ok: true,
        value: { identificacion: { eleccion: 'AYUN', seccion: 1120, tipo: 'E', id: 1, extContigua: 1 }, clave: '141120E01016', parte: 1, porCampos: false, casilla: '141120E0101', territorioEleccion: 'municipio' },
      });
    }
  });

  it('keeps the part of a split casilla\'s key (CLAVE_ACTA-n)', () => {
    const r = identificarActa({ clave: "'141121B01006-2" }, cat);
    expect(r).toMatchObject({ ok: true, value: { clave: '141121B01006-2', parte: 2, porCampos: false, casilla: '141121B0100', identificacion: { eleccion: 'AYUN', seccion: 1121 } } });
    expect(identificarActa({ clave: '141121B01006-1' }, cat)).toMatchObject({ ok: false, error: { code: 'CLAVE_INVALIDA' } });
  });

  it('builds the clave from the identification fields', () => {
    const r = identificarActa({ identificacion: { eleccion: 'DIP_LOC', seccion: 338, tipo: 'C', id: 2, extContigua: 0 } }, cat);
    expect(r).toMatchObject({ ok: true, value: { clave: '140338C02005', parte: 1, porCampos: true, casilla: '140338C0200' } });
    const sinClave = identificarActa({ identificacion: { eleccion: 'GUB', seccion: 0, tipo: 'B', id: 1, extContigua: 0 } }, cat);
    expect(sinClave).toMatchObject({ ok: true, value: { clave: null, casilla: null } });
  });

  it('refuses keys that do not parse, of another entidad, unknown elections, and an empty catalogue', () => {
    expect(identificarActa({ clave: '140338B0100Z' }, cat)).toMatchObject({ ok: false, error: { tipo: 'INVALIDO', code: 'CLAVE_INVALIDA', details: { motivo: 'TIPO_ACTA' } } });
    expect(identificarActa({ clave: '150338B01004' }, cat)).toMatchObject({ ok: false, error: { code: 'ENTIDAD_AJENA' } });
    expect(identificarActa({ identificacion: { eleccion: 'SEN', seccion: 1, tipo: 'B', id: 1, extContigua: 0 } }, cat)).toMatchObject({ ok: false, error: { code: 'ELECCION_DESCONOCIDA' } });
    expect(identificarActa({ clave: '140338B01004' }, { ...cat, entidad: null })).toMatchObject({ ok: false, error: { code: 'CATALOGO_NO_CARGADO' } });
  });

  it('places the ballot territory by election kind', () => {
    const s = { distrito: 2, municipio: 120 };
    expect([territorioDe('entidad', null), territorioDe('distrito', s), territorioDe('municipio', s), territorioDe('municipio', null)]).toEqual([0, 2, 120, null]);
  });
});
