import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONFIG_PREDETERMINADA } from '../corte/calendario.ts';
import { alertas, juzgarTasa, type CatdVigilado, type ConteoEventos, type Vigilancia } from './alertas.ts';
import { figurasVacias, type Figuras, type PasoPendiente } from './estado.ts';
import { UMBRALES_PREDETERMINADOS, UmbralesSchema } from './umbrales.ts';

const MIN = 60_000;
const AHORA = Date.UTC(2024, 5, 3, 4, 0); // 22:00 local (−06:00) on election day
const U = UMBRALES_PREDETERMINADOS;

function figuras(pendientes: Partial<Record<PasoPendiente, { n: number; desde: number; clave?: string }>> = {}): Figuras {
  const f = figurasVacias();
  for (const [p, v] of Object.entries(pendientes) as [PasoPendiente, { n: number; desde: number; clave?: string }][]) {
    f.pendientes[p] = v.n;
    f.masAntigua[p] = { clave: v.clave ?? `A-${p}`, desde: v.desde };
  }
  return f;
}

const catd = (id: string, ultimaActividad: number | null, f: Figuras = figurasVacias()): CatdVigilado => ({ id, nombre: id, ultimaActividad, elecciones: [{ eleccion: 'GUB', figuras: f }] });
const ceros = (): ConteoEventos => ({ RONDA: 0, DISCREPANCIA: 0, DECISION: 0, DEVOLUCION: 0 });

function vigilancia(x: Partial<Vigilancia> = {}): Vigilancia {
  return {
    ahora: AHORA,
    catds: [],
    tasas: [],
    cortes: { config: CONFIG_PREDETERMINADA, offsetMinutos: -360, ultimoTurno: null, finalPublicado: false, lease: { titular: null, vence: 0 } },
    bitacora: { verificadaAt: AHORA - MIN, rotaId: null, motivo: null },
    ...x,
  };
}

const tipos = (v: Vigilancia, u = U) => alertas(v, u).map((a) => `${a.tipo}:${a.catd ?? '-'}`);

describe('a quiet, healthy night raises nothing', () => {
  it('no CATDs, no events, no window, chain just verified', () => {
    expect(alertas(vigilancia(), U)).toEqual([]);
  });
});

describe('CATD_SILENCIOSO', () => {
  const pendiente = figuras({ CAPTURA: { n: 3, desde: AHORA - 2 * MIN } });
  it('silent for N minutes while it has pending actas', () => {
    expect(tipos(vigilancia({ catds: [catd('D01', AHORA - 10 * MIN, pendiente)] }))).toEqual(['CATD_SILENCIOSO:D01']);
    expect(tipos(vigilancia({ catds: [catd('D01', AHORA - 10 * MIN + 1, pendiente)] }))).toEqual([]);
  });
  it('silent but with nothing to do is fine', () => {
    expect(tipos(vigilancia({ catds: [catd('D01', AHORA - 60 * MIN)] }))).toEqual([]);
  });
  it('never seen: silent since its oldest pending acta arrived', () => {
    const viejo = figuras({ DIGITALIZACION: { n: 1, desde: AHORA - 11 * MIN } });
    const [a] = alertas(vigilancia({ catds: [catd('D02', null, viejo)] }), { ...U, detenidaMin: 60 });
    expect(a).toMatchObject({ tipo: 'CATD_SILENCIOSO', catd: 'D02', desde: AHORA - 11 * MIN, datos: { pendientes: 1, ultimaActividad: null } });
    expect(a!.mensaje).toMatch(/sin actividad registrada, con 1 actas pendientes/);
  });
  it('property: raised exactly when pending > 0 and silent ≥ N minutes', () => {
    fc.assert(
      fc.property(fc.nat({ max: 40 }), fc.nat({ max: 120 * MIN }), fc.integer({ min: 1, max: 60 }), (n, silencio, umbral) => {
        const f = n === 0 ? figurasVacias() : figuras({ CAPTURA: { n, desde: AHORA } });
        const hay = tipos(vigilancia({ catds: [catd('X', AHORA - silencio, f)] }), { ...U, silencioMin: umbral }).includes('CATD_SILENCIOSO:X');
        expect(hay).toBe(n > 0 && silencio >= umbral * MIN);
      }),
    );
  });
});

