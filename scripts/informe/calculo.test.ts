/**
 * The report's pure computation: percentiles and histograms (properties: percentiles are monotone, every value
 * lands in one bin), actas per hour (each acta once), the stages of a hand-written night, the reconciliation,
 * the `--desde` instant, and an HTML that names no outside resource.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acopioPorHora, calcularInforme, inicioDeHora, SIN_CATD } from './calculo.ts';
import { leerDesde } from './desde.ts';
import { histograma, MAX_CUBETAS, percentiles } from './estadistica.ts';
import { duracion } from './formato.ts';
import { htmlInforme } from './html.ts';
import type { CorteLeido, DatosInforme, Evento } from './tipos.ts';

const OFF = -360;
const T0 = Date.UTC(2024, 5, 3, 2, 0); // 20:00 of June 2 in UTC-6

function evento(p: Partial<Evento> & Pick<Evento, 'id' | 'accion' | 'instante'>): Evento {
  return { at: p.instante, catd: 'CATD-D01', acta: null, eleccion: 'GUB', seq: null, status: 200, etapa: null, resultado: null, codigo: null, ...p };
}

function corte(numero: number, secuencia: number, instante: number, figuras: CorteLeido['figuras'] = {}): CorteLeido {
  return {
    numero, secuencia, instante, publicadoAt: instante, final: false, actasProcesadas: 0, shardsEscritos: 0, shardsReusados: 0,
    bytesEscritos: 0, milisegundos: 0, modo: 'incremental', motivo: 'programado', figuras,
  };
}

const datos = (eventos: Evento[], cortes: CorteLeido[] = []): DatosInforme => ({
  entidad: { nombre: 'Prueba', utcOffsetMinutes: OFF },
  elecciones: [{ codigo: 'GUB', nombre: 'Gubernatura', esperadas: 10 }],
  catds: [{ id: 'CATD-D01', nombre: 'CATD uno' }],
  eventos,
  cortes,
  punta: { id: eventos.length, hash: 'a'.repeat(64) },
  entradasBitacora: eventos.length,
});

const MIN = 60_000;
/** One acta through every step: acopio, image 1 min later, two captures that disagree, a verifier, a corte. */
const noche: Evento[] = [
  evento({ id: 1, accion: 'ACOPIO', instante: T0, acta: 'A1', seq: 1, etapa: 'DIGITALIZACION' }),
  evento({ id: 2, accion: 'DIGITALIZACION', instante: T0 + MIN, acta: 'A1', seq: 2, etapa: 'CAPTURA' }),
  evento({ id: 3, accion: 'CAPTURA', instante: T0 + 3 * MIN, acta: 'A1', seq: 3, etapa: 'CAPTURA', resultado: 'PRIMERA' }),
  evento({ id: 4, accion: 'CAPTURA', instante: T0 + 4 * MIN, acta: 'A1', seq: 4, etapa: 'VERIFICACION', resultado: 'DISCREPA' }),
  evento({ id: 5, accion: 'RECHAZO', instante: T0 + 5 * MIN, acta: 'A1', status: 403, codigo: 'ROL_NO_AUTORIZADO', catd: null }),
  evento({ id: 6, accion: 'VERIFICACION', instante: T0 + 10 * MIN, acta: 'A1', seq: 5, etapa: 'VERIFICADA', resultado: 'CAPTURA' }),
  // A PREP Casilla image before its acopio (no CATD): it has no acopio → digitalización stage.
  evento({ id: 7, accion: 'DIGITALIZACION', instante: T0 + 70 * MIN, acta: 'A2', seq: 6, etapa: 'CAPTURA', catd: null }),
  evento({ id: 8, accion: 'ACOPIO', instante: T0 + 80 * MIN, acta: 'A2', seq: 7, etapa: 'CAPTURA' }),
];

describe('percentiles and histograms', () => {
  it('p50 ≤ p90 ≤ p99 ≤ max, each one of the values, and the histogram holds every value once', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -60_000, max: 30 * 3_600_000 }), { minLength: 1, maxLength: 300 }), (xs) => {
        const p = percentiles(xs);
        expect(p.n).toBe(xs.length);
        expect(Math.min(...xs)).toBeLessThanOrEqual(p.p50);
        expect(p.p50).toBeLessThanOrEqual(p.p90);
        expect(p.p90).toBeLessThanOrEqual(p.p99);
        expect(p.p99).toBeLessThanOrEqual(p.max);
        for (const v of [p.p50, p.p90, p.p99, p.max]) expect(xs).toContain(v);
        const h = histograma(xs);
        expect(h.conteos.reduce((s, c) => s + c, 0)).toBe(xs.length);
        expect(h.conteos.length).toBeLessThanOrEqual(MAX_CUBETAS);
        expect(h.limites).toEqual([...h.limites].sort((a, b) => a - b));
      }),
    );
  });

  it('round bin widths', () => {
    expect(histograma([0, 30_000, 59_000, 61_000]).limites.slice(0, 3)).toEqual([0, 10_000, 20_000]);
    expect(histograma([])).toEqual({ limites: [], conteos: [] });
    expect(duracion(3 * MIN + 20_000)).toBe('3 min 20 s');
    expect(duracion(125 * MIN)).toBe('2 h 05 min');
  });
});

