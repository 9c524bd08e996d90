import { describe, expect, it } from 'vitest';
import { AHORA, ESPERADA_338B1_GUB, ctx, enCaptura, operadorCatd } from '../../../test/ejemplos/captura.ts';
import { acopiar, claveIdentificacion, type ObjetivoAcopio } from './acopio.ts';

const op = operadorCatd('ana', 'CATD-D01', 'acopio');
const esperada: ObjetivoAcopio = { tipo: 'esperada', esperada: ESPERADA_338B1_GUB };
const datos = { mecanismoTraslado: 'F' as const, sinActa: null };
const fc: ObjetivoAcopio = {
  tipo: 'fuera_catalogo',
  clave: 'FC-12',
  identificacion: { eleccion: 'GUB', seccion: 9998, tipo: 'B', id: 1, extContigua: 0 },
  casilla: '149998B0100',
  distrito: null,
  municipio: null,
  territorio: 0,
};

describe('acopiar', () => {
  it('registers an expected acta: waiting for its image, receipt at the client’s stated time', () => {
    const r = acopiar(null, esperada, datos, ctx(op, AHORA - 5_000));
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.nueva).toBe(true);
    expect(r.value.estado).toMatchObject({ clave: '140338B01004', registro: 'captura', etapa: 'DIGITALIZACION', etapaDesde: AHORA, ronda: 1 });
    expect(r.value.estado.acopio).toEqual({ at: AHORA - 5_000, atServidor: AHORA, operador: 'ana', catd: 'CATD-D01', mecanismoTraslado: 'F', motivoSinActa: null });
  });

  it('sin acta: registered and final at once', () => {
    const r = acopiar(null, esperada, { mecanismoTraslado: null, sinActa: 'CASILLA_NO_INSTALADA' }, ctx(op));
    expect(r).toMatchObject({ ok: true, value: { estado: { registro: 'sin_acta', etapa: 'SIN_ACTA', acopio: { motivoSinActa: 'CASILLA_NO_INSTALADA', at: AHORA } } } });
  });

  it('fuera de catálogo: registered under its FC clave, owned by the receiving CATD', () => {
    const r = acopiar(null, fc, datos, ctx(op));
    expect(r).toMatchObject({ ok: true, value: { estado: { clave: 'FC-12', esperada: false, registro: 'fuera_catalogo', catdRegistro: 'CATD-D01', territorio: 0 } } });
    expect(acopiar(null, fc, { mecanismoTraslado: null, sinActa: 'SIN_SOBRE' }, ctx(op))).toMatchObject({ ok: false, error: { tipo: 'INVALIDO', code: 'SIN_ACTA_FUERA_DE_CATALOGO' } });
  });

  it('an acta whose phone image came first gets its receipt, keeping its stage', () => {
    const a = enCaptura();
    const previa = { ...a, estado: { ...a.estado, acopio: null } };
    const r = acopiar(previa, esperada, datos, ctx(op));
    expect(r).toMatchObject({ ok: true, value: { nueva: false, estado: { etapa: 'CAPTURA', acopio: { operador: 'ana' } } } });
    expect(acopiar(previa, esperada, { mecanismoTraslado: null, sinActa: 'SIN_SOBRE' }, ctx(op))).toMatchObject({ ok: false, error: { code: 'ACTA_CON_IMAGEN' } });
  });

  it('an acta is received once', () => {
    expect(acopiar(enCaptura(), esperada, datos, ctx(op))).toMatchObject({ ok: false, error: { tipo: 'CONFLICTO', code: 'ACTA_YA_RECIBIDA' } });
  });

  it('keys a fuera de catálogo identification', () => {
    expect(claveIdentificacion(fc.identificacion)).toBe('GUB/9998/B/1/0');
  });
});
