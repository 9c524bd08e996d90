/**
 * fast-check arbitraries of the actas of an election over random ballots, as the tallies see them (pending, or
 * registered with their `EntradaConteo`), and the record tally they add up to: the reference the dense
 * accumulation of the corte is checked against. Test support only.
 */
import fc from 'fast-check';
import { clasificarActa, type ActaRegistrada } from '../../worker/domain/acta/clasificar.ts';
import type { Captura, Valor } from '../../worker/domain/acta/esquema.ts';
import type { Boleta, TipoCasilla } from '../../worker/domain/catalogo/esquema.ts';
import { candidaturaDeColumna } from '../../worker/domain/conteo/candidaturas.ts';
import { conteoVacio, sumarActa, sumarEsperada, type Conteo, type EntradaConteo } from '../../worker/domain/conteo/conteo.ts';

export const TOTALES_CERO: Captura['totales'] = {
  TOTAL_BOLETAS_SOBRANTES: 0,
  TOTAL_PERSONAS_VOTARON: 0,
  TOTAL_REP_PARTIDO_CI_VOTARON: 0,
  TOTAL_VOTOS_SACADOS: 0,
  TOTAL_VOTOS_ASENTADO: 0,
};

/** A ballot with two coalitions, one of them partial here (PT_MORENA only). */
export const BOLETA: Boleta = {
  eleccion: 'AYUN',
  territorio: 98,
  columnas: ['PAN', 'PRI', 'PRD', 'PVEM', 'PT', 'MC', 'MORENA', 'CI_1', 'PAN_PRI_PRD', 'PAN_PRI', 'PAN_PRD', 'PRI_PRD', 'PT_MORENA'],
  coaliciones: [
    { coalicion: 'FCXJ', partidos: ['PAN', 'PRI', 'PRD'] },
    { coalicion: 'SHHJ', partidos: ['PT', 'MORENA'] },
  ],
};

const PARTIDOS = ['PAN', 'PRI', 'PRD', 'PVEM', 'PT', 'MC', 'MORENA'];
const INDEPENDIENTES = ['CI_1', 'CI_2'];

function combinaciones(partidos: readonly string[]): string[] {
  const out: string[] = [];
  for (let mask = 1; mask < 1 << partidos.length; mask++) {
    const sub = partidos.filter((_, i) => mask & (1 << i));
    if (sub.length >= 2) out.push(sub.join('_'));
  }
  return out;
}

/** A random ballot: some parties and independents, up to two disjoint coalitions with some combination columns. */
export const arbBoleta: fc.Arbitrary<Boleta> = fc
  .record({
    partidos: fc.subarray(PARTIDOS, { minLength: 1 }),
    independientes: fc.subarray(INDEPENDIENTES),
    corte: fc.nat({ max: PARTIDOS.length }),
    tamanos: fc.tuple(fc.nat({ max: 4 }), fc.nat({ max: 4 })),
    seed: fc.nat(),
  })
  .map(({ partidos, independientes, corte, tamanos, seed }) => {
    const coaliciones: Boleta['coaliciones'] = [];
    const columnas = [...partidos, ...independientes];
    const grupos = [partidos.slice(0, Math.min(corte, tamanos[0])), partidos.slice(corte, corte + tamanos[1])];
    grupos.forEach((g, i) => {
      if (g.length < 2) return;
      const id = `COA${i + 1}`;
      coaliciones.push({ coalicion: id, partidos: g });
      // a pseudo-random half of the combination columns
      combinaciones(g).forEach((c, j) => {
        if (((seed >> j) & 1) === 1 || j === 0) columnas.push(c);
      });
    });
    return { eleccion: 'X', territorio: 0, columnas, coaliciones };
  });

const arbValor: fc.Arbitrary<Valor> = fc.oneof(
  { weight: 12, arbitrary: fc.nat({ max: 300 }) },
  { weight: 1, arbitrary: fc.constant('ILEGIBLE' as const) },
  { weight: 1, arbitrary: fc.constant('SIN_DATO' as const) },
);

/** An expected acta still pending, or a registered one with what it brings to its tallies. */
export type ActaAleatoria = { tipo: 'pendiente' } | { tipo: 'registrada'; entrada: EntradaConteo };

