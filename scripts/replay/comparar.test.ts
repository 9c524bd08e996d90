import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ActaPublicada } from '../../worker/domain/acta/publicada.ts';
import { publicarEnMemoria } from '../../test/ejemplos/publicacion-memoria.ts';
import { coincide, compararEleccion, compararReplay, normalizarCifra, type InformeEleccion } from './comparar.ts';
import { lineasDiferencias, lineasEleccion, lineasVeredicto, MAX_EJEMPLOS } from './informe.ts';
import { planearReplay, type PlanReplay } from './plan.ts';
import { leerPublicado, type Publicado } from './publicado.ts';

const RAIZ = path.resolve(import.meta.dirname, '../..');
const BASE = new TextDecoder('utf-8', { ignoreBOM: true }).decode(readFileSync(path.join(RAIZ, 'data/fixtures/prep-replay/DIP_LOC_2024.csv')));
const RESUMEN = '9,9,2,7,77.7777,4,44.4444,44.4444,3,1809,1281,1101,60.8623';

function planDe(t: string, final = false): PlanReplay {
  const r = planearReplay([{ nombre: 'DIP_LOC_2024.csv', bytes: new TextEncoder().encode(t) }], { final });
  if (!r.ok) throw new Error(r.error.map((p) => p.mensaje).join('\n'));
  return r.value;
}

function cambiar(t: string, de: string, a: string): string {
  expect(t.includes(de), de).toBe(true);
  return t.replace(de, a);
}

/** What the capture API publishes for each planned acta (the state a corte reads from the publication log). */
function publicadas(p: PlanReplay): ActaPublicada[] {
  let fc = 0;
  const imagen = (a: (typeof p.elecciones)[number]['actas'][number], n: number) => ({ sha256: n.toString(16).padStart(64, '0'), mime: 'image/png' as const, ...a.imagen });
  return p.elecciones.flatMap((e) =>
    e.actas.flatMap((a, n): ActaPublicada[] => {
      const base = { identificacion: a.identificacion, mecanismoTraslado: a.mecanismo, acopioAt: a.tiempos.acopio, cotejada: 0 as const };
      const r = a.registro;
      switch (r.tipo) {
        case 'captura':
          return [{ ...base, clave: a.clave!, registro: 'captura', motivoSinActa: null, captura: r.captura, imagen: imagen(a, n), capturaAt: a.tiempos.verificacion, verificacionAt: a.tiempos.verificacion }];
        case 'sin_acta':
          return [{ ...base, clave: a.clave!, registro: 'sin_acta', motivoSinActa: r.motivo, captura: null, imagen: null, capturaAt: a.tiempos.acopio, verificacionAt: a.tiempos.acopio }];
        case 'fuera_catalogo': {
          const t = r.captura === null ? null : a.tiempos.verificacion;
          return [{ ...base, clave: `FC-${++fc}`, registro: 'fuera_catalogo', motivoSinActa: null, captura: r.captura, imagen: imagen(a, n), capturaAt: t, verificacionAt: t }];
        }
        default:
          return [];
      }
    }),
  );
}

async function publicar(p: PlanReplay, actas = publicadas(p), final = p.final): Promise<Publicado> {
  const objetos = await publicarEnMemoria(p.modelo, [{ actas, instante: p.corte.ms, final }]);
  return leerPublicado(async (ruta) => objetos.get(ruta) ?? null, p);
}

async function replay(t: string, opciones: { final?: boolean; cambiarNuestras?: (a: ActaPublicada[]) => ActaPublicada[]; finalNuestro?: boolean } = {}) {
  const p = planDe(t, opciones.final ?? false);
  const nuestras = (opciones.cambiarNuestras ?? ((x) => x))(publicadas(p));
  const publicado = await publicar(p, nuestras, opciones.finalNuestro ?? p.final);
  const informes = compararReplay(p, publicado);
  return { p, publicado, informes, i: informes[0]!, texto: [...informes.flatMap((x) => lineasEleccion(x, { corte: p.corte.texto, final: p.final })), ...lineasVeredicto(informes)].join('\n') };
}

const juicios = (i: InformeEleccion) => Object.fromEntries(i.resumen!.map((f) => [f.figura, f.juicio]));

