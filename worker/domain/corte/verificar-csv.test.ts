import { describe, expect, it } from 'vitest';
import { FIGURAS } from '../contrato/index.ts';
import { compararResumen, leerCsvResultados, recalcular } from './verificar-csv.ts';

const CAB = 'CLAVE_CASILLA,CLAVE_ACTA,SECCION,TIPO_CASILLA,PAN,NULOS,TOTAL_VOTOS_CALCULADO,LISTA_NOMINAL,OBSERVACIONES,CONTABILIZADA';
const csv = (filas: string[], resumen = '3,2,0,2,66.6666,1,33.3333,33.3333,1,100,60,60,60.0000') =>
  `${['\uFEFFGubernatura', '02/06/2024 21:00 (UTC-6)', FIGURAS.join(','), resumen, CAB, ...filas].join('\r\n')}\r\n`;
const FILAS = [
  "'140001B0100,'140001B01004,1,B,50,10,60,100,,1",
  "'140001C0100,'140001C01004,1,C,Ilegible,Sin dato,0,100,Todos los campos vacíos,0",
  "'140001C0200,'140001C02004,1,C,-,-,-,100,-,-",
];

describe('reading a results CSV back', () => {
  it('recomputes the 13 figures from the rows', () => {
    const l = leerCsvResultados(csv(FILAS));
    if (!l.ok) throw new Error(l.error.mensaje);
    const r = recalcular(l.value, { final: false });
    if (!r.ok) throw new Error(r.error.mensaje);
    expect(r.value.fila.join(',')).toBe('3,2,0,2,66.6666,1,33.3333,33.3333,1,100,60,60,60.0000');
    expect(compararResumen(l.value, r.value)).toBeNull();
    expect(r.value.votos).toEqual({ PAN: 50, NULOS: 10 });
  });

  it('names the first summary figure that the rows do not add up to', () => {
    const l = leerCsvResultados(csv(FILAS, '3,2,0,2,66.6666,1,33.3333,33.3333,1,100,61,60,60.0000'));
    if (!l.ok) throw new Error(l.error.mensaje);
    const r = recalcular(l.value, { final: false });
    if (!r.ok) throw new Error(r.error.mensaje);
    expect(compararResumen(l.value, r.value)!.mensaje).toBe('TOTAL_VOTOS_C_CS: el resumen dice 61, las filas suman 60');
  });

  it('refuses a file without BOM, a row of another width, an impossible CONTABILIZADA', () => {
    expect(leerCsvResultados(csv(FILAS).slice(1)).ok).toBe(false);
    const ancho = leerCsvResultados(csv([...FILAS, '1,2']));
    expect(!ancho.ok && ancho.error.linea).toBe(9);
    const l = leerCsvResultados(csv(["'140001B0100,'140001B01004,1,B,50,10,60,100,,7"]));
    if (!l.ok) throw new Error(l.error.mensaje);
    const r = recalcular(l.value, { final: false });
    expect(!r.ok && r.error.mensaje).toContain("CONTABILIZADA «7»");
  });
});
