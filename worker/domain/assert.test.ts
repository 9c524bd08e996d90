import { describe, expect, it } from 'vitest';
import { assert, assertNever } from './assert.ts';

describe('assertNever', () => {
  it('throws naming the unexpected value', () => {
    expect(() => assertNever('X' as never, 'tipo de casilla')).toThrow('valor inesperado (tipo de casilla): "X"');
  });
});

describe('assert', () => {
  it('passes on a truthy condition', () => {
    expect(() => assert(1, 'never')).not.toThrow();
  });
  it('throws with the message on a falsy one', () => {
    expect(() => assert(0, 'must be positive')).toThrow('assertion failed: must be positive');
  });
});