describe('a faithful replay of the hand-written database', () => {
  it('reproduces every acta and its summary exactly', async () => {
    const { i, informes, texto } = await replay(BASE);
    expect(i.actas).toMatchObject({ comparadas: 11, coinciden: 11, diferencias: [] });
    // Every figure the file carries (4 totals, 7 vote columns, NO_REGISTRADAS, NULOS, TOTAL_VOTOS_ASENTADO and
    // _CALCULADO, LISTA_NOMINAL, REPRESENTANTES_PP_CI, OBSERVACIONES, CONTABILIZADA: 19) on 9 expected rows and the
    // captured fuera de catálogo one, and the 4 of the one without a ballot (its votes are not captured).
    expect(i.actas.cifras).toBe(10 * 19 + 4);
    expect(i.sumas!.map((x) => [x.columna, x.nuestro, x.archivo, x.reglas, x.juicio])).toEqual([
      ['PAN', 400, 400, 400, 'coincide'],
      ['PRI', 220, 220, 220, 'coincide'],
      ['MC', 210, 210, 210, 'coincide'],
      ['MORENA', 570, 570, 570, 'coincide'],
      ['PT', 125, 125, 125, 'coincide'],
      ['PT_MORENA', 22, 22, 22, 'coincide'],
      ['PAN_PRI', 12, 12, 12, 'coincide'],
      ['NO_REGISTRADAS', 4, 4, 4, 'coincide'],
      ['NULOS', 38, 38, 38, 'coincide'],
    ]);
    expect(i.resumen!.map((f) => f.nuestro).join(',')).toBe(RESUMEN);
    expect(i.resumen!.every((f) => f.juicio === 'coincide')).toBe(true);
    expect(i.consigoMismo).toEqual({ comparable: true, diferencias: [], filasFueraDeReglas: 0 });
    expect(i.internas).toEqual([]);
    expect(coincide(informes)).toBe(true);
    expect(texto).toContain('VEREDICTO: COINCIDE — nuestra publicación reproduce el archivo');
    expect(texto).toContain('el archivo consigo mismo: ✓');
  });
});

describe('a file whose summary was altered', () => {
  it('is reported as inconsistent with itself; ours still follows REGLAS (exit 0)', async () => {
    const t = cambiar(BASE, RESUMEN, '9,9,2,7,77.7777,5,55.5555,44.4444,3,1809,1300,1101,60.8623');
    const { i, informes, texto } = await replay(t);
    expect(i.actas.diferencias).toEqual([]);
    expect(i.consigoMismo.diferencias).toEqual([
      { figura: 'ACTAS_CONTABILIZADAS', dice: '5', suman: '4' },
      { figura: 'PORCENTAJE_ACTAS_CONTABILIZADAS', dice: '55.5555', suman: '44.4444' },
      { figura: 'TOTAL_VOTOS_C_CS', dice: '1300', suman: '1281' },
    ]);
    expect(juicios(i)).toMatchObject({ ACTAS_CONTABILIZADAS: 'archivo', TOTAL_VOTOS_C_CS: 'archivo', ACTAS_ESPERADAS: 'coincide', TOTAL_VOTOS_S_CS: 'coincide' });
    expect(i.resumen!.find((f) => f.figura === 'TOTAL_VOTOS_C_CS')!.explicacion).toBe('el resumen del archivo dice 1300 y sus propias filas suman 1281');
    expect(coincide(informes)).toBe(true);
    expect(i.nuestras).toBe(0);
    expect(texto).toContain('el archivo consigo mismo: ✗ NO CONCUERDA');
    expect(texto).toContain('El archivo no concuerda consigo mismo (DIP_LOC)');
  });
});

