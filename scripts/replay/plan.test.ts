import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArchivoEntrada } from '../../worker/domain/catalogo/archivos/leer.ts';
import { planearReplay, type ActaReplay, type OpcionesReplay, type PlanReplay } from './plan.ts';
import { CLAVE, pasosDe } from './solicitudes.ts';

const RAIZ = path.resolve(import.meta.dirname, '../..');
const REPLAY = 'data/fixtures/prep-replay/DIP_LOC_2024.csv';

const leer = (ruta: string): ArchivoEntrada => ({ nombre: path.basename(ruta), bytes: new Uint8Array(readFileSync(path.join(RAIZ, ruta))) });
const texto = (ruta: string) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(readFileSync(path.join(RAIZ, ruta)));
const desdeTexto = (nombre: string, t: string): ArchivoEntrada => ({ nombre, bytes: new TextEncoder().encode(t) });

function planear(entradas: ArchivoEntrada[], opciones: Partial<OpcionesReplay> = {}): PlanReplay {
  const r = planearReplay(entradas, { final: false, ...opciones });
  if (!r.ok) throw new Error(r.error.map((p) => `${p.archivo}:${p.linea ?? ''}: ${p.mensaje}`).join('\n'));
  return r.value;
}

const acta = (p: PlanReplay, etiqueta: string): ActaReplay => {
  const a = p.elecciones.flatMap((e) => e.actas).find((x) => x.etiqueta === etiqueta);
  if (!a) throw new Error(`no está ${etiqueta}`);
  return a;
};
const captura = (a: ActaReplay) => (a.registro.tipo === 'captura' || a.registro.tipo === 'fuera_catalogo' ? a.registro.captura : null);

