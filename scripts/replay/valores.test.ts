import { describe, expect, it } from 'vitest';
import { esNoAplica, fechaIso, leerCelda, leerFechaHora, leerImagen, leerMecanismo, motivoSinActa, observaInconsistencia } from './valores.ts';

describe('vote and total cells (docs/REGLAS.md §3, §7)', () => {
  it('reads integers, Ilegible and Sin dato in the spellings institutes use', () => {
    expect(leerCelda('0')).toEqual({ tipo: 'valor', valor: 0 });
    expect(leerCelda(' 406 ')).toEqual({ tipo: 'valor', valor: 406 });
    expect(leerCelda('007')).toEqual({ tipo: 'valor', valor: 7 });
    for (const t of ['Ilegible', 'ILEGIBLE', 'ilegible']) expect(leerCelda(t)).toEqual({ tipo: 'valor', valor: 'ILEGIBLE' });
    for (const t of ['Sin dato', 'SIN DATO', 'Sin datos', 'SIN_DATO', 'sin dato']) expect(leerCelda(t)).toEqual({ tipo: 'valor', valor: 'SIN_DATO' });
  });

  it('takes -, an empty cell and N/A as not applicable', () => {
    for (const t of ['-', '', '  ', 'N/A', 'NA', undefined]) {
      expect(leerCelda(t)).toEqual({ tipo: 'no_aplica' });
      expect(esNoAplica(t)).toBe(true);
    }
    expect(esNoAplica('0')).toBe(false);
  });

  it('refuses what the API cannot take, saying why', () => {
    expect(leerCelda('-3')).toMatchObject({ tipo: 'invalida', motivo: expect.stringContaining('«-3»') });
    expect(leerCelda('12.5')).toMatchObject({ tipo: 'invalida' });
    expect(leerCelda('1,234')).toMatchObject({ tipo: 'invalida' });
    expect(leerCelda('100000')).toMatchObject({ tipo: 'invalida', motivo: expect.stringContaining('99999') });
    expect(leerCelda('99999')).toEqual({ tipo: 'valor', valor: 99_999 });
    expect(leerCelda('abc')).toMatchObject({ tipo: 'invalida' });
  });
});

describe('FECHA_HORA_* cells', () => {
  it('reads DD/MM/YYYY HH:MM:SS in the entidad offset, and YYYY-MM-DD too', () => {
    expect(leerFechaHora('02/06/2024 19:11:00', -420)).toBe(Date.parse('2024-06-03T02:11:00Z'));
    expect(leerFechaHora('2/6/2024 19:11', -360)).toBe(Date.parse('2024-06-03T01:11:00Z'));
    expect(leerFechaHora('2024-06-02 19:11:05', -360)).toBe(Date.parse('2024-06-03T01:11:05Z'));
  });

  it('answers null for -, garbage and impossible dates', () => {
    for (const t of ['-', '', 'ayer', '31/02/2024 10:00:00', '02/06/2024 25:00:00', '02/06/1999 10:00:00', undefined]) expect(leerFechaHora(t, -360)).toBeNull();
  });

  it('writes the fechaHora the API takes: ISO 8601 with the entidad offset, round trip', () => {
    const ms = leerFechaHora('02/06/2024 23:59:59', -420)!;
    expect(fechaIso(ms, -420)).toBe('2024-06-02T23:59:59-07:00');
    expect(fechaIso(ms, 330)).toBe('2024-06-03T12:29:59+05:30');
    expect(Date.parse(fechaIso(ms, -420))).toBe(ms);
  });
});

describe('OBSERVACIONES', () => {
  it('finds the sin acta reason in the wordings in use', () => {
    expect(motivoSinActa('Sin acta por paquete no entregado')).toBe('PAQUETE_NO_ENTREGADO');
    expect(motivoSinActa('Sin Acta (Paquete no entregado)')).toBe('PAQUETE_NO_ENTREGADO');
    expect(motivoSinActa('SIN ACTA POR CASILLA NO INSTALADA')).toBe('CASILLA_NO_INSTALADA');
    expect(motivoSinActa('Sin acta por sin sobre')).toBe('SIN_SOBRE');
    expect(motivoSinActa('Sin acta por contingencia en urna electrónica')).toBe('CONTINGENCIA_URNA_ELECTRONICA');
    expect(motivoSinActa('Sin acta')).toBe('SIN_MOTIVO');
  });

  it('does not read sin acta where there is none', () => {
    for (const t of ['', '-', 'Ilegible', 'Excede Lista Nominal', 'Sin dato', 'Todos los campos vacíos', undefined]) expect(motivoSinActa(t)).toBeNull();
  });

  it('knows the inconsistencies of docs/REGLAS.md §5 (sin acta is not one)', () => {
    for (const t of ['Excede Lista Nominal', 'Ilegible', 'Sin dato', 'Todos los campos ilegibles', 'Todos los campos vacíos', 'Excede Lista Nominal, Ilegible']) {
      expect(observaInconsistencia(t)).toBe(true);
    }
    for (const t of ['', '-', 'Sin acta por paquete no entregado', 'Fuera de catálogo', undefined]) expect(observaInconsistencia(t)).toBe(false);
  });
});

describe('acopio and image metadata', () => {
  it('MECANISMOS_TRASLADO: D, F or I, else none', () => {
    expect(leerMecanismo('D')).toBe('D');
    expect(leerMecanismo(' f ')).toBe('F');
    expect(leerMecanismo('')).toBeNull();
    expect(leerMecanismo('-')).toBeNull();
    expect(leerMecanismo('X')).toBeNull();
  });

  it('ORIGEN, DIGITALIZACION, TIPO_DOCUMENTO as the file says them', () => {
    expect(leerImagen('CATD', 'ESCANER', 'Acta PREP')).toEqual({ metadatos: { origen: 'CATD', digitalizacion: 'ESCANER', tipoDocumento: 'ACTA_PREP' }, supuestos: [] });
    expect(leerImagen('CASILLA', 'MOVIL', 'Representación de Acta')).toEqual({
      metadatos: { origen: 'CASILLA', digitalizacion: 'MOVIL', tipoDocumento: 'REPRESENTACION_ACTA' },
      supuestos: [],
    });
    expect(leerImagen('CATD', 'MOVIL', 'Acta Consejo S').metadatos).toEqual({ origen: 'CATD', digitalizacion: 'MOVIL', tipoDocumento: 'ACTA_CONSEJO_S' });
  });

  it('says what it had to assume', () => {
    const r = leerImagen(undefined, '-', 'Fotocopia');
    expect(r.metadatos).toEqual({ origen: 'CATD', digitalizacion: 'ESCANER', tipoDocumento: 'ACTA_PREP' });
    expect(r.supuestos).toHaveLength(3);
    const casilla = leerImagen('CASILLA', 'ESCANER', 'Acta PREP');
    expect(casilla.metadatos.digitalizacion).toBe('MOVIL');
    expect(casilla.supuestos).toEqual([expect.stringContaining('PREP Casilla digitaliza con MOVIL')]);
  });
});
