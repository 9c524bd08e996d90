import { describe, expect, it } from 'vitest';
import { cifraResumen, columnasCanonicas, limpiarCelda, normalizarNombre } from './encabezados.ts';

describe('headers of published PREP databases', () => {
  it('normalizes case, accents, blanks and punctuation', () => {
    expect(normalizarNombre('Actas fuera de catálogo')).toBe('ACTAS_FUERA_DE_CATALOGO');
    expect(normalizarNombre("'CLAVE_CASILLA'")).toBe('CLAVE_CASILLA');
    expect(normalizarNombre('CANDIDATO/A NO REGISTRADO/A')).toBe('CANDIDATO_A_NO_REGISTRADO_A');
    expect(normalizarNombre('PAN-PRI-PRD')).toBe('PAN_PRI_PRD');
  });

  it('maps every naming variant of the summary figures since 2018', () => {
    for (const v of ['ACTAS_FUERA_CATALOGO', 'ACTAS_FUERA_DE_CATALOGO', 'ACTAS_FUERA_DE_CATÁLOGO', 'actas_fuera_catálogo']) {
      expect(cifraResumen(v), v).toBe('ACTAS_FUERA_CATALOGO');
    }
    expect(cifraResumen('PORCENTAJE_ACTAS_CON_INCONSISTENCIAS')).toBe('PORCENTAJE_ACTAS_INCONSISTENCIAS');
    expect(cifraResumen('PORCENTAJE_ACTAS_INCONSISTENCIAS')).toBe('PORCENTAJE_ACTAS_INCONSISTENCIAS');
    expect(cifraResumen('PAN')).toBeUndefined();
  });

  it('maps the data columns of 2018, 2021 and 2024 to one name each', () => {
    const h2018 = ['CLAVE_CASILLA', 'ID_ESTADO', 'NOMBRE_ESTADO', 'ID_DISTRITO', 'NOMBRE_DISTRITO', 'SECCION', 'CASILLA', 'PAN', 'CNR', 'VN', 'TOTAL_VOTOS_CALCULADOS', 'LISTA_NOMINAL_CASILLA', 'SHA'];
    expect(columnasCanonicas(h2018)).toEqual([
      'CLAVE_CASILLA', 'ID_ENTIDAD', 'ENTIDAD', 'ID_DISTRITO', 'DISTRITO', 'SECCION', 'UBICACION_CASILLA', null, 'NO_REGISTRADAS', 'NULOS', 'TOTAL_VOTOS_CALCULADO', 'LISTA_NOMINAL', 'CODIGO_INTEGRIDAD',
    ]);
    const h2021 = ['ID_ESTADO', 'ESTADO', 'ID_DISTRITO_LOCAL', 'CABECERA_DISTRITO_LOCAL', 'ID_MUNICIPIO_LOCAL', 'MUNICIPIO_LOCAL', 'UBICACION_CASILLA', 'CASILLA'];
    expect(columnasCanonicas(h2021)).toEqual(['ID_ENTIDAD', 'ENTIDAD', 'ID_DISTRITO', 'DISTRITO', 'ID_MUNICIPIO', 'MUNICIPIO', 'UBICACION_CASILLA', null]);
    const h2024 = ['ID_ENTIDAD', 'ENTIDAD', 'ID_DISTRITO_FEDERAL', 'DISTRITO_FEDERAL', 'ID_MUNICIPIO', 'MUNICIPIO', 'TOTAL_VOTOS_CALCULADO'];
    expect(columnasCanonicas(h2024)).toEqual(['ID_ENTIDAD', 'ENTIDAD', 'ID_DISTRITO', 'DISTRITO', 'ID_MUNICIPIO', 'MUNICIPIO', 'TOTAL_VOTOS_CALCULADO']);
  });

  it('settles the ambiguous ESTADO and DISTRITO by the rest of the header (cómputos 2018: ESTADO is the number)', () => {
    expect(columnasCanonicas(['ESTADO', 'NOMBRE_ESTADO', 'DISTRITO', 'NOMBRE_DISTRITO'])).toEqual(['ID_ENTIDAD', 'ENTIDAD', 'ID_DISTRITO', 'DISTRITO']);
  });

  it('cleans cells: blanks and spreadsheet apostrophes on either side', () => {
    expect(limpiarCelda(" '140338B0100' ")).toBe('140338B0100');
    expect(limpiarCelda("'140338B01004")).toBe('140338B01004');
    expect(limpiarCelda('-')).toBe('-');
  });
});