describe('plan of the hand-written database (data/fixtures/prep-replay)', () => {
  const p = planear([leer(REPLAY)]);
  const e = p.elecciones[0]!;

  it('derives the catalogue and takes the corte instant from the file', () => {
    expect(p.catalogue.entidad).toMatchObject({ id: 26, utcOffsetMinutes: -420 });
    expect(p.corte).toEqual({ ms: Date.parse('2024-06-02T23:00:00-07:00'), offsetMinutes: -420, texto: '02/06/2024 23:00 (UTC-7)' });
    expect(p.elecciones.map((x) => [x.codigo, x.actas.length, x.sinFila.length, x.resumenComparable])).toEqual([['DIP_LOC', 11, 0, true]]);
    expect(e.resumenArchivo.ACTAS_CONTABILIZADAS).toBe('4');
  });

  it('gives every row what it becomes in the API', () => {
    expect(e.actas.map((a) => [a.etiqueta, a.registro.tipo, a.catd])).toEqual([
      ['261001B01005', 'captura', 'CATD-D01'],
      ['261001C01005', 'captura', 'CATD-D01'],
      ['261002B01005', 'sin_acta', 'CATD-D01'],
      ['261002S01005', 'captura', 'CATD-D01'],
      ['262001B01005', 'captura', 'CATD-D02'],
      ['262001C01005', 'captura', 'CATD-D02'],
      ['262002B01005', 'captura', 'CATD-D02'],
      ['262002C01005', 'pendiente', 'CATD-D02'],
      ['262002E01005', 'pendiente', 'CATD-D02'],
      ['fuera de catálogo', 'fuera_catalogo', 'CATD-D01'],
      ['fuera de catálogo', 'fuera_catalogo', 'CATD-D02'],
    ]);
  });

  it('maps cells to captured values: integers, Ilegible → ILEGIBLE, Sin dato → SIN_DATO, - not on the ballot', () => {
    expect(captura(acta(p, '261001C01005'))).toEqual({
      votos: { PAN: 100, PRI: 'ILEGIBLE', MC: 55, MORENA: 130, PT: 25, PAN_PRI: 4, NO_REGISTRADAS: 0, NULOS: 11 },
      totales: { TOTAL_BOLETAS_SOBRANTES: 274, TOTAL_PERSONAS_VOTARON: 323, TOTAL_REP_PARTIDO_CI_VOTARON: 2, TOTAL_VOTOS_SACADOS: 325, TOTAL_VOTOS_ASENTADO: 325 },
    });
    // Distrito 2's ballot has PT_MORENA and not PAN_PRI.
    expect(captura(acta(p, '262002B01005'))!.votos).toEqual({ PAN: 90, PRI: 70, MC: 'SIN_DATO', MORENA: 150, PT: 40, PT_MORENA: 12, NO_REGISTRADAS: 1, NULOS: 7 });
    const todos = captura(acta(p, '262001C01005'))!;
    expect(Object.values(todos.votos).every((v) => v === 'ILEGIBLE')).toBe(true);
    expect(todos.totales.TOTAL_VOTOS_ASENTADO).toBe('ILEGIBLE');
  });

  it('keeps each figure cell the file carries by our column, and what REGLAS publish for it', () => {
    const a = acta(p, '261001C01005');
    expect(a.archivoDice.cifras).toMatchObject({ PAN: '100', PRI: 'Ilegible', PT_MORENA: '-', NULOS: '11', TOTAL_BOLETAS_SOBRANTES: '274', LISTA_NOMINAL: '599', OBSERVACIONES: 'Ilegible' });
    expect(a.cifrasReglas).toMatchObject({ PAN: '100', PRI: 'Ilegible', PT_MORENA: '-', NULOS: '11', TOTAL_BOLETAS_SOBRANTES: '274', TOTAL_VOTOS_CALCULADO: '325', LISTA_NOMINAL: '599', OBSERVACIONES: 'Ilegible', CONTABILIZADA: '1' });
    // Sin acta: `-` in every captured figure; not registered: the same, and `-` status.
    expect(acta(p, '261002B01005').cifrasReglas).toMatchObject({ PAN: '-', TOTAL_VOTOS_ASENTADO: '-', LISTA_NOMINAL: '520', CONTABILIZADA: '0' });
    expect(acta(p, '262002C01005').cifrasReglas).toMatchObject({ PAN: '-', OBSERVACIONES: '-', CONTABILIZADA: '-', LISTA_NOMINAL: '609' });
  });

  it('says what REGLAS give for each row’s own figures', () => {
    expect(e.actas.map((a) => [a.reglas.contabilizada, a.reglas.totalVotosCalculado, a.reglas.observaciones])).toEqual([
      ['1', '406', ''],
      ['1', '325', 'Ilegible'],
      ['0', '-', 'Sin acta por paquete no entregado'],
      ['1', '180', ''],
      ['0', '320', 'Excede Lista Nominal'],
      ['0', '0', 'Todos los campos ilegibles'],
      ['1', '370', 'Sin dato'],
      ['-', '-', '-'],
      ['-', '-', '-'],
      ['2', '157', 'Fuera de catálogo'],
      ['2', '100', 'Fuera de catálogo'],
    ]);
  });

  it('sin acta with the reason from OBSERVACIONES', () => {
    expect(acta(p, '261002B01005').registro).toEqual({ tipo: 'sin_acta', motivo: 'PAQUETE_NO_ENTREGADO', supuesto: false });
  });

  it('fuera de catálogo by identification: its own when it has one, a synthetic one (sección 0) otherwise', () => {
    const [sinClave, conSeccion] = e.actas.filter((a) => a.registro.tipo === 'fuera_catalogo');
    expect(sinClave!.identificacion).toEqual({ eleccion: 'DIP_LOC', seccion: 0, tipo: 'B', id: 0, extContigua: 0 });
    expect(captura(sinClave!)).toBeNull();
    expect(sinClave!.notas.join(' ')).toMatch(/sin sección del catálogo no hay boleta/);
    expect(conSeccion!.identificacion).toEqual({ eleccion: 'DIP_LOC', seccion: 2001, tipo: 'C', id: 2, extContigua: 0 });
    expect(captura(conSeccion!)!.votos).toEqual({ PAN: 20, PRI: 15, MC: 10, MORENA: 30, PT: 10, PT_MORENA: 5, NO_REGISTRADAS: 1, NULOS: 9 });
  });

  it('keeps the file’s instants, and the image metadata', () => {
    const a = acta(p, '261001B01005');
    expect(a.tiempos).toEqual({ acopio: Date.parse('2024-06-02T19:11:00-07:00'), captura: Date.parse('2024-06-02T20:21:00-07:00'), verificacion: Date.parse('2024-06-02T20:31:00-07:00') });
    expect(a.mecanismo).toBe('D');
    expect(acta(p, '261002S01005').imagen).toEqual({ origen: 'CASILLA', digitalizacion: 'MOVIL', tipoDocumento: 'ACTA_PREP' });
    expect(acta(p, '261002B01005').tiempos.acopio).toBe(Date.parse('2024-06-02T21:40:00-07:00'));
  });

  it('creates one operator per CATD that receives actas, PREP Casilla for its casillas, two capturists and the admin', () => {
    expect(p.operadores.todos.map((o) => [o.id, o.ambito, o.catd, o.roles.join('+'), o.casillas.join('+')])).toEqual([
      ['replay-catd-d01', 'CATD', 'CATD-D01', 'acopio+digitalizacion', ''],
      ['replay-catd-d02', 'CATD', 'CATD-D02', 'acopio+digitalizacion', ''],
      ['replay-casilla', 'CASILLA', null, 'digitalizacion', '261002S0100'],
      ['replay-captura-1', 'CCV', null, 'captura', ''],
      ['replay-captura-2', 'CCV', null, 'captura', ''],
      ['replay-instituto', 'INSTITUTO', null, 'admin', ''],
    ]);
  });
});

