import { describe, expect, it } from 'vitest';
import { PROFUNDIDAD_MAXIMA, revisarJson } from './escaner.ts';

describe('strict JSON scan', () => {
  it('accepts ordinary JSON, with the same key in different objects and keys that only look alike', () => {
    for (const t of ['{}', '{"a":1,"b":{"a":2},"c":[{"a":1},{"a":1}]}', '{"a":"x\\"y","a\\u0062":1}', '{"proto":1,"__proto":2,"x":"__proto__"}', '{"s":"😀 \\ud83d\\ude00"}']) {
      expect(revisarJson(t), t).toBeNull();
    }
  });

  it('a repeated key, at any depth, named with its path', () => {
    expect(revisarJson('{"a":1,"a":2}')).toEqual({ motivo: 'CLAVE_DUPLICADA', ruta: [], clave: 'a' });
    expect(revisarJson('{"captura":{"votos":{"PAN":1,"PRI":2,"PAN":3}}}')).toEqual({ motivo: 'CLAVE_DUPLICADA', ruta: ['captura', 'votos'], clave: 'PAN' });
    expect(revisarJson('{"l":[{"x":1},{"x":1,"x":2}]}')).toEqual({ motivo: 'CLAVE_DUPLICADA', ruta: ['l', 1], clave: 'x' });
    // Compared as decoded: an escape is the same key.
    expect(revisarJson('{"PAN":1,"P\\u0041N":2}')).toMatchObject({ motivo: 'CLAVE_DUPLICADA', clave: 'PAN' });
  });

  it('"__proto__" as a key, escaped or not, at any depth', () => {
    expect(revisarJson('{"votos":{"__proto__":{"x":1}}}')).toEqual({ motivo: 'CLAVE_PROHIBIDA', ruta: ['votos'], clave: '__proto__' });
    expect(revisarJson('{"a":[[{"__pro\\u0074o__":1}]]}')).toEqual({ motivo: 'CLAVE_PROHIBIDA', ruta: ['a', 0, 0], clave: '__proto__' });
  });

  it('lone surrogates in values and keys; pairs are fine', () => {
    expect(revisarJson('{"motivo":"abc\\ud800"}')).toEqual({ motivo: 'SUSTITUTO_SUELTO', ruta: ['motivo'] });
    expect(revisarJson('{"a":["ok","\\udc00x"]}')).toEqual({ motivo: 'SUSTITUTO_SUELTO', ruta: ['a', 1] });
    expect(revisarJson('{"\\ud800":1}')).toMatchObject({ motivo: 'SUSTITUTO_SUELTO', ruta: [] });
    expect(revisarJson('{"a":"\\ud800\\udc00"}')).toBeNull();
  });

  it('nesting deeper than the limit, without recursion', () => {
    const profundo = (n: number) => `${'['.repeat(n - 1)}{}${']'.repeat(n - 1)}`;
    expect(revisarJson(profundo(PROFUNDIDAD_MAXIMA))).toBeNull();
    expect(revisarJson(profundo(PROFUNDIDAD_MAXIMA + 1))).toMatchObject({ motivo: 'DEMASIADO_PROFUNDO' });
    expect(revisarJson(profundo(100_000))).toMatchObject({ motivo: 'DEMASIADO_PROFUNDO' });
  });
});
