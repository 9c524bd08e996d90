import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbBoleta, arbEleccion, BOLETA, conteoDe, TOTALES_CERO } from '../../../test/ejemplos/conteos.ts';
import { clasificarActa, type ActaRegistrada } from '../acta/clasificar.ts';
import type { Valor } from '../acta/esquema.ts';
import type { Boleta, TipoCasilla } from '../catalogo/esquema.ts';
import { crearAzar } from '../../../scripts/generador/azar.ts';
import { CONTEO } from '../contrato/index.ts';
import {
  ConteoSchema,
  EntradaConteoSchema,
  conteoVacio,
  restarEsperada,
  sumarActa,
  sumarConteo,
  sumarEsperada,
  type Conteo,
  type EntradaConteo,
} from './conteo.ts';
import { FigurasSchema, figuras } from './figuras.ts';

function entrada(
  acta: ActaRegistrada,
  extra: { tipo?: TipoCasilla; listaNominal?: number; boleta?: Boleta | null } = {},
): EntradaConteo {
  const votos = acta.tipo === 'sin_acta' ? null : (acta.captura?.votos ?? null);
  return {
    clasificacion: clasificarActa(acta),
    votos,
    tipo: extra.tipo ?? (acta.tipo === 'captura' ? acta.casilla.tipo : 'B'),
    listaNominal: extra.listaNominal ?? (acta.tipo === 'captura' ? acta.casilla.listaNominal : 0),
    boleta: extra.boleta === undefined ? BOLETA : extra.boleta,
  };
}

function capturada(votos: Record<string, Valor>, tipo: TipoCasilla = 'B', listaNominal = 500): ActaRegistrada {
  return {
    tipo: 'captura',
    captura: { votos, totales: TOTALES_CERO },
    casilla: { tipo, listaNominal: tipo === 'S' || tipo === 'M' ? 0 : listaNominal, representantes: 5 },
    boletasEspecial: 750,
  };
}

/** The tally of all the given tallies' actas, by `sumarConteo`. */
function suma(conteos: readonly Conteo[]): Conteo {
  const t = conteoVacio();
  for (const o of conteos) sumarConteo(t, o);
  return t;
}

