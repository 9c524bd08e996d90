import { describe, expect, it } from 'vitest';
import { esCombinacion, filasActa } from './acta.ts';

const cat = { partidos: [{ siglas: 'PAN' }, { siglas: 'PRI' }, { siglas: 'PRD' }, { siglas: 'MC' }, { siglas: 'PT_X' }] } as never;

describe('the rows of an acta', () => {
  it('knows a combination from a party whose siglas contain "_"', () => {
    expect(esCombinacion('PAN_PRI', cat)).toBe(true);
    expect(esCombinacion('PAN_PRI_PRD', cat)).toBe(true);
    expect(esCombinacion('PT_X', cat)).toBe(false);
    expect(esCombinacion('PAN', cat)).toBe(false);
    expect(esCombinacion('NULOS', cat)).toBe(false);
    expect(esCombinacion('NO_REGISTRADAS', cat)).toBe(false);
  });

  it('puts only the combinations with zero votes aside, keeping the order of the rest', () => {
    const votos = { PAN: 0, PRI: 12, PT_X: 0, PAN_PRI: 0, PAN_PRD: 3, PRI_PRD: 'ILEGIBLE', PAN_PRI_PRD: 0, NO_REGISTRADAS: 0, NULOS: 4 } as const;
    const r = filasActa(votos, cat);
    expect(r.visibles.map(([c]) => c)).toEqual(['PAN', 'PRI', 'PT_X', 'PAN_PRD', 'PRI_PRD', 'NO_REGISTRADAS', 'NULOS']);
    expect(r.ocultables).toEqual([
      ['PAN_PRI', 0],
      ['PAN_PRI_PRD', 0],
    ]);
  });
});
