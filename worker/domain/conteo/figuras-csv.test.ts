import { describe, expect, it } from 'vitest';
import { figurasDeConteo } from '../contrato/index.ts';
import { figurasFila } from './figuras-csv.ts';
import { CONTADORES_GUB_EJEMPLO } from '../../../test/ejemplos/conteos.ts';

describe('figurasFila', () => {
  it('writes the 13 figures as the CSV summary row, percentages with exactly 4 decimals', () => {
    const f = figurasDeConteo(CONTADORES_GUB_EJEMPLO, false);
    expect(figurasFila(f)).toEqual(['15', '15', '1', '14', '93.3333', '7', '46.6666', '53.3333', '7', '2763', '2810', '2054', '74.3394']);
  });

  it('keeps the 4 decimals of a round percentage', () => {
    const f = figurasDeConteo({ esperadas: 4, registradas: 2, fueraCatalogo: 0, capturadas: 2, contabilizadas: 0, inconsistencias: 0, listaNominalContabilizadas: 0, votosConEspeciales: 0, votosSinEspeciales: 0 }, true);
    expect(figurasFila(f).slice(3, 8)).toEqual(['2', '50.0000', '0', '0.0000', '0.0000']);
  });
});
