import { describe, expect, it } from 'vitest';
import { isBlank, parseCsv, wrongDelimiter, type CsvRareza, type CsvRecord } from './leer.ts';

const values = (rs: CsvRecord[]) => rs.map((r) => r.fields.map((f) => f.value));
const parsed = (text: string) => {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(`${r.error.line}:${r.error.column} ${r.error.mensaje}`);
  return r.value;
};

describe('parseCsv', () => {
  it('reads plain records with LF, CRLF, lone CR and no final line end', () => {
    expect(values(parsed('a,b\n1,2\n'))).toEqual([['a', 'b'], ['1', '2']]);
    expect(values(parsed('a,b\r\n1,2\r\n'))).toEqual([['a', 'b'], ['1', '2']]);
    expect(values(parsed('a,b\r1,2'))).toEqual([['a', 'b'], ['1', '2']]);
    expect(values(parsed('a,b\r\n1,2\n3,4'))).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
  });
  it('ignores a BOM and keeps empty fields, trailing ones included', () => {
    expect(values(parsed('\uFEFFa,,c,\n'))).toEqual([['a', '', 'c', '']]);
    expect(values(parsed('a,'))).toEqual([['a', '']]);
  });
  it('reads quoted fields with delimiters, escaped quotes and line breaks', () => {
    const rs = parsed('id,nombre\n1,"Escuela ""Benito Juárez"", aula 2"\n2,"dos\r\nlíneas"\n3,x\n');
    expect(values(rs)).toEqual([['id', 'nombre'], ['1', 'Escuela "Benito Juárez", aula 2'], ['2', 'dos\r\nlíneas'], ['3', 'x']]);
    expect(rs.map((r) => r.line)).toEqual([1, 2, 3, 5]);
  });
  it('gives every field its line and column', () => {
    const rs = parsed('a,bb,ccc\n"x\ny",zz\n');
    expect(rs[0]!.fields.map((f) => [f.line, f.column])).toEqual([[1, 1], [1, 3], [1, 6]]);
    expect(rs[1]!.fields.map((f) => [f.line, f.column])).toEqual([[2, 1], [3, 4]]);
  });
  it('reports blank lines as blank records', () => {
    const rs = parsed('a\n\n,,\nb\n');
    expect(rs.map(isBlank)).toEqual([false, true, true, false]);
  });
  it('reports a quoted field that never closes (truncated file) where it opened', () => {
    const r = parseCsv('a,b\n1,"sin cerrar\n2,3\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ codigo: 'COMILLA_SIN_CERRAR', line: 2, column: 3 });
  });
  it('reports text after a closing quote and a quote inside an unquoted field', () => {
    const a = parseCsv('a,b\n"x"y,2\n');
    expect(!a.ok && a.error).toMatchObject({ codigo: 'COMILLA_INESPERADA', line: 2, column: 4 });
    const b = parseCsv('a,b\n1,12"\n');
    expect(!b.ok && b.error).toMatchObject({ codigo: 'COMILLA_INESPERADA', line: 2, column: 5 });
  });
  it('parses the empty text as no records', () => {
    expect(values(parsed(''))).toEqual([]);
  });
});

describe('wrongDelimiter', () => {
  it('names the delimiter a file really uses', () => {
    const [h] = parsed('SECCION;TIPO_CASILLA;ID_CASILLA\n');
    expect(wrongDelimiter(h!)?.mensaje).toMatch(/punto y coma/);
    const [t] = parsed('SECCION\tTIPO_CASILLA\n');
    expect(wrongDelimiter(t!)?.mensaje).toMatch(/tabulador/);
  });
  it('accepts comma-separated headers and single-column headers without other delimiters', () => {
    expect(wrongDelimiter(parsed('A,B\n')[0]!)).toBeNull();
    expect(wrongDelimiter(parsed('A\n')[0]!)).toBeNull();
  });
});


describe('parseCsv tolerante (published PREP databases only)', () => {
  it('stays strict by default: a quote inside an unquoted field is refused', () => {
    const r = parseCsv('="01"|x\n', { delimiter: '|' });
    expect(!r.ok && r.error.codigo).toBe('COMILLA_INESPERADA');
  });
  it('reads an Excel text formula as its text and keeps other stray quotes, reporting each', () => {
    const rarezas: CsvRareza[] = [];
    const r = parseCsv('="230085B0100"|5 "x"|="01"\n', { delimiter: '|', tolerante: true, rarezas });
    expect(r.ok && values(r.value)).toEqual([['230085B0100', '5 "x"', '01']]);
    expect(rarezas).toEqual([
      { codigo: 'FORMULA_EXCEL', line: 1, column: 1 },
      { codigo: 'COMILLA_LITERAL', line: 1, column: 18 },
      { codigo: 'COMILLA_LITERAL', line: 1, column: 20 },
      { codigo: 'FORMULA_EXCEL', line: 1, column: 22 },
    ]);
  });
});