describe('actas per hour per CATD', () => {
  it('counts each acta once, in the local hour of its first acopio (property: the total is the number of actas)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ acta: fc.constantFrom('A', 'B', 'C', 'D', 'E'), catd: fc.constantFrom('CATD-D01', 'CATD-M002', null), t: fc.integer({ min: 0, max: 20 * 3_600_000 }) }), { maxLength: 40 }),
        (xs) => {
          const eventos = xs.map((x, i) => evento({ id: i + 1, accion: 'ACOPIO', instante: T0 + x.t, acta: x.acta, catd: x.catd }));
          const r = acopioPorHora(eventos, datos(eventos));
          const total = r.filas.reduce((s, f) => s + f.total, 0);
          expect(total).toBe(new Set(xs.map((x) => x.acta)).size);
          for (const f of r.filas) expect(f.conteos.reduce((s, c) => s + c, 0)).toBe(f.total);
          for (const [i, h] of r.horas.entries()) if (i > 0) expect(h - r.horas[i - 1]!).toBe(3_600_000);
        },
      ),
    );
  });

  it('hours are the entidad\'s local hours, and an acopio without CATD has its own row', () => {
    expect(inicioDeHora(T0 + 59 * MIN, OFF)).toBe(T0);
    const r = acopioPorHora(noche, datos(noche));
    expect(r.horas).toEqual([T0, T0 + 60 * MIN]);
    expect(r.filas).toEqual([{ catd: 'CATD-D01', nombre: 'CATD uno', conteos: [1, 1], total: 2 }]);
    const sin = acopioPorHora([evento({ id: 1, accion: 'ACOPIO', instante: T0, acta: 'X', catd: null })], datos([]));
    expect(sin.filas[0]!.catd).toBe(SIN_CATD);
  });
});

describe('a hand-written night', () => {
  const cortes = [corte(1, 4, T0 + 5 * MIN), corte(2, 7, T0 + 90 * MIN, {
    GUB: {
      ACTAS_ESPERADAS: 10, ACTAS_REGISTRADAS: 2, ACTAS_FUERA_CATALOGO: 0, ACTAS_CAPTURADAS: 1, PORCENTAJE_ACTAS_CAPTURADAS: 10,
      ACTAS_CONTABILIZADAS: 1, PORCENTAJE_ACTAS_CONTABILIZADAS: 10, PORCENTAJE_ACTAS_INCONSISTENCIAS: 0, ACTAS_NO_CONTABILIZADAS: 0,
      LISTA_NOMINAL_ACTAS_CONTABILIZADAS: 500, TOTAL_VOTOS_C_CS: 300, TOTAL_VOTOS_S_CS: 300, PORCENTAJE_PARTICIPACION_CIUDADANA: 60,
    },
  })];
  const i = calcularInforme(datos(noche, cortes));
  const etapa = (c: string) => i.etapas.find((e) => e.clave === c)!.percentiles;

  it('latency per stage from the first instant of each step; publication is the first corte that includes the verification', () => {
    expect(etapa('acopio-digitalizacion')).toMatchObject({ n: 1, p50: MIN });
    expect(etapa('digitalizacion-captura')).toMatchObject({ n: 1, p50: 2 * MIN });
    expect(etapa('captura-verificacion')).toMatchObject({ n: 1, p50: 7 * MIN });
    // Verified at seq 5: corte 1 stops at 4, corte 2 (T0 + 90 min) includes it.
    expect(etapa('verificacion-publicacion')).toMatchObject({ n: 1, p50: 80 * MIN });
    expect(etapa('acopio-publicacion')).toMatchObject({ n: 1, p50: 90 * MIN });
  });

  it('incidents, the cumulative progress and the reconciliation', () => {
    expect(i.incidencias).toMatchObject({ discrepancias: 1, actasConDiscrepancia: 1, verificacionesManuales: 1, rechazos: [{ codigo: 'ROL_NO_AUTORIZADO', status: 403, n: 1 }] });
    expect(i.avance[0]!.serie).toEqual([{ numero: 2, instante: T0 + 90 * MIN, capturadas: 10, contabilizadas: 10 }]);
    expect(i.conciliacion[0]).toMatchObject({
      esperadas: 10, registradasBitacora: 2, verificadas: 1, pendientes: { digitalizacion: 0, captura: 1, verificacion: 0 }, sinPublicar: 0,
      corte: { numero: 2, registradas: 2, contabilizadas: 1 },
    });
    expect(i.periodo).toEqual({ inicio: T0, fin: T0 + 90 * MIN });
  });

  it('--desde keeps what happened from then on, and the whole night in the reconciliation', () => {
    const d = calcularInforme(datos(noche, cortes), { desde: T0 + 60 * MIN });
    expect(d.eventosLeidos).toBe(2);
    expect(d.cortes.map((c) => c.numero)).toEqual([2]);
    expect(d.conciliacion).toEqual(i.conciliacion);
  });

  it('the HTML is Spanish, self-contained and escapes what it quotes', () => {
    const html = htmlInforme(calcularInforme({ ...datos(noche, cortes), entidad: { nombre: '<Prueba & "x">', utcOffsetMinutes: OFF } }), { generadoEn: T0, origen: 'prueba' });
    expect(html).toContain('lang="es-MX"');
    expect(html).toContain('&lt;Prueba &amp; &quot;x&quot;&gt;');
    expect(html).not.toMatch(/(src|href)\s*=|<script|<link|url\(/i);
    expect(html).toContain('1 min');
  });
});

describe('--desde', () => {
  it('local time of the entidad, an explicit zone, or epoch milliseconds', () => {
    expect(leerDesde('2024-06-02T20:00', OFF)).toBe(T0);
    expect(leerDesde('2024-06-02 20:00', OFF)).toBe(T0);
    expect(leerDesde('2024-06-03T02:00Z', OFF)).toBe(T0);
    expect(leerDesde('2024-06-02T20:00-06:00', OFF)).toBe(T0);
    expect(leerDesde(String(T0), OFF)).toBe(T0);
    expect(leerDesde('2024-02-31', OFF)).toHaveProperty('error');
    expect(leerDesde('ayer', OFF)).toHaveProperty('error');
  });
});