describe('a file whose rows break REGLAS', () => {
  // The excede acta marked as counted, a TOTAL_VOTOS_CALCULADO that is not the sum of its votes, and a summary
  // that is what those rows add up to: consistent with itself, not with REGLAS.
  const t = cambiar(
    cambiar(cambiar(BASE, '320,320,300,5,Excede Lista Nominal,0,', '320,320,300,5,,1,'), ',406,406,600,8,,1,', ',406,410,600,8,,1,'),
    RESUMEN,
    '9,9,2,7,77.7777,5,55.5555,33.3333,2,2109,1605,1425,67.5675',
  );

  it('lists each acta difference with its key as the file’s, and ours as REGLAS say', async () => {
    const { i, informes } = await replay(t);
    expect(i.actas.diferencias.map((d) => [d.etiqueta, d.campo, d.nuestro, d.archivo, d.reglas, d.juicio])).toEqual([
      ['261001B01005', 'TOTAL_VOTOS_CALCULADO', '406', '410', '406', 'archivo'],
      ['262001B01005', 'OBSERVACIONES', 'Excede Lista Nominal', '', 'Excede Lista Nominal', 'archivo'],
      ['262001B01005', 'CONTABILIZADA', '0', '1', '0', 'archivo'],
    ]);
    // Each names the rule the file breaks, never a bare "the file's fault".
    expect(i.actas.diferencias.map((d) => d.regla)).toEqual([
      expect.stringMatching(/^REGLAS §4: TOTAL_VOTOS_CALCULADO es la suma de sus campos de votos/),
      'REGLAS §4: OBSERVACIONES nombra cada observación que dan las cifras de su fila',
      'REGLAS §4: CONTABILIZADA es la del estatus que dan las cifras de su fila',
    ]);
    expect(i.actas.diferencias[2]!.explicacion).toContain('Excede Lista Nominal');
    // The vote cells are the file's: every column sum is equal.
    expect(i.sumas!.every((x) => x.juicio === 'coincide')).toBe(true);
    expect(i.consigoMismo).toEqual({ comparable: true, diferencias: [], filasFueraDeReglas: 2 });
    const tv = i.resumen!.find((f) => f.figura === 'TOTAL_VOTOS_C_CS')!;
    expect(tv).toMatchObject({ nuestro: '1281', archivo: '1605', filasArchivo: '1605', reglas: '1281', juicio: 'archivo' });
    expect(tv.explicacion).toContain('sus filas no siguen REGLAS');
    expect(coincide(informes)).toBe(true);
  });
});

describe('differences of ours', () => {
  it('a published acta whose figures are not the file’s is ours, with its key, and fails', async () => {
    const { i, informes, texto } = await replay(BASE, {
      cambiarNuestras: (as) => as.map((a) => (a.clave === '262002B01005' ? { ...a, captura: { ...a.captura!, votos: { ...a.captura!.votos, PAN: 91 } } } : a)),
    });
    expect(i.actas.diferencias).toEqual([
      expect.objectContaining({ etiqueta: '262002B01005', campo: 'PAN', nuestro: '91', archivo: '90', reglas: '90', juicio: 'nuestra' }),
      expect.objectContaining({ etiqueta: '262002B01005', campo: 'TOTAL_VOTOS_CALCULADO', nuestro: '371', reglas: '370', juicio: 'nuestra' }),
    ]);
    expect(i.sumas!.find((x) => x.columna === 'PAN')).toMatchObject({ nuestro: 401, archivo: 400, reglas: 400, juicio: 'nuestra' });
    expect(i.sumas!.filter((x) => x.juicio !== 'coincide').map((x) => x.columna)).toEqual(['PAN']);
    expect(juicios(i)).toMatchObject({ TOTAL_VOTOS_C_CS: 'nuestra', TOTAL_VOTOS_S_CS: 'nuestra', ACTAS_CONTABILIZADAS: 'coincide' });
    expect(i.internas).toEqual(['votos de PAN: nuestro shard dice 351; por REGLAS (actas contabilizadas) son 350']);
    expect(coincide(informes)).toBe(false);
    expect(texto).toMatch(/✗ NUESTRA — REGLAS §4: nuestro TOTAL_VOTOS_CALCULADO no es la suma/);
    expect(texto).toContain('262002B01005 (DIP_LOC_2024.csv:13) TOTAL_VOTOS_CALCULADO: nuestro 371 · archivo 370 · REGLAS 370');
    expect(texto).toContain('262002B01005 (DIP_LOC_2024.csv:13) PAN: nuestro 91 · archivo 90 · REGLAS 90');
    expect(texto).toMatch(/✗ PAN +401 +400 +400 +NUESTRA/);
    expect(texto).toContain('VEREDICTO: NO COINCIDE');
  });

  it('an acta we failed to register is ours', async () => {
    const { i } = await replay(BASE, { cambiarNuestras: (as) => as.filter((a) => a.clave !== '261002B01005') });
    expect(i.actas.diferencias).toEqual([
      expect.objectContaining({ etiqueta: '261002B01005', campo: 'OBSERVACIONES', nuestro: '-', reglas: 'Sin acta por paquete no entregado', juicio: 'nuestra' }),
      expect.objectContaining({ etiqueta: '261002B01005', campo: 'CONTABILIZADA', nuestro: '-', archivo: '0', reglas: '0', juicio: 'nuestra' }),
    ]);
    expect(juicios(i)).toMatchObject({ ACTAS_REGISTRADAS: 'nuestra', ACTAS_CAPTURADAS: 'nuestra' });
  });

  it('a corte published with the wrong final flag is ours', async () => {
    const { informes } = await replay(BASE, { finalNuestro: true });
    expect(informes[0]!.internas).toContain('nuestro corte es final y se pidió no final');
    expect(coincide(informes)).toBe(false);
  });

  it('our shard and our CSV must agree', async () => {
    const p = planDe(BASE);
    const pub = await publicar(p);
    const n = pub.porEleccion.get('DIP_LOC')!;
    const i = compararEleccion(p.elecciones[0]!, { ...n, shard: { ...n.shard!, figuras: { ...n.shard!.figuras, ACTAS_ESPERADAS: 10 } } }, { final: false });
    expect(i.internas).toEqual(['ACTAS_ESPERADAS: nuestro shard de la entidad dice 10 y nuestro CSV 9']);
    expect(i.nuestras).toBe(1);
  });

  it('without our CSV nothing is compared, and it is ours', () => {
    const p = planDe(BASE);
    const i = compararEleccion(p.elecciones[0]!, null, { final: false });
    expect(i.internas).toEqual(['no se encontró nuestro CSV de resultados de DIP_LOC en el corte publicado']);
    expect(i.actas.diferencias).toEqual([]);
    expect(i.resumen).toBeNull();
    expect(i.nuestras).toBe(1);
  });

  it('API refusals are ours', async () => {
    const p = planDe(BASE);
    const informes = compararReplay(p, await publicar(p), new Map([['DIP_LOC', [{ etiqueta: '261001B01005', linea: 7, mensaje: 'HTTP 422 X: y' }]]]));
    expect(informes[0]!.nuestras).toBe(1);
    expect(lineasEleccion(informes[0]!, { corte: p.corte.texto, final: false }).join('\n')).toContain('la API rechazó 1 envío');
  });
});

