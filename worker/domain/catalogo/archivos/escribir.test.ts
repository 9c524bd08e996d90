import { describe, expect, it } from 'vitest';
import { catalogoEjemplo } from '../../../../test/ejemplos/eleccion.ts';
import { catalogoAArchivos } from './escribir.ts';

describe('catalogoAArchivos', () => {
  const files = catalogoAArchivos(catalogoEjemplo);
  const file = (n: string) => files.find((f) => f.nombre === n)!.texto;

  it('writes every documented file, then one candidaturas file per election', () => {
    expect(files.map((f) => f.nombre)).toEqual([
      'entidad.csv',
      'elecciones.csv',
      'partidos.csv',
      'coaliciones.csv',
      'distritos.csv',
      'municipios.csv',
      'secciones.csv',
      'casillas.csv',
      'boletas.csv',
      'boletas_coaliciones.csv',
      'catds.csv',
      'candidaturas_GUB.csv',
      'candidaturas_DIP_LOC.csv',
      'candidaturas_AYUN.csv',
    ]);
  });

  it('writes UTF-8 with BOM and CRLF, keys with an apostrophe, lists joined by +', () => {
    expect(file('entidad.csv')).toBe('\uFEFFID_ENTIDAD,ENTIDAD,HUSO_HORARIO,SINTETICO\r\n14,Jalisco,UTC-6,1\r\n');
    expect(file('casillas.csv').split('\r\n')[1]).toBe("'140338B0100,338,B,1,0,1,612,9");
    expect(file('coaliciones.csv')).toContain('\r\nFCXJ,Fuerza y Corazón por Jalisco,PAN+PRI+PRD\r\n');
    expect(file('catds.csv')).toContain('\r\nCATD-D02,CATD Distrital 02 Zapopan,distrito,2,GUB+DIP_LOC\r\n');
  });

  it('writes the territory column each election needs in its candidaturas (none for the entidad)', () => {
    expect(file('candidaturas_GUB.csv').split('\r\n')[0]).toBe('\uFEFFID_ENTIDAD,PARTIDO_CI,CANDIDATURA_PROPIETARIA,CANDIDATURA_SUPLENTE');
    expect(file('candidaturas_DIP_LOC.csv').split('\r\n')[0]).toContain('ID_ENTIDAD,ID_DISTRITO_LOCAL,PARTIDO_CI');
    expect(file('candidaturas_AYUN.csv').split('\r\n')[0]).toContain('ID_ENTIDAD,ID_MUNICIPIO,PARTIDO_CI');
    expect(file('candidaturas_AYUN.csv')).toContain('\r\n14,120,CI_1,Sergio Valdés Ortega,Tomás Ulloa Campos\r\n');
  });

  it('writes one boletas row per vote column in publication order, and header-only files when a table is empty', () => {
    const filas = file('boletas.csv').split('\r\n').filter((l) => l.startsWith('AYUN,120,'));
    expect(filas.map((l) => l.split(',')[2])).toEqual(['PAN', 'PRI', 'PRD', 'PVEM', 'PT', 'MC', 'MORENA', 'CI_1', 'PVEM_MORENA']);
    const sinCoaliciones = catalogoAArchivos({ ...catalogoEjemplo, coaliciones: [], boletas: catalogoEjemplo.boletas.map((b) => ({ ...b, coaliciones: [] })), candidaturas: [] });
    expect(sinCoaliciones.find((f) => f.nombre === 'coaliciones.csv')!.texto).toBe('\uFEFFCOALICION,NOMBRE,PARTIDOS\r\n');
  });

  it('quotes only cells that need it', () => {
    const cat = { ...catalogoEjemplo, municipios: [{ id: 39, nombre: 'Guadalajara, "la Perla"' }, ...catalogoEjemplo.municipios.slice(1)] };
    expect(catalogoAArchivos(cat).find((f) => f.nombre === 'municipios.csv')!.texto).toContain('\r\n39,"Guadalajara, ""la Perla"""\r\n');
  });
});