describe('ACTA_DETENIDA', () => {
  it('names the acta, the step and the election; cotejo has its own, longer threshold and is only a warning', () => {
    const f = figuras({ VERIFICACION: { n: 2, desde: AHORA - 21 * MIN, clave: '140338B01004' }, COTEJO: { n: 1, desde: AHORA - 30 * MIN } });
    const r = alertas(vigilancia({ catds: [catd('D01', AHORA, f)] }), U);
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ tipo: 'ACTA_DETENIDA', gravedad: 'critica', datos: { clave: '140338B01004', paso: 'VERIFICACION', eleccion: 'GUB', minutos: 21 } });
    expect(r[0]!.mensaje).toBe('D01: el acta 140338B01004 (GUB) lleva 21 min en verificación.');
    const cotejo = alertas(vigilancia({ catds: [catd('D01', AHORA, figuras({ COTEJO: { n: 1, desde: AHORA - 61 * MIN } }))] }), U);
    expect(cotejo.map((a) => [a.tipo, a.gravedad])).toEqual([['ACTA_DETENIDA', 'aviso']]);
  });
  it('a threshold of 0 makes any waiting acta stuck (drills and tests, without faking the clock)', () => {
    const f = figuras({ DIGITALIZACION: { n: 1, desde: AHORA - 1 } });
    expect(tipos(vigilancia({ catds: [catd('D01', AHORA, f)] }), { ...U, detenidaMin: 0 })).toEqual(['ACTA_DETENIDA:D01']);
  });
  it('property: one alert per step whose oldest acta waited longer than its threshold', () => {
    const paso = fc.constantFrom<PasoPendiente>('DIGITALIZACION', 'CAPTURA', 'VERIFICACION', 'COTEJO');
    fc.assert(
      fc.property(fc.dictionary(paso, fc.nat({ max: 200 * MIN })), (edades) => {
        const f = figuras(Object.fromEntries(Object.entries(edades).map(([p, e]) => [p, { n: 1, desde: AHORA - e }])));
        const r = alertas(vigilancia({ catds: [catd('D', AHORA, f)] }), U).filter((a) => a.tipo === 'ACTA_DETENIDA');
        const esperadas = Object.entries(edades).filter(([p, e]) => e > (p === 'COTEJO' ? U.detenidaCotejoMin : U.detenidaMin) * MIN);
        expect(r.map((a) => a.datos.paso).sort()).toEqual(esperadas.map(([p]) => p).sort());
      }),
    );
  });
});

describe('rates out of the usual', () => {
  it('juzgarTasa: too few events in the window judge nothing', () => {
    expect(juzgarTasa([19, 19], [0, 1000], U)).toBeNull();
    expect(juzgarTasa([0, 20], [0, 1000], U)).toEqual({ tasa: 0, limite: 0.1, referencia: 0 });
  });
  it('juzgarTasa: the usual is the night before the window once it has enough events; else a fixed ceiling', () => {
    expect(juzgarTasa([5, 20], [10, 100], U)).toEqual({ tasa: 0.25, limite: 0.2, referencia: 0.1 });
    expect(juzgarTasa([5, 20], [40, 100], U)!.limite).toBeCloseTo(0.8);
    expect(juzgarTasa([5, 20], [1, 49], U)).toEqual({ tasa: 0.25, limite: 0.5, referencia: null });
  });
  it('mismatch rate: 25 % recently against 10 % before → warning for the entidad; the window does not dilute its reference', () => {
    const reciente = { ...ceros(), RONDA: 20, DISCREPANCIA: 5 };
    const noche = { ...ceros(), RONDA: 120, DISCREPANCIA: 15 };
    const [a] = alertas(vigilancia({ tasas: [{ catd: null, reciente, noche }] }), U);
    expect(a).toMatchObject({ tipo: 'TASA_DISCREPANCIA', gravedad: 'aviso', catd: null, datos: { tasa: 0.25, referencia: 0.1, eventos: 5, total: 20 } });
    expect(a!.mensaje).toBe('Entidad: 25 % de capturas que no coinciden en los últimos 15 min (5 de 20); lo usual en la noche: 10 %.');
  });
  it('send-back rate of one CATD', () => {
    const reciente = { ...ceros(), DECISION: 30, DEVOLUCION: 20 };
    expect(tipos(vigilancia({ tasas: [{ catd: 'D01', reciente, noche: reciente }] }))).toEqual(['TASA_DEVOLUCION:D01']);
  });
  it('property: never raised below the window minimum, and never when the recent rate is the usual one', () => {
    fc.assert(
      fc.property(fc.nat({ max: 200 }), fc.nat({ max: 200 }), fc.nat({ max: 2000 }), fc.nat({ max: 2000 }), (rd0, rn0, ad0, an0) => {
        const [rn, rd] = [Math.min(rn0, rd0), rd0];
        const [an, ad] = [Math.min(an0, ad0), ad0];
        const j = juzgarTasa([rn, rd], [an, ad], U);
        if (rd < U.minimoVentana) expect(j).toBeNull();
        else if (ad >= U.minimoNoche && rn * ad <= an * rd) expect(j!.tasa).toBeLessThanOrEqual(j!.limite);
      }),
    );
  });
});

