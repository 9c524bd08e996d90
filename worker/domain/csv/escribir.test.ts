import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, type CsvRecord } from './leer.ts';
import { writeCsv } from './escribir.ts';

const values = (rs: CsvRecord[]) => rs.map((r) => r.fields.map((f) => f.value));
const parsed = (text: string) => {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(`${r.error.line}:${r.error.column} ${r.error.mensaje}`);
  return r.value;
};

describe('writeCsv', () => {
  it('quotes only what must be quoted and ends every record', () => {
    expect(writeCsv([['a', 'b,c', 'd"e', ' f', 'g\nh', '']], { eol: '\n' })).toBe('a,"b,c","d""e"," f","g\nh",\n');
    expect(writeCsv([['x']], { bom: true })).toBe('\uFEFFx\r\n');
  });
  it('parse ∘ write is the identity', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'ñ', ',', '"', '\n', '\r', ' ', ';', "'", '-') , maxLength: 6 });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { maxLength: 6 }), fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'), (rows, eol) => {
        expect(values(parsed(writeCsv(rows, { eol, bom: true })))).toEqual(rows);
      }),
    );
  });
});
