import { describe, expect, it } from 'vitest';
import { estiloDe, mapaLideres, MOTIVOS, tintaDe } from './geoLideres.ts';
import type { Catalogo } from './opciones.ts';

const cat: Catalogo = {
  partidos: [
    { siglas: 'PAN', nombre: 'Partido Acción Nacional', color: '#0059B3' },
    { siglas: 'PRI', nombre: 'Partido Revolucionario Institucional', color: '#E2231A' },
    { siglas: 'PRD', nombre: 'Partido de la Revolución Democrática', color: '#FFD200' },
    { siglas: 'MC', nombre: 'Movimiento Ciudadano', color: '#FF8300' },
    { siglas: 'MORENA', nombre: 'Morena', color: '#A3262A' },
    { siglas: 'CI_1', nombre: 'Candidatura independiente', color: 'gris' },
  ],
  coaliciones: [{ id: 'FYC', nombre: 'Fuerza y Corazón', partidos: ['PRI', 'PAN'] }],
};

describe('tintaDe', () => {
  it('draws the motif in black on light colours and in white on dark ones', () => {
    expect(tintaDe('#ffd200')).toBe('#000000');
    expect(tintaDe('#ff8300')).toBe('#000000');
    expect(tintaDe('#0059b3')).toBe('#ffffff');
    expect(tintaDe('#a3262a')).toBe('#ffffff');
  });
});

describe('estiloDe', () => {
  it('takes a party colour from the catalogue and a coalition its first party colour', () => {
    expect(estiloDe('MC', cat, 0)).toEqual({ id: 'MC', nombre: 'MC', color: '#ff8300', tinta: '#000000', motivo: 'lisa' });
    expect(estiloDe('FYC', cat, 1)).toMatchObject({ nombre: 'Fuerza y Corazón', color: '#e2231a', motivo: MOTIVOS[1] });
  });
  it('falls back to grey for a colour that is not #rrggbb or an id the catalogue lacks', () => {
    expect(estiloDe('CI_1', cat, 0).color).toBe('#6b6b6b');
    expect(estiloDe('OTRO', cat, 0)).toMatchObject({ nombre: 'OTRO', color: '#6b6b6b' });
  });
});

describe('mapaLideres', () => {
  const filas: { id: number; candidaturas: Record<string, number> }[] = [
    { id: 1, candidaturas: { FYC: 10, MC: 30, MORENA: 20 } },
    { id: 2, candidaturas: { FYC: 50, MC: 30, MORENA: 20 } },
    { id: 3, candidaturas: { FYC: 5, MC: 30, MORENA: 40 } },
    { id: 4, candidaturas: { FYC: 0, MC: 0, MORENA: 0 } },
    { id: 5, candidaturas: { FYC: 30, MC: 30, MORENA: 1 } },
    { id: 6, candidaturas: { MC: 12 } },
  ];
  const m = mapaLideres(filas, cat);

  it('leads each territory with the candidatura the table shows first, none without votes or on a tie', () => {
    expect([...m.lideres].map(([id, e]) => [id, e?.id ?? null])).toEqual([
      [1, 'MC'],
      [2, 'FYC'],
      [3, 'MORENA'],
      [4, null],
      [5, null],
      [6, 'MC'],
    ]);
  });

  it('lists in the legend only who leads, with how many territories, most first', () => {
    expect(m.leyenda.map((e) => [e.id, e.territorios])).toEqual([
      ['MC', 2],
      ['FYC', 1],
      ['MORENA', 1],
    ]);
  });

  it('gives every leader on the map its own motif, in catalogue order', () => {
    const motivo = Object.fromEntries(m.leyenda.map((e) => [e.id, e.motivo]));
    expect(motivo).toEqual({ FYC: MOTIVOS[0], MC: MOTIVOS[1], MORENA: MOTIVOS[2] });
    expect(m.lideres.get(1)).toBe(m.lideres.get(6));
  });

  it('keeps nine leaders apart by motif alone', () => {
    const muchos = Array.from({ length: 9 }, (_, i) => ({ id: i, candidaturas: { [`P${i}`]: 1 } }));
    const l = mapaLideres(muchos, { partidos: [], coaliciones: [] });
    expect(new Set(l.leyenda.map((e) => e.motivo)).size).toBe(9);
  });
});
