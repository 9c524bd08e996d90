import { describe, expect, it } from 'vitest';
import { AHORA, CAMPOS_GUB, capturaGub, ctx, enCaptura, operadorCatd, operadorCcv, registrada } from '../../../test/ejemplos/captura.ts';
import { capturar, verificar, type EntradaCaptura } from './captura.ts';
import type { ActaVersionada } from './estado.ts';

const ana = operadorCatd('ana', 'CATD-D01', 'captura');
const beto = operadorCatd('beto', 'CATD-D01', 'captura');
const ciro = operadorCcv('ciro', 'captura');
const vera = operadorCatd('vera', 'CATD-D01', 'verificacion');

const entrada = (actual: ActaVersionada | null, capturas = [] as EntradaCaptura['capturasRonda']): EntradaCaptura => ({ actual, capturasRonda: capturas, campos: CAMPOS_GUB });

function con(estado: Partial<ActaVersionada['estado']>): ActaVersionada {
  const a = enCaptura();
  return { ...a, estado: { ...a.estado, ...estado } };
}

describe('capturar', () => {
  it('the first capture is recorded and the acta keeps waiting', () => {
    const r = capturar(entrada(enCaptura()), capturaGub(3), ctx(ana, AHORA - 10));
    expect(r).toMatchObject({ ok: true, value: { estado: { etapa: 'CAPTURA', capturistas: ['ana'] }, captura: { ronda: 1, n: 1, operador: 'ana', at: AHORA - 10, atServidor: AHORA }, detalle: { resultado: 'PRIMERA' } } });
  });

  it('a second equal capture by someone else verifies the acta automatically', () => {
    const r = capturar(entrada(con({ capturistas: ['ana'] }), [registrada(1, 1, 'ana', capturaGub(3))]), capturaGub(3), ctx(beto));
    expect(r).toMatchObject({ ok: true, value: { estado: { etapa: 'VERIFICADA', verificada: { captura: capturaGub(3), operador: null, capturaAt: AHORA, at: AHORA } }, detalle: { resultado: 'COINCIDE' } } });
  });

  it('a different second capture sends it to verification; a third that agrees with one verifies it', () => {
    const previas = [registrada(1, 1, 'ana', capturaGub(3))];
    const r = capturar(entrada(con({ capturistas: ['ana'] }), previas), capturaGub(4), ctx(beto));
    expect(r).toMatchObject({ ok: true, value: { estado: { etapa: 'VERIFICACION', etapaDesde: AHORA }, detalle: { resultado: 'DISCREPA' } } });
    const dos = [...previas, registrada(1, 2, 'beto', capturaGub(4))];
    const tercera = capturar(entrada(con({ etapa: 'VERIFICACION', capturistas: ['ana', 'beto'] }), dos), capturaGub(4), ctx(ciro));
    expect(tercera).toMatchObject({ ok: true, value: { estado: { etapa: 'VERIFICADA', verificada: { captura: capturaGub(4) } }, captura: { n: 3 } } });
    const tres = [...dos, registrada(1, 3, 'ciro', capturaGub(5))];
    expect(capturar(entrada(con({ etapa: 'VERIFICACION' }), tres), capturaGub(5), ctx(operadorCcv('dora', 'captura')))).toMatchObject({ ok: false, error: { code: 'CAPTURAS_COMPLETAS' } });
  });

  it('one capture per person per round', () => {
    expect(capturar(entrada(enCaptura(), [registrada(1, 1, 'ana', capturaGub(3))]), capturaGub(9), ctx(ana))).toMatchObject({ ok: false, error: { tipo: 'CONFLICTO', code: 'CAPTURA_DUPLICADA' } });
  });

  it('refuses fields that are not the ballot’s, naming them', () => {
    const c = capturaGub(1);
    const { PAN: _p, ...sinPan } = c.votos;
    const r = capturar(entrada(enCaptura()), { ...c, votos: { ...sinPan, CI_1: 2 } }, ctx(ana));
    expect(r).toMatchObject({ ok: false, error: { tipo: 'INVALIDO', code: 'CAPTURA_NO_CORRESPONDE_A_BOLETA', details: { faltantes: ['PAN'], sobrantes: ['CI_1'] } } });
    expect(capturar({ ...entrada(enCaptura()), campos: null }, c, ctx(ana))).toMatchObject({ ok: false, error: { code: 'SIN_BOLETA' } });
  });

  it('only while the acta waits for captures', () => {
    expect(capturar(entrada(null), capturaGub(), ctx(ana))).toMatchObject({ ok: false, error: { code: 'ACTA_SIN_IMAGEN' } });
    expect(capturar(entrada(con({ etapa: 'DIGITALIZACION' })), capturaGub(), ctx(ana))).toMatchObject({ ok: false, error: { code: 'ACTA_SIN_IMAGEN' } });
    expect(capturar(entrada(con({ etapa: 'VERIFICADA' })), capturaGub(), ctx(ana))).toMatchObject({ ok: false, error: { code: 'ACTA_YA_VERIFICADA' } });
    expect(capturar(entrada(con({ etapa: 'SIN_ACTA' })), capturaGub(), ctx(ana))).toMatchObject({ ok: false, error: { code: 'ACTA_SIN_ACTA' } });
  });

  it('a verifier of the acta may never capture it', () => {
    const mixto = operadorCatd('vera', 'CATD-D01', 'captura', 'verificacion');
    expect(capturar(entrada(con({ verificadores: ['vera'] })), capturaGub(), ctx(mixto))).toMatchObject({ ok: false, error: { tipo: 'PROHIBIDO', code: 'SEPARACION_DE_FUNCIONES' } });
  });
});

