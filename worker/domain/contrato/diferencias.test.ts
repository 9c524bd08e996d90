import { describe, expect, it } from 'vitest';
import { aplicarDiferencias, esAplicable, partirCsv, unirCsv, VERSION_DIFERENCIAS, type DiferenciasEleccion } from './diferencias.ts';

const CSV = ['\uFEFFGubernatura', '01/06/2024 20:00 (UTC-6)', 'F1,F2', '0,0', 'CLAVE_ACTA,V', "'A1,-", "'A2,-", "'A3,-", '-,7', ''].join('\r\n');

function dif(x: Partial<DiferenciasEleccion> = {}): DiferenciasEleccion {
  return { codigo: 'GUB', nuevas: [], cambiadas: [], corte: '01/06/2024 20:15 (UTC-6)', resumen: '1,5', esperadas: 3, filas: [], fueraCatalogo: null, ...x };
}

describe('results CSV as header lines and rows', () => {
  it('cuts and joins back byte for byte (BOM, CRLF, final line end)', () => {
    const c = partirCsv(CSV);
    expect(c.cabecera).toHaveLength(5);
    expect(c.filas).toEqual(["'A1,-", "'A2,-", "'A3,-", '-,7']);
    expect(unirCsv(c)).toBe(CSV);
  });

  it('rejects a text without the five header lines', () => {
    expect(() => partirCsv('a\r\nb\r\n')).toThrow(/5 líneas de cabecera/);
  });
});

describe('aplicarDiferencias', () => {
  it('replaces the corte and summary lines, the changed rows in place, and keeps the fuera de catálogo rows when they did not move', () => {
    const fila = { clave: 'A2', indice: 1, fila: "'A2,5", seccion: 1, acta: ['A2'] as never };
    const r = aplicarDiferencias(partirCsv(CSV), dif({ filas: [fila] }));
    expect(unirCsv(r)).toBe(['\uFEFFGubernatura', '01/06/2024 20:15 (UTC-6)', 'F1,F2', '1,5', 'CLAVE_ACTA,V', "'A1,-", "'A2,5", "'A3,-", '-,7', ''].join('\r\n'));
  });

  it('replaces every fuera de catálogo row when they moved (one may leave)', () => {
    expect(aplicarDiferencias(partirCsv(CSV), dif({ fueraCatalogo: { filas: [], actas: [] } })).filas).toEqual(["'A1,-", "'A2,-", "'A3,-"]);
    expect(aplicarDiferencias(partirCsv(CSV), dif({ fueraCatalogo: { filas: ['-,1', '-,2'], actas: [] } })).filas.slice(3)).toEqual(['-,1', '-,2']);
  });

  it("refuses a CSV that is not the diff's election (fewer rows than its expected actas, or a row out of range)", () => {
    expect(() => aplicarDiferencias(partirCsv(CSV), dif({ esperadas: 9 }))).toThrow(/espera 9/);
    expect(() => aplicarDiferencias(partirCsv(CSV), dif({ filas: [{ clave: 'X', indice: 3, fila: '', seccion: 1, acta: [] as never }] }))).toThrow(/no existe/);
  });

  it('tells a diff with rows from an older one with claves only, and from one too big to carry them', () => {
    const base = { tipo: 'diferencias' as const, entidad: 14, numero: 2, secuencia: 5, anterior: null };
    expect(esAplicable({ ...base, version: VERSION_DIFERENCIAS, aplicable: true, elecciones: [] })).toBe(true);
    expect(esAplicable({ ...base, version: VERSION_DIFERENCIAS, aplicable: false, elecciones: [] })).toBe(false);
    expect(esAplicable({ ...base, version: 4, elecciones: [] })).toBe(false);
  });
});
