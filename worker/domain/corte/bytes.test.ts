import { describe, expect, it } from 'vitest';
import { desdeUtf8, igualesProfundo, jsonCanonico, sha256Hex, utf8 } from './bytes.ts';
import { partidosDeCombinacion } from './combinaciones.ts';

describe('bytes and canonical JSON', () => {
  it('hashes with SHA-256 in lower-case hex', async () => {
    expect(await sha256Hex(utf8('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('keeps a BOM when decoding and refuses malformed UTF-8', () => {
    expect(desdeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('\uFEFFA');
    expect(() => desdeUtf8(new Uint8Array([0xff]))).toThrow();
  });

  it('writes canonical JSON and compares values whatever their key order', () => {
    expect(jsonCanonico({ b: { d: 1, c: 2 }, a: [{ y: 1, x: 2 }] })).toBe('{"a":[{"x":2,"y":1}],"b":{"c":2,"d":1}}');
    expect(igualesProfundo({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
  });

  it('reads combination columns back into their parties (siglas may contain "_")', () => {
    const siglas = ['PAN', 'PRI', 'PRD', 'CI_1', 'PT'];
    expect(partidosDeCombinacion('PAN_PRI_PRD', siglas)).toEqual(['PAN', 'PRI', 'PRD']);
    expect(partidosDeCombinacion('PAN', siglas)).toBeNull();
    expect(partidosDeCombinacion('CI_1_PT', siglas)).toEqual(['CI_1', 'PT']);
    expect(partidosDeCombinacion('PAN_PAN', siglas)).toBeNull();
  });
});

describe('igualesProfundo', () => {
  it('compares JSON values deeply, ignoring key order only', () => {
    expect(igualesProfundo({ a: [1, { b: null }], c: 'x' }, { c: 'x', a: [1, { b: null }] })).toBe(true);
    expect(igualesProfundo({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(igualesProfundo({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(igualesProfundo({ a: null }, { a: 0 })).toBe(false);
    expect(igualesProfundo([], {})).toBe(false);
  });
});