describe('cortes', () => {
  const abierta = { ...CONFIG_PREDETERMINADA, jornada: '2024-06-02' }; // opens 2024-06-03 02:00 UTC
  const apertura = Date.UTC(2024, 5, 3, 2, 0);
  it('late: the turn that is due started more than N minutes ago (the cron\'s own rule)', () => {
    const v = (ultimoTurno: number | null, ahora: number) => vigilancia({ ahora, cortes: { ...vigilancia().cortes, config: abierta, ultimoTurno } });
    expect(tipos(v(null, apertura + 3 * MIN))).toEqual([]);
    const [a] = alertas(v(null, apertura + 3 * MIN + 1), U);
    expect(a).toMatchObject({ tipo: 'CORTE_RETRASADO', desde: apertura, datos: { final: 0 } });
    // Turn at 22:00 covered; the next one (22:05) is due at 22:05 and late after 22:08.
    expect(tipos(v(AHORA, AHORA + 8 * MIN))).toEqual([]);
    expect(tipos(v(AHORA, AHORA + 8 * MIN + 1))).toEqual(['CORTE_RETRASADO:-']);
  });
  it('nothing due before the window, without a window, or after the final corte', () => {
    expect(tipos(vigilancia({ ahora: apertura - MIN, cortes: { ...vigilancia().cortes, config: abierta } }))).toEqual([]);
    expect(tipos(vigilancia({ cortes: { ...vigilancia().cortes, config: abierta, finalPublicado: true } }))).toEqual([]);
    expect(tipos(vigilancia({ cortes: { ...vigilancia().cortes, config: abierta, offsetMinutos: null } }))).toEqual([]);
  });
  it('failed: a run holds the lease past its expiry', () => {
    const lease = { titular: 'corte-1', vence: AHORA - 2 * MIN };
    expect(alertas(vigilancia({ cortes: { ...vigilancia().cortes, lease } }), U)[0]).toMatchObject({ tipo: 'CORTE_FALLIDO', gravedad: 'critica', desde: lease.vence });
    expect(tipos(vigilancia({ cortes: { ...vigilancia().cortes, lease: { titular: 'corte-1', vence: AHORA + MIN } } }))).toEqual([]);
  });
});

describe('audit chain', () => {
  it('not verified within N minutes, or never', () => {
    expect(tipos(vigilancia({ bitacora: { verificadaAt: AHORA - 30 * MIN, rotaId: null, motivo: null } }))).toEqual([]);
    expect(tipos(vigilancia({ bitacora: { verificadaAt: AHORA - 30 * MIN - 1, rotaId: null, motivo: null } }))).toEqual(['BITACORA_SIN_VERIFICAR:-']);
    expect(alertas(vigilancia({ bitacora: { verificadaAt: null, rotaId: null, motivo: null } }), U)[0]!.mensaje).toBe('La cadena de la bitácora nunca se ha verificado.');
  });
  it('broken: critical, names the entry', () => {
    const [a] = alertas(vigilancia({ bitacora: { verificadaAt: AHORA, rotaId: 17, motivo: 'HASH_NO_COINCIDE' } }), U);
    expect(a).toMatchObject({ tipo: 'BITACORA_ROTA', gravedad: 'critica', datos: { entrada: 17 } });
  });
});

describe('order and thresholds', () => {
  it('critical first, then the oldest', () => {
    const v = vigilancia({
      catds: [catd('D01', AHORA - 50 * MIN, figuras({ CAPTURA: { n: 1, desde: AHORA - 25 * MIN } }))],
      bitacora: { verificadaAt: null, rotaId: null, motivo: null },
    });
    expect(tipos(v)).toEqual(['CATD_SILENCIOSO:D01', 'ACTA_DETENIDA:D01', 'BITACORA_SIN_VERIFICAR:-']);
  });
  it('thresholds come from a query string with defaults, and refuse nonsense', () => {
    expect(UmbralesSchema.parse({ detenidaMin: '0.05', silencioMin: '3' })).toMatchObject({ detenidaMin: 0.05, silencioMin: 3, ventanaTasaMin: 15 });
    expect(UmbralesSchema.safeParse({ detenidaMin: '-1' }).success).toBe(false);
    expect(UmbralesSchema.safeParse({ otro: '1' }).success).toBe(false);
  });
});
