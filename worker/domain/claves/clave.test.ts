import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TipoCasillaSchema } from '../catalogo/esquema.ts';
import {
  claveActa,
  claveCasilla,
  csvKey,
  parseClaveActa,
  parseClaveCasilla,
  sinApostrofo,
  type ClaveCasillaPartes,
} from './clave.ts';

const TIPOS_ACTA = ['4', '5', '6'];

describe('claveCasilla / claveActa', () => {
  it('builds the docs/REGLAS.md example', () => {
    expect(claveCasilla(14, { seccion: 338, tipo: 'B', id: 1, extContigua: 0 })).toBe('140338B0100');
    expect(claveActa('140338B0100', '4')).toBe('140338B01004');
  });
  it('pads every part', () => {
    expect(claveCasilla(1, { seccion: 7, tipo: 'E', id: 3, extContigua: 2 })).toBe('010007E0302');
    expect(claveCasilla(32, { seccion: 9999, tipo: 'S', id: 99, extContigua: 99 })).toBe('329999S9999');
  });
  it('refuses parts out of range instead of writing a wrong key', () => {
    expect(() => claveCasilla(14, { seccion: 10_000, tipo: 'B', id: 1, extContigua: 0 })).toThrow();
    expect(() => claveCasilla(14, { seccion: 1, tipo: 'B', id: 100, extContigua: 0 })).toThrow();
  });
  it('csvKey adds the apostrophe; sinApostrofo strips it (and blanks)', () => {
    expect(csvKey('140338B0100')).toBe("'140338B0100");
    expect(sinApostrofo(" '140338B0100 ")).toBe('140338B0100');
    expect(sinApostrofo('140338B0100')).toBe('140338B0100');
  });
});

describe('parseClaveCasilla', () => {
  const esperado: ClaveCasillaPartes = { entidad: 14, seccion: 338, tipo: 'B', id: 1, extContigua: 0 };
  it('parses with or without the apostrophe', () => {
    expect(parseClaveCasilla('140338B0100')).toEqual({ ok: true, value: esperado });
    expect(parseClaveCasilla("'140338B0100")).toEqual({ ok: true, value: esperado });
  });
  it.each([
    ['', 'FORMATO'],
    ['140338B010', 'FORMATO'],
    ['140338B01004', 'FORMATO'],
    ['1403380B100', 'FORMATO'],
    ['140338X0100', 'FUERA_DE_RANGO'],
    ['330338B0100', 'FUERA_DE_RANGO'],
    ['140000B0100', 'FUERA_DE_RANGO'],
    ['140338B0000', 'FUERA_DE_RANGO'],
    ["''140338B0100", 'FORMATO'],
  ])('%j → %s', (clave, motivo) => {
    expect(parseClaveCasilla(clave)).toEqual({ ok: false, error: { motivo, clave } });
  });
});

describe('parseClaveActa', () => {
  it('splits casilla and acta type', () => {
    expect(parseClaveActa("'140338B01005", TIPOS_ACTA)).toEqual({
      ok: true,
      value: {
        casilla: { entidad: 14, seccion: 338, tipo: 'B', id: 1, extContigua: 0 },
        claveCasilla: '140338B0100',
        tipoActa: '5',
        parte: 1,
      },
    });
  });
  it('accepts two-character acta types when known', () => {
    const r = parseClaveActa('140338B010012', ['1', '12']);
    expect(r.ok && r.value.tipoActa).toBe('12');
  });
  it.each([
    ['140338B0100', 'FORMATO'],
    ['140338B01007', 'TIPO_ACTA'],
    ['140338B010045', 'TIPO_ACTA'],
    ['140338Z01004', 'FUERA_DE_RANGO'],
    ['14033xB01004', 'FORMATO'],
  ])('%j → %s', (clave, motivo) => {
    expect(parseClaveActa(clave, TIPOS_ACTA)).toEqual({ ok: false, error: { motivo, clave } });
  });
});

describe('round trip', () => {
  const arbPartes = fc.record({
    entidad: fc.integer({ min: 1, max: 32 }),
    seccion: fc.integer({ min: 1, max: 9999 }),
    tipo: fc.constantFrom(...TipoCasillaSchema.options),
    id: fc.integer({ min: 1, max: 99 }),
    extContigua: fc.integer({ min: 0, max: 99 }),
  });
  it('parse(build(x)) = x for casillas and actas, with or without apostrophe', () => {
    fc.assert(
      fc.property(arbPartes, fc.constantFrom('4', '5', '6', '12'), fc.boolean(), (p, tipoActa, apostrofo) => {
        const cc = claveCasilla(p.entidad, p);
        expect(cc).toHaveLength(11);
        const escrita = (k: string) => (apostrofo ? csvKey(k) : k);
        expect(parseClaveCasilla(escrita(cc))).toEqual({ ok: true, value: p });
        const ca = claveActa(cc, tipoActa);
        expect(parseClaveActa(escrita(ca), ['4', '5', '6', '12'])).toEqual({
          ok: true,
          value: { casilla: p, claveCasilla: cc, tipoActa, parte: 1 },
        });
      }),
    );
  });
});
