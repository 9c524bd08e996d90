import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { formatProblema } from './problemas.ts';
import { leerEntero, leerLista, leerTabla, leerTexto, type ColumnaSpec } from './tabla.ts';

const columnas: ColumnaSpec[] = [
  { nombre: 'ID', campo: 'id', requerida: true, formato: 'un entero ≥ 1', leer: leerEntero, doc: '' },
  { nombre: 'NOMBRE', campo: 'nombre', requerida: true, formato: 'un texto', leer: leerTexto, doc: '' },
  { nombre: 'LISTA', campo: 'lista', requerida: false, formato: 'siglas separadas por +', leer: leerLista, porDefecto: () => [], doc: '' },
  { nombre: 'ORDEN', campo: 'orden', requerida: false, formato: 'un entero', leer: leerEntero, porDefecto: (fila) => fila, doc: '' },
];
const schema = z.strictObject({ id: z.number().int().min(1), nombre: z.string().min(1), lista: z.array(z.string().min(1)), orden: z.number().int() });
const leer = (texto: string) => leerTabla('t.csv', new TextEncoder().encode(texto), columnas, schema);

describe('leerTabla', () => {
  it('maps headers in any order and case, fills optional columns, skips blank rows', () => {
    const t = leer('nombre, id ,Lista\n"Uno",1,A+B\n\n,,\nDos,2,\n');
    expect(t.problemas).toEqual([]);
    expect(t.filas.map((f) => f.valor)).toEqual([
      { id: 1, nombre: 'Uno', lista: ['A', 'B'], orden: 1 },
      { id: 2, nombre: 'Dos', lista: [], orden: 2 },
    ]);
    expect(t.filas[1]!.linea).toBe(5);
    expect(t.filas[0]!.pos).toMatchObject({ nombre: { linea: 2, columna: 1 }, id: { linea: 2, columna: 7 } });
  });
  it('accepts trailing empty cells that spreadsheets add, refuses extra content', () => {
    expect(leer('ID,NOMBRE\n1,a,,\n').problemas).toEqual([]);
    expect(leer('ID,NOMBRE,,\n1,a,,\n2,b\n').filas.map((f) => f.valor.nombre)).toEqual(['a', 'b']);
    expect(leer('ID,NOMBRE\n1,a,x\n').problemas.map(formatProblema)).toEqual(['t.csv:2:5: la fila tiene 3 campos y el encabezado 2']);
  });
  it('reports every bad cell of a row with what was expected and what was read, and keeps the good rows', () => {
    const t = leer('ID,NOMBRE,ORDEN\n0,,x\n2,b,3\n');
    expect(t.problemas.map(formatProblema)).toEqual([
      't.csv:2:1: ID: se esperaba un entero ≥ 1; se leyó «0»',
      't.csv:2:3: falta NOMBRE (un texto)',
      't.csv:2:4: ORDEN: se esperaba un entero; se leyó «x»',
    ]);
    expect(t.filas.map((f) => f.valor.id)).toEqual([2]);
    expect(t.totalFilas).toBe(2);
  });
  it('reads decimals as non-integers, not as truncated integers', () => {
    expect(leerEntero('12.5')).toBe(12.5);
    expect(leerEntero('12,5')).toBe(12.5);
    expect(leerEntero('+7')).toBe(7);
    expect(leerEntero('7 casillas')).toBe('7 casillas');
  });
});