describe('API requests of each kind of acta', () => {
  const p = planear([leer(REPLAY)]);
  const pasos = (etiqueta: string, linea?: number) => {
    const a = p.elecciones[0]!.actas.find((x) => x.etiqueta === etiqueta && (linea === undefined || x.linea === linea))!;
    return pasosDe(a, p.operadores, p.corte.offsetMinutes);
  };

  it('a captured acta: acopio by clave, the CATD’s image, two equal captures by two capturists at the file’s times', () => {
    const s = pasos('261001B01005');
    expect(s.map((x) => [x.paso, x.operador, x.ruta])).toEqual([
      ['ACOPIO', 'replay-catd-d01', '/api/v1/acopio'],
      ['IMAGEN', 'replay-catd-d01', '/api/v1/actas/261001B01005/imagen'],
      ['CAPTURA', 'replay-captura-1', '/api/v1/actas/261001B01005/capturas'],
      ['CAPTURA', 'replay-captura-2', '/api/v1/actas/261001B01005/capturas'],
    ]);
    expect(s[0]).toMatchObject({ cuerpo: { clave: '261001B01005', fechaHora: '2024-06-02T19:11:00-07:00', mecanismoTraslado: 'D' } });
    expect(s[1]).toMatchObject({ consulta: { origen: 'CATD', digitalizacion: 'ESCANER', tipoDocumento: 'ACTA_PREP', fechaHora: '2024-06-02T19:11:00-07:00' } });
    const [c1, c2] = [s[2]!, s[3]!] as const;
    if (c1.paso !== 'CAPTURA' || c2.paso !== 'CAPTURA') throw new Error('capturas');
    expect(c1.cuerpo.fechaHora).toBe('2024-06-02T20:21:00-07:00');
    expect(c2.cuerpo.fechaHora).toBe('2024-06-02T20:31:00-07:00');
    const { fechaHora: _a, ...f1 } = c1.cuerpo;
    const { fechaHora: _b, ...f2 } = c2.cuerpo;
    expect(f1).toEqual(f2);
  });

  it('an image from PREP Casilla goes first, from the device', () => {
    expect(pasos('261002S01005').map((x) => [x.paso, x.operador])).toEqual([
      ['IMAGEN', 'replay-casilla'],
      ['ACOPIO', 'replay-catd-d01'],
      ['CAPTURA', 'replay-captura-1'],
      ['CAPTURA', 'replay-captura-2'],
    ]);
  });

  it('sin acta: one acopio with its reason; a pending acta: nothing', () => {
    expect(pasos('261002B01005')).toEqual([
      { paso: 'ACOPIO', operador: 'replay-catd-d01', ruta: '/api/v1/acopio', cuerpo: { clave: '261002B01005', sinActa: 'PAQUETE_NO_ENTREGADO', fechaHora: '2024-06-02T21:40:00-07:00' } },
    ]);
    expect(pasos('262002C01005')).toEqual([]);
  });

  it('fuera de catálogo: acopio by identification, then steps on the clave the server gives', () => {
    const s = pasos('fuera de catálogo', 17);
    expect(s.map((x) => x.paso)).toEqual(['ACOPIO', 'IMAGEN', 'CAPTURA', 'CAPTURA']);
    expect(s[0]).toMatchObject({ cuerpo: { identificacion: { eleccion: 'DIP_LOC', seccion: 2001, tipo: 'C', id: 2, extContigua: 0 } } });
    expect(s[1]!.ruta).toBe(`/api/v1/actas/${encodeURIComponent(CLAVE)}/imagen`);
    expect(pasos('fuera de catálogo', 16).map((x) => x.paso)).toEqual(['ACOPIO', 'IMAGEN']);
  });
});

