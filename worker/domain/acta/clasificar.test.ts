import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TipoCasilla } from '../catalogo/esquema.ts';
import {
  ActaRegistradaSchema,
  ClasificacionSchema,
  clasificarActa,
  limiteVotos,
  motivoSinActaTexto,
  observacionesTexto,
  observacionTexto,
  sumaVotos,
  type ActaRegistrada,
  type Clasificacion,
  type EstatusActa,
  type Observacion,
} from './clasificar.ts';
import { MotivoSinActaSchema, ValorSchema, type Captura, type Valor } from './esquema.ts';

const I = 'ILEGIBLE' as const;
const S = 'SIN_DATO' as const;

const TOTALES_VACIOS: Captura['totales'] = {
  TOTAL_BOLETAS_SOBRANTES: S,
  TOTAL_PERSONAS_VOTARON: S,
  TOTAL_REP_PARTIDO_CI_VOTARON: S,
  TOTAL_VOTOS_SACADOS: S,
  TOTAL_VOTOS_ASENTADO: S,
};

/** A captured acta of a casilla of `tipo` with lista nominal 100 and 5 representantes; boletas especial 750. */
function captura(votos: Record<string, Valor>, tipo: TipoCasilla = 'B', listaNominal = 100, representantes = 5): ActaRegistrada {
  return {
    tipo: 'captura',
    captura: { votos, totales: TOTALES_VACIOS },
    casilla: { tipo, listaNominal, representantes },
    boletasEspecial: 750,
  };
}

interface Caso {
  nombre: string;
  acta: ActaRegistrada;
  estatus: EstatusActa;
  contabilizada: 0 | 1 | 2;
  inconsistente: boolean;
  observaciones: Observacion[];
  total: number;
  texto: string;
}

