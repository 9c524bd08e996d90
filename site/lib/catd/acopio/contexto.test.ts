import { describe, expect, it } from 'vitest';
import { reglasDeClaves } from './contexto.ts';

describe('reglasDeClaves', () => {
  it('takes the entidad and the acta types from the expected claves', () => {
    expect(reglasDeClaves(['140338B01004', '140338B01002', '140339C01004', '140340B0100A1'])).toEqual({
      entidad: 14,
      tiposActa: ['2', '4', 'A1'],
    });
  });

  it('knows nothing from no claves, and no entidad from claves that disagree', () => {
    expect(reglasDeClaves([])).toEqual({ entidad: null, tiposActa: null });
    expect(reglasDeClaves(['FC-3', 'x'])).toEqual({ entidad: null, tiposActa: null });
    expect(reglasDeClaves(['140338B01004', '150338B01004']).entidad).toBeNull();
  });
});
