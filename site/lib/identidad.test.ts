import { describe, expect, it } from 'vitest';
import { identidadDe, textoIdentidad } from './identidad.ts';
import { leyendaDePuntero } from './simulacro.ts';
import { LEYENDA_SIMULACRO, VERSION_SHARDS } from '../../worker/domain/contrato/index.ts';

const W = 'a'.repeat(64);
const P = 'b'.repeat(64);
const C = '0123456789abcdef0123456789abcdef01234567';

describe('the acerca page identity line', () => {
  it('reads a well-formed identity and refuses anything else', () => {
    expect(identidadDe({ commit: C, workerSha256: W, portalSha256: P })).toEqual({ commit: C, workerSha256: W, portalSha256: P });
    expect(identidadDe({ commit: C, workerSha256: 'x', portalSha256: P })).toBeNull();
    expect(identidadDe(null)).toBeNull();
    expect(identidadDe('texto')).toBeNull();
  });

  it('says commit, Worker and portal digests, and a modified tree in words', () => {
    expect(textoIdentidad({ commit: C, workerSha256: W, portalSha256: P })).toBe(`Versión: commit ${C}, Worker sha256 ${W}, portal sha256 ${P}`);
    expect(textoIdentidad({ commit: `${C}-modificado`, workerSha256: W, portalSha256: P })).toContain(`commit ${C} con cambios sin confirmar,`);
  });
});

describe('the SIMULACRO banner', () => {
  const puntero = (x: object) => ({ tipo: 'puntero', version: VERSION_SHARDS, ...x });
  it('shows the pointer\'s legend in pruebas, nothing in produccion', () => {
    expect(leyendaDePuntero(puntero({ entorno: 'pruebas', simulacro: LEYENDA_SIMULACRO }))).toBe(LEYENDA_SIMULACRO);
    expect(leyendaDePuntero(puntero({ entorno: 'produccion', simulacro: null }))).toBeNull();
  });

  it('errs towards the banner: a pointer of this version that does not say produccion is a simulacro', () => {
    expect(leyendaDePuntero(puntero({ entorno: 'pruebas', simulacro: null }))).toBe('SIMULACRO / PRUEBA');
    expect(leyendaDePuntero({ tipo: 'otro' })).toBeNull();
  });
});
