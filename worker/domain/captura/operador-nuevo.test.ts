import { describe, expect, it } from 'vitest';
import { OperadorNuevoSchema } from './operador-nuevo.ts';

const base = { id: 'ana', nombre: 'Ana', ambito: 'CATD', catd: 'CATD-D01', roles: ['captura'], casillas: [] };
const problemas = (o: unknown) => {
  const r = OperadorNuevoSchema.safeParse(o);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('a new operator', () => {
  it('a CATD operator names its CATD; a device its casillas; the others neither', () => {
    expect(problemas(base)).toEqual([]);
    expect(problemas({ ...base, catd: null })).toHaveLength(1);
    expect(problemas({ ...base, ambito: 'CCV' })).toHaveLength(1);
    expect(problemas({ ...base, ambito: 'CASILLA', catd: null, roles: ['digitalizacion'], casillas: ['140338B0100'] })).toEqual([]);
    expect(problemas({ ...base, ambito: 'CASILLA', catd: null, roles: ['digitalizacion'] })).toHaveLength(1);
    expect(problemas({ ...base, ambito: 'CASILLA', catd: null, roles: ['digitalizacion'], casillas: ['X'] })).toEqual(['CLAVE_CASILLA inválida: X']);
  });

  it('holds only roles its ámbito admits, once each', () => {
    expect(problemas({ ...base, ambito: 'CCV', catd: null, roles: ['acopio'] })).toEqual(['el ámbito CCV no admite el rol acopio']);
    expect(problemas({ ...base, ambito: 'INSTITUTO', catd: null, roles: ['admin'] })).toEqual([]);
    expect(problemas({ ...base, roles: ['admin'] })).toEqual(['el ámbito CATD no admite el rol admin']);
    expect(problemas({ ...base, ambito: 'INSTITUTO', catd: null, roles: ['observador'] })).toEqual([]);
    expect(problemas({ ...base, roles: ['observador'] })).toEqual(['el ámbito CATD no admite el rol observador']);
    expect(problemas({ ...base, roles: ['captura', 'captura'] })).toEqual(['roles repetidos']);
    expect(problemas({ ...base, roles: [] })).toHaveLength(1);
  });

  it('has a short lower-case id', () => {
    expect(problemas({ ...base, id: 'Ana' })).toHaveLength(1);
    expect(problemas({ ...base, id: 'a' })).toHaveLength(1);
    expect(problemas({ ...base, extra: 1 })).toHaveLength(1);
  });
});