describe('verificar', () => {
  const discrepancia = () => entrada(con({ etapa: 'VERIFICACION', capturistas: ['ana', 'beto'] }), [registrada(1, 1, 'ana', capturaGub(3), AHORA - 50), registrada(1, 2, 'beto', capturaGub(4), AHORA - 20)]);

  it('resolves with the figures the verifier confirms', () => {
    const r = verificar(discrepancia(), { resolucion: 'CAPTURA', captura: capturaGub(4) }, ctx(vera, AHORA - 5));
    expect(r).toMatchObject({
      ok: true,
      value: { estado: { etapa: 'VERIFICADA', verificadores: ['vera'], verificada: { captura: capturaGub(4), capturaAt: AHORA - 20, at: AHORA - 5, operador: 'vera' } }, detalle: { coincideCon: [2] } },
    });
  });

  it('or sends it back to a new round of capture', () => {
    const r = verificar(discrepancia(), { resolucion: 'RECAPTURA', motivo: 'ilegible' }, ctx(vera));
    expect(r).toMatchObject({ ok: true, value: { estado: { etapa: 'CAPTURA', ronda: 2, devolucion: { por: 'VERIFICACION', accion: 'RECAPTURA', operador: 'vera' } } } });
  });

  it('a capturist of the acta may never verify it; only acts in VERIFICACION; checks the ballot', () => {
    const mixto = operadorCatd('ana', 'CATD-D01', 'captura', 'verificacion');
    expect(verificar(discrepancia(), { resolucion: 'RECAPTURA', motivo: 'xxx' }, ctx(mixto))).toMatchObject({ ok: false, error: { code: 'SEPARACION_DE_FUNCIONES' } });
    expect(verificar(entrada(con({ etapa: 'VERIFICADA' })), { resolucion: 'RECAPTURA', motivo: 'xxx' }, ctx(vera))).toMatchObject({ ok: false, error: { code: 'ACTA_YA_VERIFICADA' } });
    expect(verificar(entrada(enCaptura()), { resolucion: 'RECAPTURA', motivo: 'xxx' }, ctx(vera))).toMatchObject({ ok: false, error: { code: 'ETAPA_INCORRECTA' } });
    const { PAN: _p, ...sinPan } = capturaGub(4).votos;
    expect(verificar(discrepancia(), { resolucion: 'CAPTURA', captura: { ...capturaGub(4), votos: sinPan } }, ctx(vera))).toMatchObject({ ok: false, error: { code: 'CAPTURA_NO_CORRESPONDE_A_BOLETA' } });
  });

  it('verifying a correction sent back by cotejo makes it COTEJADA 2', () => {
    const e = discrepancia();
    const corr = { ...e, actual: { ...e.actual!, estado: { ...e.actual!.estado, cotejada: 3 as const } } };
    expect(verificar(corr, { resolucion: 'CAPTURA', captura: capturaGub(3) }, ctx(vera))).toMatchObject({ ok: true, value: { estado: { cotejada: 2 } } });
    const auto = capturar(entrada(con({ cotejada: 3 }), [registrada(2, 1, 'ana', capturaGub(3))]), capturaGub(3), ctx(beto));
    expect(auto).toMatchObject({ ok: true, value: { estado: { etapa: 'VERIFICADA', cotejada: 2 } } });
  });
});
