import { describe, expect, it } from 'vitest';
import { FIGURAS } from '../contrato/index.ts';
import { conteoVacio, type Conteo } from './conteo.ts';
import { FigurasSchema, figuras } from './figuras.ts';
import { CONTADORES_GUB_EJEMPLO } from '../../../test/ejemplos/conteos.ts';

describe('figuras', () => {
  it('computes the 13 figures in docs/REGLAS.md §5 order with truncated percentages', () => {
    const t: Conteo = { ...conteoVacio(), ...CONTADORES_GUB_EJEMPLO };
    const f = figuras(t, { final: false });
    expect(Object.keys(f)).toEqual([...FIGURAS]);
    expect(f).toEqual({
      ACTAS_ESPERADAS: 15,
      ACTAS_REGISTRADAS: 15,
      ACTAS_FUERA_CATALOGO: 1,
      ACTAS_CAPTURADAS: 14,
      PORCENTAJE_ACTAS_CAPTURADAS: 93.3333,
      ACTAS_CONTABILIZADAS: 7,
      PORCENTAJE_ACTAS_CONTABILIZADAS: 46.6666, // 46.666… truncated, not 46.6667
      PORCENTAJE_ACTAS_INCONSISTENCIAS: 53.3333,
      ACTAS_NO_CONTABILIZADAS: 7,
      LISTA_NOMINAL_ACTAS_CONTABILIZADAS: 2763,
      TOTAL_VOTOS_C_CS: 2810,
      TOTAL_VOTOS_S_CS: 2054,
      PORCENTAJE_PARTICIPACION_CIUDADANA: 74.3394, // 2054 / 2763 = 74.33948…
    });
    expect(figuras(t, { final: true }).PORCENTAJE_PARTICIPACION_CIUDADANA).toBe(101.7010); // 2810 / 2763 = 101.70104…
    expect(FigurasSchema.parse(f)).toEqual(f);
  });

  it('is all zeros for an empty tally (no division by zero)', () => {
    const f = figuras(conteoVacio(), { final: true });
    expect(Object.values(f).every((v) => v === 0)).toBe(true);
  });

  it('FigurasSchema rejects a percentage with more than 4 decimals', () => {
    const f = figuras(conteoVacio(), { final: false });
    expect(FigurasSchema.safeParse(f).success).toBe(true);
    expect(FigurasSchema.safeParse({ ...f, PORCENTAJE_ACTAS_CAPTURADAS: 12.34567 }).success).toBe(false);
  });
});