describe('the three naming styles replay alike', () => {
  const firmas = (anio: number) => {
    const d = `data/fixtures/prep/${anio}`;
    const p = planear([leer(`${d}/DIP_LOC_${anio}.csv`), leer(`${d}/DIP_LOC_CANDIDATURAS_${anio}.csv`), leer(`${d}/AYUN_${anio}.csv`), leer(`${d}/AYUN_CANDIDATURAS_${anio}.csv`)]);
    return {
      corte: p.corte,
      actas: p.elecciones.flatMap((e) => e.actas.map((a) => [e.codigo, a.etiqueta, a.registro, a.reglas, a.tiempos, a.mecanismo, a.imagen, a.identificacion])),
    };
  };

  it('2018 (Latin-1, CNR, VN, no TIPO_ACTA), 2021 and 2024 give the same plan', () => {
    const f2024 = firmas(2024);
    expect(f2024.actas.filter((a) => (a[2] as { tipo: string }).tipo === 'captura')).toHaveLength(8);
    expect(firmas(2021)).toEqual(f2024);
    expect(firmas(2018)).toEqual(f2024);
  });
});

describe('rows the file writes oddly', () => {
  const base = texto(REPLAY);
  const con = (de: string, a: string) => {
    expect(base.includes(de)).toBe(true);
    return desdeTexto('DIP_LOC.csv', base.replace(de, a));
  };

  it('a - in a field of its ballot is captured as 0, and said so', () => {
    const p = planear([con('120,80,60,110,20,6,-,1,9,406', '120,-,60,110,20,6,-,1,9,406')]);
    const a = acta(p, '261001B01005');
    expect(captura(a)!.votos.PRI).toBe(0);
    expect(a.notas).toEqual([expect.stringContaining('«-» en PRI')]);
  });

  it('a row repeating an earlier CLAVE_ACTA in another territory (a split sección) is part 2 of the acta, sent as CLAVE_ACTA-2', () => {
    const fila = base.split('\r\n').find((l) => l.startsWith("'261001C0100,"))!;
    // The same casilla under another distrito, as Campeche's AYUN and juntas publish a split sección (cells: see the fixture).
    const otra = fila.replace(',1,HERMOSILLO CENTRO,', ',2,CIUDAD OBREGÓN,').replace(',100,Ilegible,55,130,25,4,-,0,11,', ',7,Ilegible,5,13,2,4,-,0,1,');
    const p = planear([desdeTexto('DIP_LOC.csv', base.replace(`${fila}\r\n`, `${fila}\r\n${otra}\r\n`))]);
    const e = p.elecciones[0]!;
    expect(e.actas.filter((a) => a.clave?.startsWith('261001C01005')).map((a) => [a.clave, a.linea])).toEqual([['261001C01005', 8], ['261001C01005-2', 9]]);
    expect(e.duplicadas).toEqual([]);
    expect(acta(p, '261001C01005-2').registro).toMatchObject({ tipo: 'captura', captura: { votos: { PAN: 7, PRI: 'ILEGIBLE' } } });
    expect(pasosDe(acta(p, '261001C01005-2'), p.operadores, p.corte.offsetMinutes)[0]).toMatchObject({ paso: 'ACOPIO', cuerpo: { clave: '261001C01005-2' } });
  });

  it('a row repeating an earlier CLAVE_ACTA in the same territory is planned, never sent, and said so', () => {
    const fila = base.split('\r\n').find((l) => l.startsWith("'261001C0100,"))!;
    const otra = fila.replace(',100,Ilegible,55,130,25,4,-,0,11,', ',7,Ilegible,5,13,2,4,-,0,1,');
    const p = planear([desdeTexto('DIP_LOC.csv', base.replace(`${fila}\r\n`, `${fila}\r\n${otra}\r\n`))]);
    const e = p.elecciones[0]!;
    expect(e.actas.filter((a) => a.clave === '261001C01005').map((a) => a.linea)).toEqual([8]);
    expect(e.duplicadas.map((d) => [d.acta.clave, d.acta.linea, d.lineaPrimera, d.acta.archivoDice.cifras.PAN])).toEqual([['261001C01005', 9, 8, '7']]);
    expect(e.actas.every((a) => a.linea !== 9)).toBe(true);
    expect(p.avisos.map((x) => x.mensaje).join('\n')).toMatch(/1 fila\(s\) repiten la CLAVE_ACTA de una fila anterior \(línea 9 = 8\) sin ser una parte/);
  });

  it('a cell the API cannot take leaves the acta unsent, with the reason', () => {
    const p = planear([con('120,80,60,110,20,6,-,1,9,406', '120,80.5,60,110,20,6,-,1,9,406')]);
    const a = acta(p, '261001B01005');
    expect(a.registro).toEqual({ tipo: 'ilegible', problemas: [expect.stringContaining('PRI: «80.5»')] });
    expect(a.reglas.contabilizada).toBe('-');
    expect(pasosDe(a, p.operadores, p.corte.offsetMinutes)).toEqual([]);
  });

  it('sin acta without a known reason, or a registered row without votes, is sent as paquete no entregado and said so', () => {
    const p = planear([con('Sin acta por paquete no entregado', 'SIN ACTA')]);
    expect(acta(p, '261002B01005').registro).toEqual({ tipo: 'sin_acta', motivo: 'PAQUETE_NO_ENTREGADO', supuesto: true });
    const q = planear([con('Sin acta por paquete no entregado', '')]);
    expect(acta(q, '261002B01005').registro).toMatchObject({ tipo: 'sin_acta', supuesto: true });
    expect(acta(q, '261002B01005').notas.join(' ')).toMatch(/sin ningún voto ni motivo/);
  });

  it('a fuera de catálogo row whose keys name an expected acta is registered under another identification', () => {
    const p = planear([con('-,-,26,SONORA,-,-,-,-,2001,2,C,0', '-,-,26,SONORA,-,-,-,-,2001,1,B,0')]);
    const fc = p.elecciones[0]!.actas.filter((a) => a.registro.tipo === 'fuera_catalogo');
    expect(fc.map((a) => a.identificacion.seccion)).toEqual([0, 0]);
    expect(new Set(fc.map((a) => JSON.stringify(a.identificacion))).size).toBe(2);
    expect(fc[1]!.notas[0]).toMatch(/es la de un acta esperada/);
  });

  it('a fuera de catálogo row with votes in a column its territory’s ballot lacks is registered, not captured', () => {
    // Sección 2001 is in distrito 2, whose ballot has PT_MORENA and no PAN_PRI.
    const p = planear([con('20,15,10,30,10,-,5,1,9,100,100', '20,15,10,30,10,3,5,1,9,103,103')]);
    const a = p.elecciones[0]!.actas.find((x) => x.linea === 17)!;
    expect(a.registro).toEqual({ tipo: 'fuera_catalogo', captura: null });
    expect(a.notas).toEqual([expect.stringContaining('PAN_PRI: tiene «3» y la columna no está en la boleta de su territorio')]);
    expect(pasosDe(a, p.operadores, p.corte.offsetMinutes).map((x) => x.paso)).toEqual(['ACOPIO', 'IMAGEN']);
  });

  it('missing instants fall back to the previous step’s, then to the corte’s, and say so', () => {
    const p = planear([con('02/06/2024 20:21:00,02/06/2024 20:31:00', '-,-')]);
    expect(acta(p, '261001B01005').tiempos).toEqual({ acopio: Date.parse('2024-06-02T19:11:00-07:00'), captura: Date.parse('2024-06-02T19:11:00-07:00'), verificacion: Date.parse('2024-06-02T19:11:00-07:00') });
    expect(p.avisos.map((x) => x.mensaje)).toContainEqual(expect.stringMatching(/^1 acta\(s\) sin alguna FECHA_HORA/));
    const q = planear([con('02/06/2024 21:40:00,02/06/2024 21:40:00,02/06/2024 21:40:00', '-,-,-')]);
    expect(acta(q, '261002B01005').tiempos.acopio).toBe(q.corte.ms);
  });

  it('the votes from abroad (tipo M, sección N/A or 0) are an expected acta of sección 0, replayed like any other', () => {
    const fila = base.split('\r\n').find((l) => l.startsWith("'261001B0100,"))!;
    const extranjero = fila.replace("'261001B0100,'261001B01005,26,SONORA,1,HERMOSILLO CENTRO,30,HERMOSILLO,1001,1,B,0,1,5", "'260000M0100,'260000M01005,26,SONORA,1,HERMOSILLO CENTRO,30,HERMOSILLO,N/A,1,M,0,1,5");
    const p = planear([desdeTexto('DIP_LOC.csv', base.replace(fila, `${fila}\r\n${extranjero}`))]);
    const a = p.elecciones[0]!.actas.find((x) => x.clave === '260000M01005')!;
    expect(a.registro.tipo).toBe('captura');
    expect(a.reglas).toMatchObject({ contabilizada: '1', totalVotosCalculado: '406' });
    expect(pasosDe(a, p.operadores, p.corte.offsetMinutes).length).toBeGreaterThan(0);
  });

  it('an expected acta without sección (N/A) is not replayed, but REGLAS still classify it', () => {
    const fila = base.split('\r\n').find((l) => l.startsWith("'261001B0100,"))!;
    const sinSeccion = fila.replace("'261001B0100,'261001B01005,26,SONORA,1,HERMOSILLO CENTRO,30,HERMOSILLO,1001,1,B,0,1,5", "'260000B0100,'260000B01005,26,SONORA,1,HERMOSILLO CENTRO,30,HERMOSILLO,N/A,1,B,0,1,5");
    const p = planear([desdeTexto('DIP_LOC.csv', base.replace(fila, `${fila}\r\n${sinSeccion}`))]);
    const a = p.elecciones[0]!.actas.find((x) => x.registro.tipo === 'sin_seccion')!;
    expect(a.reglas).toMatchObject({ contabilizada: '1', totalVotosCalculado: '406' });
    expect(pasosDe(a, p.operadores, p.corte.offsetMinutes)).toEqual([]);
  });

  it('a file without the corte line cannot be replayed: there is no instant to publish at', () => {
    const r = planearReplay([desdeTexto('DIP_LOC.csv', base.replace('02/06/2024 23:00 (UTC-7)', 'corte'))], { final: false, huso: 'UTC-7' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toEqual([expect.objectContaining({ codigo: 'CORTE', mensaje: expect.stringContaining('no tiene la línea del corte') })]);
  });

  it('files of different cortes publish one corte at the latest instant, and say so', () => {
    const d = 'data/fixtures/prep/2024';
    const ayun = texto(`${d}/AYUN_2024.csv`).replace('03/06/2024 20:00 (UTC-7)', '03/06/2024 21:30 (UTC-7)');
    const p = planear([leer(`${d}/DIP_LOC_2024.csv`), leer(`${d}/DIP_LOC_CANDIDATURAS_2024.csv`), desdeTexto('AYUN_2024.csv', ayun)]);
    expect(p.corte.texto).toBe('03/06/2024 21:30 (UTC-7)');
    expect(p.avisos.map((a) => a.mensaje)).toContainEqual(expect.stringContaining('cortes distintos'));
  });
});
