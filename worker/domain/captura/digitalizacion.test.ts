import { describe, expect, it } from 'vitest';
import { AHORA, ESPERADA_338B1_GUB, ctx, dispositivoCasilla, enCaptura, operadorCatd } from '../../../test/ejemplos/captura.ts';
import { digitalizar, type ImagenRecibida } from './digitalizacion.ts';
import type { ActaVersionada } from './estado.ts';

const dig = operadorCatd('dig', 'CATD-D01', 'digitalizacion');
const tel = dispositivoCasilla('tel', '140338B0100');
const img = (x: Partial<ImagenRecibida> = {}): ImagenRecibida => ({
  sha256: 'b'.repeat(64), mime: 'image/png', bytes: 99, origen: 'CATD', digitalizacion: 'ESCANER', tipoDocumento: 'ACTA_PREP', ...x,
});

const enDigitalizacion = (): ActaVersionada => {
  const a = enCaptura();
  return { ...a, estado: { ...a.estado, etapa: 'DIGITALIZACION', imagen: null } };
};

describe('digitalizar', () => {
  it('the first image of a received acta moves it to capture', () => {
    const r = digitalizar(enDigitalizacion(), ESPERADA_338B1_GUB, img(), ctx(dig));
    expect(r).toMatchObject({ ok: true, value: { estado: { etapa: 'CAPTURA', etapaDesde: AHORA, imagen: { sha256: 'b'.repeat(64), operador: 'dig' } }, imagen: { bytes: 99 } } });
  });

  it('a phone image before the paper creates the acta record, waiting for capture', () => {
    const r = digitalizar(null, ESPERADA_338B1_GUB, img({ origen: 'CASILLA', digitalizacion: 'MOVIL' }), ctx(tel, AHORA - 1000));
    expect(r).toMatchObject({ ok: true, value: { nueva: true, estado: { etapa: 'CAPTURA', acopio: null, imagen: { at: AHORA - 1000, atServidor: AHORA } } } });
    expect(digitalizar(null, null, img(), ctx(dig))).toMatchObject({ ok: false, error: { tipo: 'NO_ENCONTRADO' } });
  });

  it('ORIGEN and DIGITALIZACION must describe the sender', () => {
    expect(digitalizar(null, ESPERADA_338B1_GUB, img(), ctx(tel))).toMatchObject({ ok: false, error: { code: 'ORIGEN_NO_CORRESPONDE' } });
    expect(digitalizar(null, ESPERADA_338B1_GUB, img({ origen: 'CASILLA', digitalizacion: 'ESCANER' }), ctx(tel))).toMatchObject({ ok: false });
    expect(digitalizar(enDigitalizacion(), ESPERADA_338B1_GUB, img({ origen: 'CASILLA', digitalizacion: 'MOVIL' }), ctx(dig))).toMatchObject({ ok: false, error: { tipo: 'INVALIDO' } });
    expect(digitalizar(enDigitalizacion(), ESPERADA_338B1_GUB, img({ digitalizacion: 'MOVIL' }), ctx(dig)).ok).toBe(true);
  });

  it('a new image replaces the current one without changing the stage; the same image again is a conflict', () => {
    const a = enCaptura();
    expect(digitalizar(a, ESPERADA_338B1_GUB, img(), ctx(dig))).toMatchObject({ ok: true, value: { estado: { etapa: 'CAPTURA', etapaDesde: a.estado.etapaDesde } } });
    const misma = img({ sha256: a.estado.imagen!.sha256, mime: 'image/jpeg' });
    expect(digitalizar(a, ESPERADA_338B1_GUB, misma, ctx(dig))).toMatchObject({ ok: false, error: { code: 'IMAGEN_YA_REGISTRADA' } });
  });

  it('a sin acta takes no image', () => {
    const a = enCaptura();
    const sin: ActaVersionada = { ...a, estado: { ...a.estado, etapa: 'SIN_ACTA', registro: 'sin_acta', imagen: null } };
    expect(digitalizar(sin, ESPERADA_338B1_GUB, img(), ctx(dig))).toMatchObject({ ok: false, error: { code: 'ACTA_SIN_ACTA' } });
  });
});
