import { describe, expect, it } from 'vitest';
import { minutosYSegundos } from './formato.ts';

describe('minutosYSegundos', () => {
  it('truncates the seconds by default (the bench report)', () => {
    expect(minutosYSegundos(0.4)).toBe('0 min 0 s');
    expect(minutosYSegundos(119.7)).toBe('1 min 59 s');
    expect(minutosYSegundos(3659.7)).toBe('60 min 59 s');
  });

  it('rounds them when asked (the simulacro summary), carrying into the minutes', () => {
    expect(minutosYSegundos(119.4, Math.round)).toBe('1 min 59 s');
    expect(minutosYSegundos(119.7, Math.round)).toBe('2 min 0 s');
    expect(minutosYSegundos(1234.5678, Math.round)).toBe('20 min 35 s');
  });
});