function arbActa(boletas: readonly Boleta[]): fc.Arbitrary<ActaAleatoria> {
  const captura = fc
    .record({
      b: fc.nat({ max: boletas.length - 1 }),
      tipo: fc.constantFrom<TipoCasilla>('B', 'C', 'E', 'S', 'M'),
      listaNominal: fc.nat({ max: 750 }),
      representantes: fc.nat({ max: 12 }),
      valores: fc.array(arbValor, { minLength: 40, maxLength: 40 }),
    })
    .map(({ b, tipo, listaNominal, representantes, valores }): ActaAleatoria => {
      const boleta = boletas[b]!;
      const votos: Record<string, Valor> = {};
      for (const [i, col] of [...boleta.columnas, 'NO_REGISTRADAS', 'NULOS'].entries()) votos[col] = valores[i % valores.length]!;
      const ln = tipo === 'S' || tipo === 'M' ? 0 : listaNominal;
      const acta: ActaRegistrada = {
        tipo: 'captura',
        captura: { votos, totales: TOTALES_CERO },
        casilla: { tipo, listaNominal: ln, representantes },
        boletasEspecial: 750,
      };
      return { tipo: 'registrada', entrada: { clasificacion: clasificarActa(acta), votos, tipo, listaNominal: ln, boleta } };
    });
  const sinActa = fc
    .constantFrom('PAQUETE_NO_ENTREGADO', 'CASILLA_NO_INSTALADA', 'SIN_SOBRE', 'CONTINGENCIA_URNA_ELECTRONICA' as const)
    .map((motivo): ActaAleatoria => ({
      tipo: 'registrada',
      entrada: { clasificacion: clasificarActa({ tipo: 'sin_acta', motivo }), votos: null, tipo: 'B', listaNominal: 300, boleta: null },
    }));
  const fuera = fc.constant<ActaAleatoria>({
    tipo: 'registrada',
    entrada: { clasificacion: clasificarActa({ tipo: 'fuera_catalogo' }), votos: null, tipo: 'B', listaNominal: 0, boleta: null },
  });
  return fc.oneof(
    { weight: 8, arbitrary: captura },
    { weight: 1, arbitrary: sinActa },
    { weight: 1, arbitrary: fuera },
    { weight: 2, arbitrary: fc.constant<ActaAleatoria>({ tipo: 'pendiente' }) },
  );
}

/** The actas of an election over one to three random ballots. */
export const arbEleccion: fc.Arbitrary<ActaAleatoria[]> = fc
  .array(arbBoleta, { minLength: 1, maxLength: 3 })
  .chain((boletas) => fc.array(arbActa(boletas), { maxLength: 60 }));

/** The record tally of a set of actas (`sumarActa`, `sumarEsperada`). */
export function conteoDe(actas: readonly ActaAleatoria[]): Conteo {
  const t = conteoVacio();
  for (const a of actas) {
    if (a.tipo === 'pendiente') sumarEsperada(t);
    else sumarActa(t, a.entrada);
  }
  return t;
}

/** Every vote column and candidatura the registered actas use. */
export function camposDe(actas: readonly ActaAleatoria[]): { columnas: Set<string>; candidaturas: Set<string> } {
  const columnas = new Set<string>();
  const candidaturas = new Set<string>();
  for (const a of actas) {
    if (a.tipo !== 'registrada' || !a.entrada.boleta) continue;
    for (const c of Object.keys(a.entrada.votos ?? {})) columnas.add(c);
    for (const c of candidaturaDeColumna(a.entrada.boleta).values()) candidaturas.add(c);
  }
  return { columnas, candidaturas };
}

/** The counters of the fixture election's GUB at its first corte: the golden summary row 15,15,1,14,… (docs/REGLAS.md §5). */
export const CONTADORES_GUB_EJEMPLO = {
  esperadas: 15,
  registradas: 15,
  fueraCatalogo: 1,
  capturadas: 14,
  contabilizadas: 7,
  inconsistencias: 8,
  listaNominalContabilizadas: 2763,
  votosConEspeciales: 2810,
  votosSinEspeciales: 2054,
} as const;
