import { describe, expect, it } from 'vitest';
import { BOLETA } from '../../../test/ejemplos/conteos.ts';
import type { Boleta } from '../catalogo/esquema.ts';
import { candidaturaDe, candidaturaDeColumna, esCombinacion } from './candidaturas.ts';

describe('candidaturaDeColumna', () => {
  it('maps coalition parties and combinations to the coalition, others to themselves', () => {
    expect(Object.fromEntries(candidaturaDeColumna(BOLETA))).toEqual({
      PAN: 'FCXJ',
      PRI: 'FCXJ',
      PRD: 'FCXJ',
      PAN_PRI_PRD: 'FCXJ',
      PAN_PRI: 'FCXJ',
      PAN_PRD: 'FCXJ',
      PRI_PRD: 'FCXJ',
      PVEM: 'PVEM', // not in SHHJ in this territory
      PT: 'SHHJ',
      MORENA: 'SHHJ',
      PT_MORENA: 'SHHJ',
      MC: 'MC',
      CI_1: 'CI_1', // independent; its "_" does not make it a combination
    });
  });
  it('is computed once per ballot object', () => {
    expect(candidaturaDeColumna(BOLETA)).toBe(candidaturaDeColumna(BOLETA));
  });
  it('maps a column named as the coalition itself to it', () => {
    const b: Boleta = { eleccion: 'GUB', territorio: 0, columnas: ['A', 'B', 'CO'], coaliciones: [{ coalicion: 'CO', partidos: ['A', 'B'] }] };
    expect(Object.fromEntries(candidaturaDeColumna(b))).toEqual({ A: 'CO', B: 'CO', CO: 'CO' });
  });
});

describe('candidaturaDe', () => {
  const mapa = candidaturaDeColumna(BOLETA);
  it('follows the ballot, counts a column outside it as its own, and NO_REGISTRADAS / NULOS as none', () => {
    expect(candidaturaDe(mapa, 'PAN_PRI')).toBe('FCXJ');
    expect(candidaturaDe(mapa, 'OTRO')).toBe('OTRO');
    expect(candidaturaDe(mapa, 'NO_REGISTRADAS')).toBeUndefined();
    expect(candidaturaDe(mapa, 'NULOS')).toBeUndefined();
  });
});

describe('esCombinacion', () => {
  const partidos = new Set(['PAN', 'PRI', 'PRD', 'NUEVA_ALIANZA']);
  it.each([
    ['PAN_PRI', true],
    ['PAN_PRI_PRD', true],
    ['PRD_NUEVA_ALIANZA', true], // siglas with "_" are matched whole
    ['PAN', false], // one party is not a combination
    ['PAN_PAN', false],
    ['PAN_MC', false],
    ['NUEVA_ALIANZA', false],
  ])('%s → %s', (col, esperado) => {
    expect(esCombinacion(col, partidos)).toBe(esperado);
  });
});
