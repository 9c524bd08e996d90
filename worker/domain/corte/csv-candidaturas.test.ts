import { describe, expect, it } from 'vitest';
import { parseCsv } from '../csv/leer.ts';
import { catalogoEjemplo } from '../../../test/ejemplos/eleccion.ts';
import { csvCandidaturas } from './csv-candidaturas.ts';
import { construirModelo } from './modelo.ts';

const eleccion = (codigo: string) => {
  const m = construirModelo(catalogoEjemplo);
  if (!m.ok) throw new Error('modelo');
  return m.value.eleccionPorCodigo.get(codigo)!;
};

const filas = (codigo: string) => {
  const r = parseCsv(csvCandidaturas(catalogoEjemplo, eleccion(codigo)));
  if (!r.ok) throw new Error(r.error.mensaje);
  return r.value.map((x) => x.fields.map((f) => f.value));
};

describe('candidaturas CSV', () => {
  it('has no territory column for the gubernatura, and starts with a BOM', () => {
    expect(csvCandidaturas(catalogoEjemplo, eleccion('GUB')).startsWith('\uFEFFID_ENTIDAD,PARTIDO_CI,')).toBe(true);
    expect(filas('GUB')).toEqual([
      ['ID_ENTIDAD', 'PARTIDO_CI', 'CANDIDATURA_PROPIETARIA', 'CANDIDATURA_SUPLENTE'],
      ['14', 'FCXJ', 'Laura Haro Ramírez', 'Laura Haro Ramírez'],
      ['14', 'SHHJ', 'Claudia Delgadillo González', 'Claudia Delgadillo González'],
      ['14', 'MC', 'Pablo Lemus Navarro', 'Pablo Lemus Navarro'],
    ]);
  });

  it('has one row per candidatura per territory, by territory, coalitions first', () => {
    const ayun = filas('AYUN');
    expect(ayun[0]).toEqual(['ID_ENTIDAD', 'ID_MUNICIPIO', 'PARTIDO_CI', 'CANDIDATURA_PROPIETARIA', 'CANDIDATURA_SUPLENTE']);
    expect(ayun.slice(1).map((f) => `${f[1]}:${f[2]}`)).toEqual(
      catalogoEjemplo.candidaturas.filter((c) => c.eleccion === 'AYUN').map((c) => `${c.territorio}:${c.partidoCi}`).sort((a, b) => {
        const orden = ['FCXJ', 'SHHJ', 'PAN', 'PRI', 'PRD', 'PVEM', 'PT', 'MC', 'MORENA', 'CI_1'];
        const [ta, pa] = a.split(':') as [string, string];
        const [tb, pb] = b.split(':') as [string, string];
        return Number(ta) - Number(tb) || orden.indexOf(pa) - orden.indexOf(pb);
      }),
    );
    expect(filas('DIP_LOC')[0]![1]).toBe('ID_DISTRITO_LOCAL');
  });
});
