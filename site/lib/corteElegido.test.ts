import { describe, expect, it } from 'vitest';
import { hrefConCorte } from './corteCambio.ts';
import { leerCorteElegido } from './corteElegido.ts';

describe('leerCorteElegido', () => {
  it('reads no corte as the newest, a positive number as that corte, and anything else as not a number', () => {
    expect(leerCorteElegido('?e=GUB')).toEqual({ tipo: 'reciente' });
    expect(leerCorteElegido('?e=GUB&corte=')).toEqual({ tipo: 'reciente' });
    expect(leerCorteElegido('?e=GUB&corte=12')).toEqual({ tipo: 'numero', numero: 12 });
    expect(leerCorteElegido('?corte=007&e=GUB')).toEqual({ tipo: 'numero', numero: 7 });
    expect(leerCorteElegido('?e=GUB&corte=0')).toEqual({ tipo: 'invalido', texto: '0' });
    expect(leerCorteElegido('?e=GUB&corte=-3')).toEqual({ tipo: 'invalido', texto: '-3' });
    expect(leerCorteElegido('?e=GUB&corte=1e3')).toEqual({ tipo: 'invalido', texto: '1e3' });
    expect(leerCorteElegido('?e=GUB&corte=1234567')).toEqual({ tipo: 'invalido', texto: '1234567' });
    expect(leerCorteElegido(`?corte=${'x'.repeat(40)}`)).toEqual({ tipo: 'invalido', texto: 'x'.repeat(24) });
  });
});

describe('hrefConCorte', () => {
  it('sets or removes the corte and keeps the route', () => {
    expect(hrefConCorte('/eleccion/', '?e=GUB', 'corte', 3)).toBe('/eleccion/?e=GUB&corte=3');
    expect(hrefConCorte('/eleccion/', '?e=GUB&corte=3', 'corte', 5)).toBe('/eleccion/?e=GUB&corte=5');
    expect(hrefConCorte('/eleccion/', '?e=GUB&corte=3', 'corte', null)).toBe('/eleccion/?e=GUB');
    expect(hrefConCorte('/eleccion/', '?corte=3', 'corte', null)).toBe('/eleccion/');
    expect(leerCorteElegido(hrefConCorte('/eleccion/', '?e=GUB', 'corte', 42).split('?')[1]!)).toEqual({ tipo: 'numero', numero: 42 });
  });
});