const casos: Caso[] = [
  {
    nombre: 'ordinary acta counts',
    acta: captura({ PAN: 40, MORENA: 50, NO_REGISTRADAS: 1, NULOS: 4 }),
    estatus: 'CONTABILIZADA', contabilizada: 1, inconsistente: false, observaciones: [], total: 95, texto: '',
  },
  {
    nombre: 'B exactly at lista nominal + representantes counts',
    acta: captura({ PAN: 100, NULOS: 5 }, 'B'),
    estatus: 'CONTABILIZADA', contabilizada: 1, inconsistente: false, observaciones: [], total: 105, texto: '',
  },
  {
    nombre: 'B one above the limit is excede',
    acta: captura({ PAN: 100, NULOS: 6 }, 'B'),
    estatus: 'EXCEDE_LISTA_NOMINAL', contabilizada: 0, inconsistente: true,
    observaciones: [{ tipo: 'EXCEDE_LISTA_NOMINAL' }], total: 106, texto: 'Excede Lista Nominal',
  },
  {
    nombre: 'C exactly at the limit counts',
    acta: captura({ PAN: 105 }, 'C'),
    estatus: 'CONTABILIZADA', contabilizada: 1, inconsistente: false, observaciones: [], total: 105, texto: '',
  },
  {
    nombre: 'C one above is excede',
    acta: captura({ PAN: 106 }, 'C'),
    estatus: 'EXCEDE_LISTA_NOMINAL', contabilizada: 0, inconsistente: true,
    observaciones: [{ tipo: 'EXCEDE_LISTA_NOMINAL' }], total: 106, texto: 'Excede Lista Nominal',
  },
  {
    nombre: 'E exactly at the limit counts',
    acta: captura({ PAN: 105 }, 'E'),
    estatus: 'CONTABILIZADA', contabilizada: 1, inconsistente: false, observaciones: [], total: 105, texto: '',
  },
  {
    nombre: 'E one above is excede',
    acta: captura({ PAN: 106 }, 'E'),
    estatus: 'EXCEDE_LISTA_NOMINAL', contabilizada: 0, inconsistente: true,
    observaciones: [{ tipo: 'EXCEDE_LISTA_NOMINAL' }], total: 106, texto: 'Excede Lista Nominal',
  },
  {
    nombre: 'S at boletas especial + representantes counts (its lista nominal is 0)',
    acta: captura({ PAN: 700, NULOS: 55 }, 'S', 0, 5),
    estatus: 'CONTABILIZADA', contabilizada: 1, inconsistente: false, observaciones: [], total: 755, texto: '',
  },
  {
    nombre: 'S one above boletas especial + representantes is excede',
    acta: captura({ PAN: 700, NULOS: 56 }, 'S', 0, 5),
    estatus: 'EXCEDE_LISTA_NOMINAL', contabilizada: 0, inconsistente: true,
    observaciones: [{ tipo: 'EXCEDE_LISTA_NOMINAL' }], total: 756, texto: 'Excede Lista Nominal',
  },
  {
    nombre: 'S ignores a (mistaken) lista nominal: only boletas especial matter',
    acta: captura({ PAN: 800 }, 'S', 10_000, 5),
    estatus: 'EXCEDE_LISTA_NOMINAL', contabilizada: 0, inconsistente: true,
    observaciones: [{ tipo: 'EXCEDE_LISTA_NOMINAL' }], total: 800, texto: 'Excede Lista Nominal',
  },
  {
    nombre: 'M (no lista nominal of its own) is never excede',
    acta: captura({ PAN: 99_999, NULOS: 99_999 }, 'M', 0, 0),
    estatus: 'CONTABILIZADA', contabilizada: 1, inconsistente: false, observaciones: [], total: 199_998, texto: '',
  },
  {
    nombre: 'all zeros counts with total 0',
    acta: captura({ PAN: 0, PRI: 0, NO_REGISTRADAS: 0, NULOS: 0 }),
    estatus: 'CONTABILIZADA', contabilizada: 1, inconsistente: false, observaciones: [], total: 0, texto: '',
  },
  {
    nombre: 'one Ilegible field counts as 0 and is listed',
    acta: captura({ PAN: 30, PRI: I, NULOS: 2 }),
    estatus: 'CONTABILIZADA', contabilizada: 1, inconsistente: true,
    observaciones: [{ tipo: 'ILEGIBLE', campos: ['PRI'] }], total: 32, texto: 'Ilegible',
  },
  {
    nombre: 'one Sin dato field counts as 0 and is listed',
    acta: captura({ PAN: 30, PRI: S, NULOS: 2 }),
    estatus: 'CONTABILIZADA', contabilizada: 1, inconsistente: true,
    observaciones: [{ tipo: 'SIN_DATO', campos: ['PRI'] }], total: 32, texto: 'Sin dato',
  },
  {
    nombre: 'one legible field among ilegibles still counts',
    acta: captura({ PAN: I, PRI: I, MC: 7, NULOS: I }),
    estatus: 'CONTABILIZADA', contabilizada: 1, inconsistente: true,
    observaciones: [{ tipo: 'ILEGIBLE', campos: ['PAN', 'PRI', 'NULOS'] }], total: 7, texto: 'Ilegible',
  },
  {
    nombre: 'a legible 0 among ilegibles still counts',
    acta: captura({ PAN: I, NULOS: 0 }),
    estatus: 'CONTABILIZADA', contabilizada: 1, inconsistente: true,
    observaciones: [{ tipo: 'ILEGIBLE', campos: ['PAN'] }], total: 0, texto: 'Ilegible',
  },
  {
    nombre: 'Ilegible and Sin dato fields together, in fixed order',
    acta: captura({ PAN: S, PRI: I, MC: 10, MORENA: S, NULOS: I }),
    estatus: 'CONTABILIZADA', contabilizada: 1, inconsistente: true,
    observaciones: [
      { tipo: 'ILEGIBLE', campos: ['PRI', 'NULOS'] },
      { tipo: 'SIN_DATO', campos: ['PAN', 'MORENA'] },
    ],
    total: 10, texto: 'Ilegible, Sin dato',
  },
  {
    nombre: 'excede and Ilegible together',
    acta: captura({ PAN: 106, PRI: I }),
    estatus: 'EXCEDE_LISTA_NOMINAL', contabilizada: 0, inconsistente: true,
    observaciones: [{ tipo: 'EXCEDE_LISTA_NOMINAL' }, { tipo: 'ILEGIBLE', campos: ['PRI'] }],
    total: 106, texto: 'Excede Lista Nominal, Ilegible',
  },
  {
    nombre: 'excede, Ilegible and Sin dato together',
    acta: captura({ PAN: 200, PRI: S, MC: I }),
    estatus: 'EXCEDE_LISTA_NOMINAL', contabilizada: 0, inconsistente: true,
    observaciones: [
      { tipo: 'EXCEDE_LISTA_NOMINAL' },
      { tipo: 'ILEGIBLE', campos: ['MC'] },
      { tipo: 'SIN_DATO', campos: ['PRI'] },
    ],
    total: 200, texto: 'Excede Lista Nominal, Ilegible, Sin dato',
  },
  {
    nombre: 'every field Ilegible → todos ilegibles',
    acta: captura({ PAN: I, PRI: I, NO_REGISTRADAS: I, NULOS: I }),
    estatus: 'TODOS_ILEGIBLES', contabilizada: 0, inconsistente: true,
    observaciones: [{ tipo: 'TODOS_ILEGIBLES' }], total: 0, texto: 'Todos los campos ilegibles',
  },
  {
    nombre: 'every field Sin dato → todos vacíos',
    acta: captura({ PAN: S, PRI: S, NO_REGISTRADAS: S, NULOS: S }),
    estatus: 'TODOS_VACIOS', contabilizada: 0, inconsistente: true,
    observaciones: [{ tipo: 'TODOS_VACIOS' }], total: 0, texto: 'Todos los campos vacíos',
  },
  {
    nombre: 'a mix of Ilegible and Sin dato with no number → todos vacíos',
    acta: captura({ PAN: I, PRI: S, NO_REGISTRADAS: S, NULOS: I }),
    estatus: 'TODOS_VACIOS', contabilizada: 0, inconsistente: true,
    observaciones: [{ tipo: 'TODOS_VACIOS' }], total: 0, texto: 'Todos los campos vacíos',
  },
  {
    nombre: 'an M acta with every field Ilegible is todos ilegibles too',
    acta: captura({ PAN: I, NULOS: I }, 'M', 0, 0),
    estatus: 'TODOS_ILEGIBLES', contabilizada: 0, inconsistente: true,
    observaciones: [{ tipo: 'TODOS_ILEGIBLES' }], total: 0, texto: 'Todos los campos ilegibles',
  },
  {
    nombre: 'no vote field at all (defensive) → todos vacíos',
    acta: captura({}),
    estatus: 'TODOS_VACIOS', contabilizada: 0, inconsistente: true,
    observaciones: [{ tipo: 'TODOS_VACIOS' }], total: 0, texto: 'Todos los campos vacíos',
  },
  {
    nombre: 'captured totales never decide (TOTAL_VOTOS_ASENTADO far above the limit)',
    acta: {
      tipo: 'captura',
      captura: { votos: { PAN: 10 }, totales: { ...TOTALES_VACIOS, TOTAL_VOTOS_ASENTADO: 99_999, TOTAL_PERSONAS_VOTARON: I } },
      casilla: { tipo: 'B', listaNominal: 100, representantes: 5 },
      boletasEspecial: 750,
    },
    estatus: 'CONTABILIZADA', contabilizada: 1, inconsistente: false, observaciones: [], total: 10, texto: '',
  },
  {
    nombre: 'sin acta: paquete no entregado',
    acta: { tipo: 'sin_acta', motivo: 'PAQUETE_NO_ENTREGADO' },
    estatus: 'SIN_ACTA', contabilizada: 0, inconsistente: false,
    observaciones: [{ tipo: 'SIN_ACTA', motivo: 'PAQUETE_NO_ENTREGADO' }], total: 0, texto: 'Sin acta por paquete no entregado',
  },
  {
    nombre: 'sin acta: casilla no instalada',
    acta: { tipo: 'sin_acta', motivo: 'CASILLA_NO_INSTALADA' },
    estatus: 'SIN_ACTA', contabilizada: 0, inconsistente: false,
    observaciones: [{ tipo: 'SIN_ACTA', motivo: 'CASILLA_NO_INSTALADA' }], total: 0, texto: 'Sin acta por casilla no instalada',
  },
  {
    nombre: 'sin acta: sin sobre',
    acta: { tipo: 'sin_acta', motivo: 'SIN_SOBRE' },
    estatus: 'SIN_ACTA', contabilizada: 0, inconsistente: false,
    observaciones: [{ tipo: 'SIN_ACTA', motivo: 'SIN_SOBRE' }], total: 0, texto: 'Sin acta por sin sobre',
  },
  {
    nombre: 'sin acta: contingencia en urna electrónica',
    acta: { tipo: 'sin_acta', motivo: 'CONTINGENCIA_URNA_ELECTRONICA' },
    estatus: 'SIN_ACTA', contabilizada: 0, inconsistente: false,
    observaciones: [{ tipo: 'SIN_ACTA', motivo: 'CONTINGENCIA_URNA_ELECTRONICA' }], total: 0,
    texto: 'Sin acta por contingencia en urna electrónica',
  },
  {
    nombre: 'fuera de catálogo without figures',
    acta: { tipo: 'fuera_catalogo' },
    estatus: 'FUERA_CATALOGO', contabilizada: 2, inconsistente: false,
    observaciones: [{ tipo: 'FUERA_CATALOGO' }], total: 0, texto: 'Fuera de catálogo',
  },
  {
    nombre: 'fuera de catálogo with captured figures: total published, never counted',
    acta: { tipo: 'fuera_catalogo', captura: { votos: { PAN: 12, PRI: I, NULOS: 3 }, totales: TOTALES_VACIOS } },
    estatus: 'FUERA_CATALOGO', contabilizada: 2, inconsistente: false,
    observaciones: [{ tipo: 'FUERA_CATALOGO' }], total: 15, texto: 'Fuera de catálogo',
  },
];