describe('every figure of every acta, and each vote column’s sum', () => {
  it('a - in a field of its ballot is the file’s (REGLAS §3), captured as 0: the sum is unchanged', async () => {
    const { i, informes } = await replay(cambiar(BASE, '120,80,60,110,20,6,-,1,9,406,406', '120,80,-,110,20,6,-,1,9,406,346'));
    expect(i.actas.diferencias.map((d) => [d.etiqueta, d.campo, d.nuestro, d.archivo, d.reglas, d.juicio])).toEqual([['261001B01005', 'MC', '0', '-', '0', 'archivo']]);
    expect(i.actas.diferencias[0]!.regla).toMatch(/^REGLAS §3: cada campo de la boleta de su territorio lleva un entero, Ilegible o Sin dato; el archivo deja «-»/);
    expect(i.sumas!.find((x) => x.columna === 'MC')).toMatchObject({ nuestro: 150, archivo: 150, reglas: 150, juicio: 'coincide' });
    expect(coincide(informes)).toBe(true);
  });

  it('votes on a sin acta row are the file’s; its column sum says by how much and why', async () => {
    const fila = "'261002B01005,26,SONORA,1,HERMOSILLO CENTRO,30,HERMOSILLO,1002,1,B,0,1,5,-,-,-,-,-,";
    const { i, informes, texto } = await replay(cambiar(BASE, fila, `${fila.slice(0, -2)}15,`));
    expect(i.actas.diferencias.map((d) => [d.etiqueta, d.campo, d.nuestro, d.archivo, d.reglas, d.juicio])).toEqual([['261002B01005', 'PAN', '-', '15', '-', 'archivo']]);
    const pan = i.sumas!.find((x) => x.columna === 'PAN')!;
    expect(pan).toMatchObject({ nuestro: 400, archivo: 415, reglas: 400, juicio: 'archivo' });
    expect(pan.desglose).toEqual([{ regla: expect.stringMatching(/^REGLAS §4 y §7: un acta sin acta no se captura/), diferencia: 15, filas: 1 }]);
    expect(texto).toMatch(/! PAN +400 +415 +400 +DEL ARCHIVO/);
    expect(texto).toContain('! PAN: el archivo suma 415, REGLAS 400: +15 [1] (1 fila)');
    expect(texto).toMatch(/\[1\] REGLAS §4 y §7: un acta sin acta no se captura/);
    expect(coincide(informes)).toBe(true);
  });

  it('a row repeating a CLAVE_ACTA in the same territory is the file’s, with its figures; its votes are in the file’s sum only', async () => {
    const fila = BASE.split('\r\n').find((l) => l.startsWith("'261001C0100,"))!;
    const otra = fila.replace(',100,Ilegible,55,130,25,4,-,0,11,', ',7,Ilegible,5,13,2,4,-,0,1,');
    const { i, informes, texto } = await replay(cambiar(BASE, `${fila}\r\n`, `${fila}\r\n${otra}\r\n`));
    const d = i.actas.diferencias.filter((x) => x.campo === 'CLAVE_ACTA');
    expect(d).toEqual([expect.objectContaining({ etiqueta: '261001C01005', linea: 9, juicio: 'archivo', regla: expect.stringContaining('un acta por CLAVE_ACTA') })]);
    expect(d[0]!.explicacion).toMatch(/repite la CLAVE_ACTA de la línea 8; sus cifras, no enviadas: .*PAN 7, PRI Ilegible, MC 5/);
    expect(i.sumas!.find((x) => x.columna === 'PAN')).toMatchObject({ nuestro: 400, archivo: 407, reglas: 400, juicio: 'archivo', desglose: [expect.objectContaining({ diferencia: 7, filas: 1 })] });
    // The file's rows count it as another expected acta; REGLAS (one acta per CLAVE_ACTA) do not.
    expect(i.resumen!.find((f) => f.figura === 'ACTAS_ESPERADAS')).toMatchObject({ nuestro: '9', filasArchivo: '10', reglas: '9' });
    expect(coincide(informes)).toBe(true);
    expect(texto).toContain('(DIP_LOC_2024.csv:9) CLAVE_ACTA');
  });

  it('a split sección’s second row is part 2: sent, published with the institute’s CLAVE_ACTA in its own distrito, equal to the file', async () => {
    const fila = BASE.split('\r\n').find((l) => l.startsWith("'261001C0100,"))!;
    const otra = fila.replace(',1,HERMOSILLO CENTRO,', ',2,CIUDAD OBREGÓN,').replace(',100,Ilegible,55,130,25,4,-,0,11,325,325,', ',7,Ilegible,5,13,2,4,-,0,1,32,32,');
    const { i, informes } = await replay(cambiar(BASE, `${fila}\r\n`, `${fila}\r\n${otra}\r\n`));
    // Only what the file's edited row breaks (a '-' in a column on its distrito's ballot), none of ours, no row missing.
    const delActa = i.actas.diferencias.filter((x) => x.etiqueta.startsWith('261001C01005'));
    expect(delActa.map((d) => [d.etiqueta, d.campo, d.nuestro, d.archivo, d.juicio])).toEqual([['261001C01005-2', 'PT_MORENA', '0', '-', 'archivo']]);
    expect(i.sumas!.find((x) => x.columna === 'PAN')).toMatchObject({ nuestro: 407, archivo: 407, reglas: 407 });
    expect(i.resumen!.find((f) => f.figura === 'ACTAS_ESPERADAS')).toMatchObject({ nuestro: '10', filasArchivo: '10', reglas: '10' });
    expect(coincide(informes)).toBe(true);
  });

  it('an acta without sección (N/A) is a difference of ours, in its figures and its column sums, saying why', async () => {
    const fila = BASE.split('\r\n').find((l) => l.startsWith("'261001B0100,"))!;
    const sinSeccion = fila.replace("'261001B0100,'261001B01005,26,SONORA,1,HERMOSILLO CENTRO,30,HERMOSILLO,1001,1,B,0,1,5", "'260000B0100,'260000B01005,26,SONORA,1,HERMOSILLO CENTRO,30,HERMOSILLO,N/A,1,B,0,1,5");
    const { i, informes, texto } = await replay(cambiar(BASE, fila, `${fila}\r\n${sinSeccion}`));
    expect(i.actas.diferencias.filter((d) => d.juicio === 'nuestra').map((d) => [d.campo, d.nuestro, d.archivo, d.reglas])).toEqual([
      ['TOTAL_VOTOS_CALCULADO', '-', '406', '406'],
      ['CONTABILIZADA', '-', '1', '1'],
    ]);
    expect(i.sumas!.find((x) => x.columna === 'PAN')).toMatchObject({ nuestro: 400, archivo: 520, reglas: 520, juicio: 'nuestra', sinSeccion: { votos: 120, filas: 1 } });
    expect(texto).toContain('✗ PAN: nuestro CSV suma 400; por REGLAS, 520 (120 en 1 acta sin sección, que el catálogo no admite)');
    expect(coincide(informes)).toBe(false);
  });

  it('groups differences by rule: a count and the first examples, all of them on request', () => {
    const d = Array.from({ length: 8 }, (_, n) => ({ etiqueta: `A${n}`, linea: 10 + n, campo: n % 2 ? 'PAN' : 'PRI', nuestro: '0', archivo: '-', reglas: '0', juicio: 'archivo' as const, regla: 'R', explicacion: 'x' }));
    const pocas = lineasDiferencias([...d, { ...d[0]!, juicio: 'nuestra', regla: 'Q', linea: 99 }], 'f.csv', false);
    expect(pocas[0]).toBe('  diferencias por regla (9 cifras; nuestro · archivo · REGLAS):');
    expect(pocas[1]).toBe('    ✗ NUESTRA — Q');
    expect(pocas[4]).toBe('    ! DEL ARCHIVO — R');
    expect(pocas[5]).toBe('      8 cifras en 8 actas (PRI 4, PAN 4)');
    expect(pocas.filter((l) => l.startsWith('      A'))).toHaveLength(1 + MAX_EJEMPLOS);
    expect(pocas.at(-1)).toBe(`      … y ${8 - MAX_EJEMPLOS} actas más (--todas las lista)`);
    expect(pocas).toContain('      A0 (f.csv:10) PRI: nuestro 0 · archivo - · REGLAS 0 — x');
    const todas = lineasDiferencias(d, 'f.csv', true);
    expect(todas.filter((l) => l.startsWith('      A'))).toHaveLength(8);
    // One line per acta: its figures with the same values together.
    const mismaActa = lineasDiferencias([d[0]!, { ...d[1]!, linea: 10, etiqueta: 'A0' }, { ...d[2]!, linea: 10, etiqueta: 'A0', archivo: '5', explicacion: '' }], 'f.csv', false);
    expect(mismaActa.at(-1)).toBe('      A0 (f.csv:10) PRI, PAN: nuestro 0 · archivo - · REGLAS 0 — x; PRI: nuestro 0 · archivo 5 · REGLAS 0');
  });
});

