import { describe, expect, it } from 'vitest';
import { CONTEO, figurasDeConteo } from './figuras.ts';

describe('figurasDeConteo', () => {
  const t = {
    esperadas: 3,
    registradas: 3,
    fueraCatalogo: 1,
    capturadas: 2,
    contabilizadas: 1,
    inconsistencias: 1,
    listaNominalContabilizadas: 7,
    votosConEspeciales: 6,
    votosSinEspeciales: 5,
  };

  it('derives the 13 figures with truncated percentages', () => {
    expect(figurasDeConteo(t, false)).toEqual({
      ACTAS_ESPERADAS: 3,
      ACTAS_REGISTRADAS: 3,
      ACTAS_FUERA_CATALOGO: 1,
      ACTAS_CAPTURADAS: 2,
      PORCENTAJE_ACTAS_CAPTURADAS: 66.6666,
      ACTAS_CONTABILIZADAS: 1,
      PORCENTAJE_ACTAS_CONTABILIZADAS: 33.3333,
      PORCENTAJE_ACTAS_INCONSISTENCIAS: 33.3333,
      ACTAS_NO_CONTABILIZADAS: 1,
      LISTA_NOMINAL_ACTAS_CONTABILIZADAS: 7,
      TOTAL_VOTOS_C_CS: 6,
      TOTAL_VOTOS_S_CS: 5,
      PORCENTAJE_PARTICIPACION_CIUDADANA: 71.4285,
    });
  });

  it('switches participation to the votes with especiales in the final corte, and is 0 without lista nominal', () => {
    expect(figurasDeConteo(t, true).PORCENTAJE_PARTICIPACION_CIUDADANA).toBe(85.7142);
    expect(figurasDeConteo({ ...t, listaNominalContabilizadas: 0 }, true).PORCENTAJE_PARTICIPACION_CIUDADANA).toBe(0);
    expect(CONTEO).toHaveLength(9);
  });
});
