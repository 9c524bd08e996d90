import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAMPOS_GUB, capturaGub } from '../../../test/ejemplos/captura.ts';
import { camposDeBoleta, mismasCifras, ordenarSegunBoleta, validarContraBoleta } from './boleta.ts';

describe('a capture against its ballot', () => {
  it('adds NO_REGISTRADAS and NULOS after the party and coalition columns', () => {
    expect(camposDeBoleta(['PAN', 'MC'])).toEqual(['PAN', 'MC', 'NO_REGISTRADAS', 'NULOS']);
  });

  it('accepts exactly the ballot fields, in any order', () => {
    const c = capturaGub(3);
    const desordenada = { ...c, votos: Object.fromEntries(Object.entries(c.votos).reverse()) };
    expect(validarContraBoleta(desordenada, CAMPOS_GUB).ok).toBe(true);
    expect(Object.keys(ordenarSegunBoleta(desordenada, CAMPOS_GUB).votos)).toEqual(CAMPOS_GUB);
  });

  it('names missing fields and fields that do not apply', () => {
    const c = capturaGub(3);
    const { PAN: _pan, NULOS: _nulos, ...resto } = c.votos;
    const r = validarContraBoleta({ ...c, votos: { ...resto, CI_1: 4, PT_MC: 1 } }, CAMPOS_GUB);
    expect(r).toEqual({ ok: false, error: { faltantes: ['PAN', 'NULOS'], sobrantes: ['CI_1', 'PT_MC'] } });
  });

  it('does not take inherited properties for fields', () => {
    const c = capturaGub(1);
    const { toString: _t, ...sin } = { ...c.votos, toString: 1 };
    expect(validarContraBoleta({ ...c, votos: sin }, [...CAMPOS_GUB, 'toString'])).toMatchObject({ ok: false, error: { faltantes: ['toString'] } });
  });
});

describe('mismasCifras', () => {
  it('compares every vote field and total, ignoring key order', () => {
    const a = capturaGub((k) => (k === 'PAN' ? 'ILEGIBLE' : 2));
    const b = { ...a, votos: Object.fromEntries(Object.entries(a.votos).reverse()) };
    expect(mismasCifras(a, b)).toBe(true);
    expect(mismasCifras(a, { ...a, votos: { ...a.votos, PAN: 'SIN_DATO' } })).toBe(false);
    expect(mismasCifras(a, { ...a, totales: { ...a.totales, TOTAL_VOTOS_ASENTADO: 3 } })).toBe(false);
    const { MC: _mc, ...sinMc } = a.votos;
    expect(mismasCifras(a, { ...a, votos: { ...sinMc, OTRO: 2 } })).toBe(false);
  });

  it('is true exactly when one field differs not (property)', () => {
    const valor = fc.oneof(fc.integer({ min: 0, max: 99_999 }), fc.constantFrom('ILEGIBLE' as const, 'SIN_DATO' as const));
    fc.assert(
      fc.property(fc.array(valor, { minLength: CAMPOS_GUB.length, maxLength: CAMPOS_GUB.length }), fc.nat({ max: CAMPOS_GUB.length - 1 }), valor, (vs, i, otro) => {
        const a = capturaGub((k) => vs[CAMPOS_GUB.indexOf(k)]!);
        const campo = CAMPOS_GUB[i]!;
        const b = { ...a, votos: { ...a.votos, [campo]: otro } };
        expect(mismasCifras(a, b)).toBe(a.votos[campo] === otro);
      }),
    );
  });
});
