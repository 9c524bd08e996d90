import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ActaPublicada } from '../../worker/domain/acta/publicada.ts';
import { publicarEnMemoria } from '../../test/ejemplos/publicacion-memoria.ts';
import { coincide, compararEleccion, compararReplay, normalizarCifra, type InformeEleccion } from './comparar.ts';
import { lineasEleccion, lineasVeredicto } from './informe.ts';
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
      ['262001B01005', 'CONTABILIZADA', '0', '1', '0', 'archivo'],
    ]);
    expect(i.actas.diferencias[1]!.explicacion).toContain('Excede Lista Nominal');
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
    expect(i.actas.diferencias).toEqual([expect.objectContaining({ etiqueta: '262002B01005', campo: 'TOTAL_VOTOS_CALCULADO', nuestro: '371', reglas: '370', juicio: 'nuestra' })]);
    expect(juicios(i)).toMatchObject({ TOTAL_VOTOS_C_CS: 'nuestra', TOTAL_VOTOS_S_CS: 'nuestra', ACTAS_CONTABILIZADAS: 'coincide' });
    expect(i.internas).toEqual(['votos de PAN: nuestro shard dice 351; por REGLAS (actas contabilizadas) son 350']);
    expect(coincide(informes)).toBe(false);
    expect(texto).toMatch(/✗ NUESTRA +262002B01005 \(línea 13\) TOTAL_VOTOS_CALCULADO: nuestro 371 · archivo 370 · REGLAS 370/);
    expect(texto).toContain('VEREDICTO: NO COINCIDE');
  });

  it('an acta we failed to register is ours', async () => {
    const { i } = await replay(BASE, { cambiarNuestras: (as) => as.filter((a) => a.clave !== '261002B01005') });
    expect(i.actas.diferencias).toEqual([expect.objectContaining({ etiqueta: '261002B01005', campo: 'CONTABILIZADA', nuestro: '-', archivo: '0', reglas: '0', juicio: 'nuestra' })]);
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