describe('clasificarActa (docs/REGLAS.md §4)', () => {
  it.each(casos)('$nombre', (c) => {
    expect(ActaRegistradaSchema.safeParse(c.acta).success).toBe(true);
    const r = clasificarActa(c.acta);
    expect(r).toEqual<Clasificacion>({
      estatus: c.estatus,
      contabilizada: c.contabilizada,
      inconsistente: c.inconsistente,
      observaciones: c.observaciones,
      totalVotosCalculado: c.total,
    });
    expect(ClasificacionSchema.parse(r)).toEqual(r);
    expect(observacionesTexto(r.observaciones)).toBe(c.texto);
  });

  it('the table covers every estatus and every observation kind', () => {
    const estatus = new Set(casos.map((c) => c.estatus));
    expect([...estatus].sort()).toEqual(
      ['CONTABILIZADA', 'EXCEDE_LISTA_NOMINAL', 'FUERA_CATALOGO', 'SIN_ACTA', 'TODOS_ILEGIBLES', 'TODOS_VACIOS'].sort(),
    );
    const tipos = new Set(casos.flatMap((c) => c.observaciones.map((o) => o.tipo)));
    expect(tipos.size).toBe(7);
    const motivos = new Set(casos.flatMap((c) => (c.acta.tipo === 'sin_acta' ? [c.acta.motivo] : [])));
    expect(motivos.size).toBe(MotivoSinActaSchema.options.length);
  });

  const arbValor: fc.Arbitrary<Valor> = fc.oneof(
    { weight: 6, arbitrary: fc.nat({ max: 400 }) },
    { weight: 1, arbitrary: fc.constant(I) },
    { weight: 1, arbitrary: fc.constant(S) },
  );
  const arbCaptura = fc
    .record({
      votos: fc.dictionary(fc.constantFrom('PAN', 'PRI', 'MC', 'MORENA', 'NO_REGISTRADAS', 'NULOS'), arbValor),
      tipo: fc.constantFrom<TipoCasilla>('B', 'C', 'E', 'S', 'M'),
      listaNominal: fc.nat({ max: 800 }),
      representantes: fc.nat({ max: 20 }),
    })
    .map(({ votos, tipo, listaNominal, representantes }) => captura(votos, tipo, listaNominal, representantes));

  it('properties: total = Σ numbers; counted ⇔ some number and within the limit; inconsistente ⇔ some observation', () => {
    fc.assert(
      fc.property(arbCaptura, (acta) => {
        if (acta.tipo !== 'captura') return;
        const r = clasificarActa(acta);
        const valores = Object.values(acta.captura.votos);
        const numeros = valores.filter((v): v is number => typeof v === 'number');
        expect(r.totalVotosCalculado).toBe(numeros.reduce((a, b) => a + b, 0));
        const limite = limiteVotos(acta.casilla, acta.boletasEspecial);
        const cuenta = numeros.length > 0 && (limite === null || r.totalVotosCalculado <= limite);
        expect(r.contabilizada).toBe(cuenta ? 1 : 0);
        expect(r.estatus === 'CONTABILIZADA').toBe(cuenta);
        expect(r.inconsistente).toBe(r.observaciones.length > 0);
        expect(r.inconsistente).toBe(!cuenta || valores.some((v) => typeof v !== 'number'));
        expect(ClasificacionSchema.safeParse(r).success).toBe(true);
      }),
    );
  });
});