describe('final corte', () => {
  const t = cambiar(BASE, RESUMEN, '9,9,2,7,77.7777,4,44.4444,44.4444,3,1809,1281,1101,70.8126');

  it('a file computed as the final corte suggests --final, and matches with it', async () => {
    const sin = await replay(t);
    expect(juicios(sin.i).PORCENTAJE_PARTICIPACION_CIUDADANA).toBe('archivo');
    expect(sin.i.sugerencia).toContain('repita con --final');
    const con = await replay(t, { final: true });
    expect(con.i.resumen!.every((f) => f.juicio === 'coincide')).toBe(true);
    expect(con.i.sugerencia).toBeNull();
    expect(coincide(con.informes)).toBe(true);
  });
});

describe('figures as text', () => {
  it('normalizes how files write numbers, and nothing else', () => {
    expect(normalizarCifra('0012')).toBe('12');
    expect(normalizarCifra('0')).toBe('0');
    expect(normalizarCifra('33.33330')).toBe('33.3333');
    expect(normalizarCifra('40.0000')).toBe('40');
    expect(normalizarCifra('60.8623 %')).toBe('60.8623');
    expect(normalizarCifra('33.33')).not.toBe(normalizarCifra('33.3333'));
    expect(normalizarCifra('-')).toBe('-');
  });
});
