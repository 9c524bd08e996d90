import { describe, expect, it } from 'vitest';
import { err, ok, type Result } from './resultado.ts';

describe('Result', () => {
  it('ok carries a value', () => {
    const r: Result<number, string> = ok(3);
    expect(r).toEqual({ ok: true, value: 3 });
  });
  it('err carries an error and narrows', () => {
    const r: Result<number, string> = err('mal');
    if (r.ok) throw new Error('expected an error');
    expect(r.error).toBe('mal');
  });
});