describe('sumaVotos', () => {
  it('adds numbers and treats Ilegible / Sin dato as 0', () => {
    expect(sumaVotos({ PAN: 3, PRI: I, MC: S, NULOS: 4 })).toBe(7);
    expect(sumaVotos({})).toBe(0);
  });
});

describe('limiteVotos', () => {
  it.each<[TipoCasilla, number | null]>([
    ['B', 105],
    ['C', 105],
    ['E', 105],
    ['S', 755],
    ['M', null],
  ])('tipo %s → %s', (tipo, limite) => {
    expect(limiteVotos({ tipo, listaNominal: 100, representantes: 5 }, 750)).toBe(limite);
  });
});

describe('observacion texts', () => {
  it('uses INE wording for every observation', () => {
    expect(observacionTexto({ tipo: 'EXCEDE_LISTA_NOMINAL' })).toBe('Excede Lista Nominal');
    expect(observacionTexto({ tipo: 'ILEGIBLE', campos: ['PAN'] })).toBe('Ilegible');
    expect(observacionTexto({ tipo: 'SIN_DATO', campos: ['PAN'] })).toBe('Sin dato');
    expect(observacionTexto({ tipo: 'TODOS_ILEGIBLES' })).toBe('Todos los campos ilegibles');
    expect(observacionTexto({ tipo: 'TODOS_VACIOS' })).toBe('Todos los campos vacíos');
    expect(observacionTexto({ tipo: 'FUERA_CATALOGO' })).toBe('Fuera de catálogo');
  });
  it('gives a text for every sin acta motivo', () => {
    for (const m of MotivoSinActaSchema.options) expect(motivoSinActaTexto(m)).toMatch(/^Sin acta por /);
  });
  it('joins several with ", " and gives "" for none', () => {
    expect(observacionesTexto([])).toBe('');
    expect(observacionesTexto([{ tipo: 'EXCEDE_LISTA_NOMINAL' }, { tipo: 'SIN_DATO', campos: ['PRI'] }])).toBe(
      'Excede Lista Nominal, Sin dato',
    );
  });
  it('rejects an unknown observation at run time', () => {
    expect(() => observacionTexto({ tipo: 'OTRA' } as unknown as Observacion)).toThrow('valor inesperado (observación)');
  });
  it('ValorSchema accepts what the table uses', () => {
    for (const v of [0, 99_999, I, S]) expect(ValorSchema.safeParse(v).success).toBe(true);
  });
});
