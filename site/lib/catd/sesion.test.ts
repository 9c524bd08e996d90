import { describe, expect, it } from 'vitest';
import { leerCuerpoSesion } from './sesion.ts';

const cuerpo = (catd: unknown) => ({
  operador: { id: 'ana', nombre: 'Ana Pérez', ambito: 'CATD', catd, roles: ['verificacion', 'captura'] },
  csrf: 'c5',
  expiraAt: 1_800_000_000_000,
});

describe('leerCuerpoSesion', () => {
  it("reads the session, roles in the night's order, with the CATD given as its id or as an object", () => {
    const esperado = { operador: { id: 'ana', nombre: 'Ana Pérez', ambito: 'CATD', catd: 'CATD-D01', roles: ['captura', 'verificacion'] }, csrf: 'c5', expiraAt: 1_800_000_000_000 };
    expect(leerCuerpoSesion(cuerpo('CATD-D01'))).toEqual(esperado);
    expect(leerCuerpoSesion(cuerpo({ id: 'CATD-D01', ambito: 'distrito' }))).toEqual(esperado);
    expect(leerCuerpoSesion(cuerpo(null)).operador.catd).toBeNull();
  });

  it('refuses an answer without csrf, expiry or operator', () => {
    for (const x of [null, {}, { ...cuerpo(null), csrf: undefined }, { ...cuerpo(null), expiraAt: '1' }, { csrf: 'x', expiraAt: 1 }]) {
      expect(() => leerCuerpoSesion(x)).toThrow(/sesión/);
    }
  });
});
