import { describe, expect, it } from 'vitest';
import { barrasPorCandidatura, barrasPorPartido } from './barras.ts';
import { nombreColumna, partidosDeColumna } from './columnas.ts';
import { lider, type Catalogo } from './opciones.ts';

const cat: Catalogo = {
  partidos: [
    { siglas: 'PAN', nombre: 'Partido Acción Nacional', color: '#0059b3' },
    { siglas: 'PRI', nombre: 'Partido Revolucionario Institucional', color: '#e1261c' },
    { siglas: 'MC', nombre: 'Movimiento Ciudadano', color: '#ff8300' },
    { siglas: 'PT_X', nombre: 'Un partido con guion', color: '#aa0000' },
  ],
  coaliciones: [{ id: 'FCJ', nombre: 'Fuerza y Corazón por Jalisco', partidos: ['PAN', 'PRI'] }],
};

describe('result rows', () => {
  it('splits combination columns on known siglas, even with "_" inside', () => {
    const s = new Set(cat.partidos.map((p) => p.siglas));
    expect(partidosDeColumna('PAN_PRI', s)).toEqual(['PAN', 'PRI']);
    expect(partidosDeColumna('PT_X_PAN', s)).toEqual(['PT_X', 'PAN']);
    expect(partidosDeColumna('OTRO_PAN', s)).toBeNull();
  });

  it('by party: every column with its colours, fixed columns last', () => {
    const b = barrasPorPartido({ NULOS: 9, PAN: 10, PAN_PRI: 2, MC: 30, NO_REGISTRADAS: 1 }, cat);
    expect(b.map((x) => x.clave)).toEqual(['MC', 'PAN', 'PAN_PRI', 'NO_REGISTRADAS', 'NULOS']);
    expect(b[2]).toMatchObject({ etiqueta: 'PAN + PRI', colores: ['#0059b3', '#e1261c'] });
    expect(b[4]).toMatchObject({ etiqueta: 'Votos nulos', colores: [] });
  });

  it('by candidatura: coalitions by name with their parties, plus no registradas and nulos', () => {
    const b = barrasPorCandidatura({ FCJ: 12, MC: 30 }, { PAN: 10, PAN_PRI: 2, MC: 30, NULOS: 9 }, cat);
    expect(b.map((x) => [x.clave, x.votos])).toEqual([
      ['MC', 30],
      ['FCJ', 12],
      ['NULOS', 9],
    ]);
    expect(b[1]).toMatchObject({ etiqueta: 'Fuerza y Corazón por Jalisco', detalle: 'PAN, PRI' });
  });

  it('finds the leader, and none on a tie', () => {
    expect(lider({ A: 3, B: 5 })).toEqual({ id: 'B', votos: 5 });
    expect(lider({ A: 5, B: 5 })).toBeNull();
    expect(lider({})).toBeNull();
  });
});

describe('column names on an acta', () => {
  it('parties by siglas, combinations joined, fixed columns in words, unknown as they are', () => {
    expect(nombreColumna('PAN', cat)).toBe('PAN');
    expect(nombreColumna('PT_X_PAN', cat)).toBe('PT_X + PAN');
    expect(nombreColumna('NO_REGISTRADAS', cat)).toBe('Candidaturas no registradas');
    expect(nombreColumna('NULOS', cat)).toBe('Votos nulos');
    expect(nombreColumna('OTRO_PAN', cat)).toBe('OTRO_PAN');
  });
});

describe('fórmulas', () => {
  it('by candidatura: the propietaria of each fórmula contested here, before the parties', () => {
    const conCandidatos: Catalogo = { ...cat, candidatos: [{ partidoCi: 'FCJ', propietaria: 'Ana Pérez' }, { partidoCi: 'MC', propietaria: 'Luis Gómez' }] };
    const b = barrasPorCandidatura({ FCJ: 12, MC: 30 }, {}, conCandidatos);
    expect(b.find((x) => x.clave === 'FCJ')?.detalle).toBe('Ana Pérez · PAN, PRI');
    expect(b.find((x) => x.clave === 'MC')?.detalle).toBe('Luis Gómez · Movimiento Ciudadano');
    expect(barrasPorCandidatura({ FCJ: 12 }, {}, cat)[0]?.detalle).toBe('PAN, PRI');
  });
});
