import { describe, expect, it } from 'vitest';
import { formatProblema, ordenarProblemas } from './problemas.ts';

describe('problems', () => {
  it('formats archivo:línea:columna: mensaje, leaving out what is unknown', () => {
    expect(formatProblema({ archivo: 'casillas.csv', linea: 3, columna: 27, codigo: 'VALOR', mensaje: 'x' })).toBe('casillas.csv:3:27: x');
    expect(formatProblema({ archivo: 'casillas.csv', codigo: 'ARCHIVO_FALTANTE', mensaje: 'falta' })).toBe('casillas.csv: falta');
  });
  it('sorts by file, line and column', () => {
    const p = (archivo: string, linea?: number, columna?: number) => ({ archivo, ...(linea ? { linea } : {}), ...(columna ? { columna } : {}), codigo: 'X', mensaje: '' });
    expect(ordenarProblemas([p('b.csv', 2, 1), p('a.csv', 10, 1), p('a.csv', 9, 5), p('a.csv'), p('a.csv', 9, 2)])).toEqual([
      p('a.csv'),
      p('a.csv', 9, 2),
      p('a.csv', 9, 5),
      p('a.csv', 10, 1),
      p('b.csv', 2, 1),
    ]);
  });
});
