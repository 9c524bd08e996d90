import { describe, expect, it } from 'vitest';
import { territoriosGanados } from './ganados.ts';
import { mapaLideres } from './geoLideres.ts';
import type { FilaTerritorio } from './modelo.ts';
import type { Catalogo } from './opciones.ts';

const cat: Catalogo = {
  partidos: [
    { siglas: 'PAN', nombre: 'Partido Acción Nacional', color: '#0059B3' },
    { siglas: 'PRI', nombre: 'Partido Revolucionario Institucional', color: '#E2231A' },
    { siglas: 'MC', nombre: 'Movimiento Ciudadano', color: '#FF8300' },
  ],
  coaliciones: [{ id: 'FYC', nombre: 'Fuerza y Corazón', partidos: ['PRI', 'PAN'] }],
};

const filas: Pick<FilaTerritorio, 'id' | 'candidaturas'>[] = [
  { id: 1, candidaturas: { MC: 10, FYC: 3 } },
  { id: 2, candidaturas: { MC: 4, FYC: 9 } },
  { id: 3, candidaturas: { MC: 7, PAN: 1 } },
  // A tie for first place: nobody leads.
  { id: 4, candidaturas: { MC: 5, FYC: 5, PAN: 2 } },
  // Counted actas without votes, and no actas at all.
  { id: 5, candidaturas: { MC: 0, FYC: 0 } },
  { id: 6, candidaturas: {} },
];

describe('territoriosGanados', () => {
  it('counts each leader, the ties and the territories without votes, every territory once', () => {
    const g = territoriosGanados(filas, cat);
    expect(g.lideres.map((l) => [l.id, l.nombre, l.territorios])).toEqual([
      ['MC', 'MC', 2],
      ['FYC', 'Fuerza y Corazón', 1],
    ]);
    expect(g.empates).toBe(1);
    expect(g.sinVotos).toBe(2);
    expect(g.total).toBe(6);
    expect(g.lideres.reduce((s, l) => s + l.territorios, 0) + g.empates + g.sinVotos).toBe(g.total);
  });

  it('agrees with the leaders map territory by territory', () => {
    const { lideres } = mapaLideres(filas, cat);
    const g = territoriosGanados(filas, cat);
    for (const l of g.lideres) expect([...lideres.values()].filter((e) => e?.id === l.id).length).toBe(l.territorios);
    expect([...lideres.values()].filter((e) => e === null).length).toBe(g.empates + g.sinVotos);
  });

  it('has no leaders and no rows to count for an empty level', () => {
    expect(territoriosGanados([], cat)).toEqual({ lideres: [], empates: 0, sinVotos: 0, total: 0 });
  });
});
