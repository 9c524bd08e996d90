import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../worker/domain/csv/index.ts';
import { leerCandidaturas, pareceCandidaturas } from './candidaturas.ts';

const registros = (t: string) => {
  const r = parseCsv(t);
  if (!r.ok) throw new Error(r.error.mensaje);
  return r.value;
};

describe('leerCandidaturas', () => {
  it('reads the docs/REGLAS.md §7 layout and its variants', () => {
    const r = leerCandidaturas('c.csv', registros("ID_ESTADO,ID_DISTRITO,PARTIDO_CI,PROPIETARIO,SUPLENTE\n'26',1,pan,Ana Ríos,Bea Gil\n26,2,PT_MORENA,Carlos Núñez,\n"));
    expect(r.ok && r.value).toEqual({
      archivo: 'c.csv',
      territorio: 'distrito',
      posTerritorio: { linea: 1, columna: 11 },
      lineaEncabezado: 1,
      filas: [
        { linea: 2, pos: { entidad: { linea: 2, columna: 1 }, distrito: { linea: 2, columna: 6 }, partidoCi: { linea: 2, columna: 8 }, propietaria: { linea: 2, columna: 12 }, suplente: { linea: 2, columna: 21 } }, entidad: '26', distrito: '1', partidoCi: 'pan', propietaria: 'Ana Ríos', suplente: 'Bea Gil' },
        { linea: 3, pos: { entidad: { linea: 3, columna: 1 }, distrito: { linea: 3, columna: 4 }, partidoCi: { linea: 3, columna: 6 }, propietaria: { linea: 3, columna: 16 }, suplente: { linea: 3, columna: 29 } }, entidad: '26', distrito: '2', partidoCi: 'PT_MORENA', propietaria: 'Carlos Núñez', suplente: '' },
      ],
    });
  });
  it('knows an entidad-wide file by the missing territory column', () => {
    const r = leerCandidaturas('c.csv', registros('PARTIDO_CI,CANDIDATURA_PROPIETARIA\nMC,Pablo Lemus\n'));
    expect(r.ok && r.value.territorio).toBe('entidad');
    expect(pareceCandidaturas(registros('PARTIDO_CI,CANDIDATURA_PROPIETARIA\n'))).toBe(true);
    expect(pareceCandidaturas(registros('SECCION,TIPO_CASILLA\n'))).toBe(false);
  });
  it('refuses a file without PARTIDO_CI or with two territory columns', () => {
    const a = leerCandidaturas('c.csv', registros('ID_ENTIDAD,CANDIDATURA_PROPIETARIA\n'));
    expect(!a.ok && a.error[0]!.mensaje).toBe('faltan las columnas PARTIDO_CI');
    const b = leerCandidaturas('c.csv', registros('ID_DISTRITO_LOCAL,ID_MUNICIPIO,PARTIDO_CI,CANDIDATURA_PROPIETARIA\n'));
    expect(!b.ok && b.error[0]!.codigo).toBe('ENCABEZADO');
  });
});
