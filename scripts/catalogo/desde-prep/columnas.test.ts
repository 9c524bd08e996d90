import { describe, expect, it } from 'vitest';
import { clasificarColumnas, colorDe, componentes, esIndependiente } from './columnas.ts';

describe('clasificarColumnas', () => {
  it('splits parties, independents and combinations (2024 style)', () => {
    const c = clasificarColumnas(['PAN', 'PRI', 'PRD', 'PVEM', 'PT', 'MC', 'MORENA', 'CI_01', 'CI_02', 'PAN_PRI_PRD', 'PAN_PRI', 'PAN_PRD', 'PRI_PRD', 'PVEM_PT_MORENA', 'PVEM_PT', 'PVEM_MORENA', 'PT_MORENA']);
    expect(c.partidos.map((p) => `${p.siglas}:${p.tipo}`)).toEqual([
      'PAN:partido', 'PRI:partido', 'PRD:partido', 'PVEM:partido', 'PT:partido', 'MC:partido', 'MORENA:partido', 'CI_01:independiente', 'CI_02:independiente',
    ]);
    expect([...c.combinaciones]).toEqual([
      ['PAN_PRI_PRD', ['PAN', 'PRI', 'PRD']],
      ['PAN_PRI', ['PAN', 'PRI']],
      ['PAN_PRD', ['PAN', 'PRD']],
      ['PRI_PRD', ['PRI', 'PRD']],
      ['PVEM_PT_MORENA', ['PVEM', 'PT', 'MORENA']],
      ['PVEM_PT', ['PVEM', 'PT']],
      ['PVEM_MORENA', ['PVEM', 'MORENA']],
      ['PT_MORENA', ['PT', 'MORENA']],
    ]);
    expect(c.avisos).toEqual([]);
    expect(c.problemas).toEqual([]);
    expect([...c.renombre.values()]).toEqual([...c.renombre.keys()]);
  });

  it('reads the 2018 abbreviations: NUEVA_ALIANZA is NA and ENCUENTRO_SOCIAL is PES inside combinations', () => {
    const c = clasificarColumnas([
      'PAN', 'PRI', 'PRD', 'PVEM', 'PT', 'MC', 'NUEVA_ALIANZA', 'MORENA', 'ENCUENTRO_SOCIAL', 'CAND_IND_01',
      'PAN_PRD_MC', 'PAN_PRD', 'PAN_MC', 'PRD_MC', 'PRI_PVEM_NA', 'PRI_PVEM', 'PRI_NA', 'PVEM_NA', 'PT_MORENA_PES', 'PT_MORENA', 'PT_PES', 'MORENA_PES',
    ]);
    expect(c.partidos.map((p) => p.siglas)).toEqual(['PAN', 'PRI', 'PRD', 'PVEM', 'PT', 'MC', 'NA', 'MORENA', 'PES', 'CAND_IND_01']);
    expect(c.partidos.find((p) => p.siglas === 'NA')).toMatchObject({ columna: 'NUEVA_ALIANZA', nombre: 'NUEVA ALIANZA', tipo: 'partido' });
    expect(c.partidos.find((p) => p.siglas === 'CAND_IND_01')?.tipo).toBe('independiente');
    expect(c.combinaciones.get('PRI_PVEM_NA')).toEqual(['PRI', 'PVEM', 'NA']);
    expect(c.combinaciones.get('PT_MORENA_PES')).toEqual(['PT', 'MORENA', 'PES']);
    expect(c.renombre.get('NUEVA_ALIANZA')).toBe('NA');
    expect(c.renombre.get('ENCUENTRO_SOCIAL')).toBe('PES');
    expect(c.avisos).toEqual([
      { columna: 'NUEVA_ALIANZA', codigo: 'SIGLAS_ABREVIADAS', mensaje: 'la columna NUEVA_ALIANZA se llama NA en el catálogo, como en la combinación PRI_PVEM_NA' },
      { columna: 'ENCUENTRO_SOCIAL', codigo: 'SIGLAS_ABREVIADAS', mensaje: 'la columna ENCUENTRO_SOCIAL se llama PES en el catálogo, como en la combinación PT_MORENA_PES' },
    ]);
  });

  it('keeps a party whose name has an underscore, and names combinations spelled with the long name by the siglas', () => {
    const c = clasificarColumnas(['PRI', 'NUEVA_ALIANZA', 'PRI_NUEVA_ALIANZA', 'PRI_NA']);
    expect(c.partidos.map((p) => p.siglas)).toEqual(['PRI', 'NA', 'PRI_NA_2']);
    expect(c.problemas).toEqual([]);
    expect(c.avisos).toContainEqual({
      columna: 'PRI_NA',
      codigo: 'COLUMNA_COMO_PARTIDO',
      mensaje: 'la columna PRI_NA sería la misma columna PRI_NA del catálogo que PRI_NUEVA_ALIANZA: se conserva como un partido propio llamado PRI_NA_2',
    });
  });

  it('keeps a combination with an independent candidacy as a party of its own, with a warning', () => {
    const c = clasificarColumnas(['PAN', 'CI_1', 'PAN_CI_1']);
    expect(c.problemas).toEqual([]);
    expect(c.partidos.map((p) => p.siglas)).toEqual(['PAN', 'CI_1', 'PAN_CI_1']);
    expect(c.avisos.map((a) => a.mensaje)).toEqual([
      'la columna PAN_CI_1 combina una candidatura independiente (CI_1) y no es una combinación de coalición: se conserva como un partido propio llamado PAN_CI_1',
    ]);
  });
});

describe('helpers', () => {
  it('recognises independents', () => {
    expect(['CI_1', 'CI_01', 'CAND_IND_01', 'CAND_IND1', 'IND_2', 'INDEPENDIENTE'].every(esIndependiente)).toBe(true);
    expect(['PAN', 'MC', 'PES', 'CIUDADANOS'].some(esIndependiente)).toBe(false);
  });
  it('groups parties joined by combinations, in party order', () => {
    const orden = new Map(['PAN', 'PRI', 'PRD', 'PT', 'MORENA'].map((p, i) => [p, i]));
    expect(componentes([['PRI', 'PRD'], ['MORENA', 'PT'], ['PAN', 'PRD']], orden)).toEqual([['PAN', 'PRI', 'PRD'], ['PT', 'MORENA']]);
  });
  it('colours known parties, independents grey, others from a palette', () => {
    expect(colorDe({ siglas: 'MC', columna: 'MC', nombre: 'MC', tipo: 'partido' }, 5)).toBe('#FF8300');
    expect(colorDe({ siglas: 'CI_1', columna: 'CI_1', nombre: 'CI 1', tipo: 'independiente' }, 8)).toBe('#6D6E71');
    expect(colorDe({ siglas: 'HAGAMOS', columna: 'HAGAMOS', nombre: 'HAGAMOS', tipo: 'partido' }, 0)).toMatch(/^#[0-9A-F]{6}$/);
  });
});
