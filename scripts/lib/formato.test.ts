import { describe, expect, it } from 'vitest';
import { barra, minutosYSegundos, numero, reloj, unDecimal } from './formato.ts';

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

describe('progress formatting', () => {
  it('writes counts and one-decimal rates as es-MX does', () => {
    expect(numero(1234567)).toBe('1,234,567');
    expect(unDecimal(23.45)).toBe('23.5');
    expect(unDecimal(1234)).toBe('1,234.0');
  });

  it('shows elapsed time as M:SS, minutes not capped', () => {
    expect(reloj(0)).toBe('0:00');
    expect(reloj(61_999)).toBe('1:01');
    expect(reloj(75 * 60_000 + 3_000)).toBe('75:03');
  });

  it('fills a bar in proportion, clamped to its width', () => {
    expect(barra(0.5, 4)).toBe('██░░');
    expect(barra(1.7, 3)).toBe('███');
    expect(barra(-1, 2)).toBe('░░');
  });
});