describe('sumarActa', () => {
  it('counts a contabilizada acta: votes per column and per candidatura, LN, totals', () => {
    const t = conteoVacio();
    sumarActa(t, entrada(capturada({ PAN: 10, PRI: 5, PAN_PRI: 2, PVEM: 3, PT_MORENA: 4, MC: 0, CI_1: 6, NO_REGISTRADAS: 1, NULOS: 7 })));
    expect(t).toEqual<Conteo>({
      esperadas: 1,
      registradas: 1,
      fueraCatalogo: 0,
      capturadas: 1,
      contabilizadas: 1,
      inconsistencias: 0,
      listaNominalContabilizadas: 500,
      votosConEspeciales: 38,
      votosSinEspeciales: 38,
      votos: { PAN: 10, PRI: 5, PAN_PRI: 2, PVEM: 3, PT_MORENA: 4, CI_1: 6, NO_REGISTRADAS: 1, NULOS: 7 },
      candidaturas: { FCXJ: 17, PVEM: 3, SHHJ: 4, CI_1: 6 },
    });
    expect(ConteoSchema.parse(t)).toEqual(t);
  });

  it('especiales add votes with especiales only, and no lista nominal', () => {
    const t = conteoVacio();
    sumarActa(t, entrada(capturada({ PAN: 10, NULOS: 1 }, 'S'), { listaNominal: 999 }));
    expect(t.votosConEspeciales).toBe(11);
    expect(t.votosSinEspeciales).toBe(0);
    expect(t.listaNominalContabilizadas).toBe(0);
  });

  it('M actas count in both vote totals', () => {
    const t = conteoVacio();
    sumarActa(t, entrada(capturada({ PAN: 10 }, 'M')));
    expect([t.votosConEspeciales, t.votosSinEspeciales, t.listaNominalContabilizadas]).toEqual([10, 10, 0]);
  });

  it('an uncounted captured acta is capturada (and maybe inconsistente) but adds no votes', () => {
    const t = conteoVacio();
    sumarActa(t, entrada(capturada({ PAN: 600 }))); // excede
    sumarActa(t, entrada(capturada({ PAN: 'ILEGIBLE' }))); // todos ilegibles
    sumarActa(t, entrada({ tipo: 'sin_acta', motivo: 'SIN_SOBRE' }, { boleta: null }));
    expect(t).toEqual({ ...conteoVacio(), esperadas: 3, registradas: 3, capturadas: 3, inconsistencias: 2 });
  });

  it('fuera de catálogo is registrada only', () => {
    const t = conteoVacio();
    sumarActa(t, entrada({ tipo: 'fuera_catalogo', captura: { votos: { PAN: 3 }, totales: TOTALES_CERO } }, { boleta: null }));
    expect(t).toEqual({ ...conteoVacio(), registradas: 1, fueraCatalogo: 1 });
  });

  it('sumarEsperada counts an expected, unregistered acta; restarEsperada takes it back', () => {
    const t = conteoVacio();
    sumarEsperada(t);
    sumarEsperada(t);
    restarEsperada(t);
    expect(t).toEqual({ ...conteoVacio(), esperadas: 1 });
  });

  it('a counted acta without its ballot is a programming error', () => {
    expect(() => sumarActa(conteoVacio(), entrada(capturada({ PAN: 1 }), { boleta: null }))).toThrow('ballot');
  });

  it('a vote column missing from the ballot still adds up (as its own candidatura)', () => {
    const t = conteoVacio();
    sumarActa(t, entrada(capturada({ OTRO: 4, NULOS: 1 })));
    expect(t.candidaturas).toEqual({ OTRO: 4 });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties over random sets of actas of random ballots.

describe('tally properties', () => {
  it('the buckets add up (§5)', () => {
    fc.assert(
      fc.property(arbEleccion, fc.boolean(), (actas, final) => {
        const t = conteoDe(actas);
        const f = figuras(t, { final });
        expect(f.ACTAS_REGISTRADAS).toBe(f.ACTAS_CAPTURADAS + f.ACTAS_FUERA_CATALOGO);
        expect(f.ACTAS_CAPTURADAS).toBe(f.ACTAS_CONTABILIZADAS + f.ACTAS_NO_CONTABILIZADAS);
        expect(f.ACTAS_ESPERADAS).toBe(actas.filter((a) => a.tipo === 'pendiente').length + f.ACTAS_CAPTURADAS);
        expect(f.ACTAS_NO_CONTABILIZADAS).toBeGreaterThanOrEqual(0);
        expect(f.TOTAL_VOTOS_S_CS).toBeLessThanOrEqual(f.TOTAL_VOTOS_C_CS);
        expect(f.PORCENTAJE_ACTAS_CONTABILIZADAS).toBeLessThanOrEqual(f.PORCENTAJE_ACTAS_CAPTURADAS);
        expect(f.PORCENTAJE_ACTAS_CAPTURADAS).toBeLessThanOrEqual(100);
        expect(FigurasSchema.safeParse(f).success).toBe(true);
        expect(ConteoSchema.safeParse(t).success).toBe(true);
      }),
    );
  });

  it('candidaturas + NO_REGISTRADAS + NULOS = Σ columns = TOTAL_VOTOS_C_CS', () => {
    fc.assert(
      fc.property(arbEleccion, (actas) => {
        const t = conteoDe(actas);
        const total = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
        expect(total(t.votos)).toBe(t.votosConEspeciales);
        expect(total(t.candidaturas) + (t.votos.NO_REGISTRADAS ?? 0) + (t.votos.NULOS ?? 0)).toBe(t.votosConEspeciales);
      }),
    );
  });

  it('a territory equals the sum of its children (random split)', () => {
    fc.assert(
      fc.property(
        arbEleccion.chain((actas) => fc.tuple(fc.constant(actas), fc.array(fc.nat({ max: 3 }), { minLength: actas.length, maxLength: actas.length }))),
        ([actas, hijo]) => {
          const hijos = [0, 1, 2, 3].map((h) => conteoDe(actas.filter((_, i) => hijo[i] === h)));
          expect(suma(hijos)).toEqual(conteoDe(actas));
        },
      ),
    );
  });

  it('the order of actas never changes the result', () => {
    fc.assert(
      fc.property(
        arbEleccion.chain((actas) => fc.tuple(fc.constant(actas), fc.shuffledSubarray(actas, { minLength: actas.length }))),
        ([actas, barajadas]) => {
          expect(conteoDe(barajadas)).toEqual(conteoDe(actas));
        },
      ),
    );
  });

  it('every generated input satisfies EntradaConteoSchema', () => {
    fc.assert(
      fc.property(arbEleccion, (actas) => {
        for (const a of actas) if (a.tipo === 'registrada') expect(EntradaConteoSchema.safeParse(a.entrada).success).toBe(true);
      }),
      { numRuns: 20 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Speed.

// Speed lives in the benchmarks (npm run bench: the corte in the domain core), never in a timed unit test.
describe('at Jalisco scale', () => {
  it('classifies 33k actas of 125 ballots into sección tallies whose sums agree at every level', () => {
    const rnd = crearAzar(14).siguiente;
    const boletas = fc.sample(arbBoleta, { numRuns: 125, seed: 14 });
    const tipos: TipoCasilla[] = ['B', 'C', 'C', 'E', 'S'];
    const SECCIONES = 3_500;
    const distritoDe = Array.from({ length: SECCIONES }, (_, i) => i % 20);
    const municipioDe = Array.from({ length: SECCIONES }, (_, i) => i % 125);
    const actas = Array.from({ length: 33_000 }, () => {
      const boleta = boletas[Math.floor(rnd() * boletas.length)]!;
      const votos: Record<string, Valor> = {};
      for (const col of [...boleta.columnas, 'NO_REGISTRADAS', 'NULOS']) {
        const r = rnd();
        votos[col] = r < 0.005 ? 'ILEGIBLE' : r < 0.01 ? 'SIN_DATO' : Math.floor(rnd() * 60);
      }
      const tipo = tipos[Math.floor(rnd() * tipos.length)]!;
      const listaNominal = tipo === 'S' ? 0 : 400 + Math.floor(rnd() * 400);
      const acta: ActaRegistrada = {
        tipo: 'captura',
        captura: { votos, totales: TOTALES_CERO },
        casilla: { tipo, listaNominal, representantes: 8 },
        boletasEspecial: 750,
      };
      return { acta, tipo, listaNominal, boleta, votos, seccion: Math.floor(rnd() * SECCIONES) };
    });

    // Each acta is added once, to its sección; every higher level is a sum (tallies are additive).
    const secciones = Array.from({ length: SECCIONES }, conteoVacio);
    for (const a of actas) {
      sumarActa(secciones[a.seccion]!, {
        clasificacion: clasificarActa(a.acta),
        votos: a.votos,
        tipo: a.tipo,
        listaNominal: a.listaNominal,
        boleta: a.boleta,
      });
    }
    const distritos = Array.from({ length: 20 }, conteoVacio);
    const municipios = Array.from({ length: 125 }, conteoVacio);
    secciones.forEach((t, i) => {
      sumarConteo(distritos[distritoDe[i]!]!, t);
      sumarConteo(municipios[municipioDe[i]!]!, t);
    });
    const entidad = suma(distritos);
    const f = figuras(entidad, { final: false });

    expect(f.ACTAS_CAPTURADAS).toBe(33_000);
    expect(suma(municipios)).toEqual(entidad);
  });

  it('sumarConteo adds every counter of the contract (it names them one by one)', () => {
    const t = conteoVacio();
    const o = conteoVacio();
    CONTEO.forEach((k, i) => {
      t[k] = 1000 * (i + 1);
      o[k] = i + 1;
    });
    sumarConteo(t, o);
    for (const [i, k] of CONTEO.entries()) expect(t[k], k).toBe(1001 * (i + 1));
  });
});
