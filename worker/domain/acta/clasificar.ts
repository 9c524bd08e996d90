/**
 * THE classification rule of an acta at a corte (docs/REGLAS.md §4), in one exhaustive function.
 *
 * Every registered acta is one of: fuera de catálogo, sin acta, or captured. A captured acta is
 * *todos los campos ilegibles* / *todos los campos vacíos* when no vote field holds a number, *excede lista
 * nominal* when its computed total is above its limit, and *contabilizada* otherwise. Individual Ilegible or
 * Sin dato vote fields count as 0 and are listed as observations. Only the vote fields (`captura.votos`)
 * decide; the captured totals (TOTAL_VOTOS_ASENTADO …) are published figures only.
 */
import { z } from 'zod';
import { assertNever } from '../assert.ts';
import { TipoCasillaSchema } from '../catalogo/esquema.ts';
import { CONTABILIZADAS, ESTATUS_ACTA, type Observacion } from '../contrato/index.ts';
import { CapturaSchema, ILEGIBLE, MotivoSinActaSchema, SIN_DATO, type MotivoSinActa, type Valor } from './esquema.ts';

export type { Contabilizada, EstatusActa, Observacion, TipoObservacion } from '../contrato/index.ts';

/** What classification needs of the acta's casilla (from the catalogue). */
export const CasillaClasificacionSchema = z.strictObject({
  tipo: TipoCasillaSchema,
  listaNominal: z.number().int().min(0),
  representantes: z.number().int().min(0),
});
export type CasillaClasificacion = z.infer<typeof CasillaClasificacionSchema>;

/** A registered acta as classification sees it. */
export const ActaRegistradaSchema = z.discriminatedUnion('tipo', [
  /**
   * Its identification matches no expected acta. `captura` holds the figures if any were captured: they are
   * published (and summed into TOTAL_VOTOS_CALCULADO) but never counted.
   */
  z.strictObject({ tipo: z.literal('fuera_catalogo'), captura: CapturaSchema.nullable().optional() }),
  /** The package arrived without the acta. */
  z.strictObject({ tipo: z.literal('sin_acta'), motivo: MotivoSinActaSchema }),
  /** Verified figures of an expected acta. `boletasEspecial`: the election's approved ballots per casilla especial. */
  z.strictObject({
    tipo: z.literal('captura'),
    captura: CapturaSchema,
    casilla: CasillaClasificacionSchema,
    boletasEspecial: z.number().int().min(0),
  }),
]);
export type ActaRegistrada = z.infer<typeof ActaRegistradaSchema>;

export const EstatusActaSchema = z.enum(ESTATUS_ACTA);

const CamposSchema = z.array(z.string()).min(1);

/** One observation of OBSERVACIONES. `campos`: the vote columns concerned, in capture order. */
export const ObservacionSchema = z.discriminatedUnion('tipo', [
  z.strictObject({ tipo: z.literal('EXCEDE_LISTA_NOMINAL') }),
  z.strictObject({ tipo: z.literal('ILEGIBLE'), campos: CamposSchema }),
  z.strictObject({ tipo: z.literal('SIN_DATO'), campos: CamposSchema }),
  z.strictObject({ tipo: z.literal('TODOS_ILEGIBLES') }),
  z.strictObject({ tipo: z.literal('TODOS_VACIOS') }),
  z.strictObject({ tipo: z.literal('SIN_ACTA'), motivo: MotivoSinActaSchema }),
  z.strictObject({ tipo: z.literal('FUERA_CATALOGO') }),
]);

/** CSV CONTABILIZADA: 1 counted, 0 not counted, 2 fuera de catálogo (`-` for not registered is the CSV's business). */
export const ContabilizadaSchema = z.union(CONTABILIZADAS.map((n) => z.literal(n)));

export const ClasificacionSchema = z.strictObject({
  estatus: EstatusActaSchema,
  contabilizada: ContabilizadaSchema,
  /** Counts toward PORCENTAJE_ACTAS_INCONSISTENCIAS: excede, any Ilegible / Sin dato vote field, todos ilegibles / vacíos. Sin acta is not. */
  inconsistente: z.boolean(),
  /**
   * Every observation that applies, in this fixed order: EXCEDE_LISTA_NOMINAL, ILEGIBLE, SIN_DATO for a captured
   * acta with some number; exactly one of TODOS_ILEGIBLES, TODOS_VACIOS, SIN_ACTA, FUERA_CATALOGO otherwise.
   */
  observaciones: z.array(ObservacionSchema),
  /** Σ vote fields, Ilegible / Sin dato as 0. Computed, never typed. */
  totalVotosCalculado: z.number().int().min(0),
});
export type Clasificacion = z.infer<typeof ClasificacionSchema>;

/** The observations of an ordinary counted acta: frozen, since every such classification shares it. */
const SIN_OBSERVACIONES = Object.freeze([]) as unknown as Observacion[];

/** TOTAL_VOTOS_CALCULADO of a set of vote fields: Ilegible and Sin dato count as 0. */
export function sumaVotos(votos: Readonly<Record<string, Valor>>): number {
  let total = 0;
  for (const campo in votos) {
    const v = votos[campo];
    if (typeof v === 'number') total += v;
  }
  return total;
}

/**
 * Highest TOTAL_VOTOS_CALCULADO that still counts, or null when the casilla has no limit: lista nominal +
 * representantes; for a casilla especial the election's approved ballots + representantes; none for a casilla
 * without a lista nominal of its own (M).
 */
export function limiteVotos(casilla: CasillaClasificacion, boletasEspecial: number): number | null {
  switch (casilla.tipo) {
    case 'B':
    case 'C':
    case 'E':
      return casilla.listaNominal + casilla.representantes;
    case 'S':
      return boletasEspecial + casilla.representantes;
    case 'M':
      return null;
    default:
      return assertNever(casilla.tipo, 'tipo de casilla');
  }
}

/** Classifies a registered acta (docs/REGLAS.md §4). Total: every input has exactly one classification. */
export function clasificarActa(acta: ActaRegistrada): Clasificacion {
  switch (acta.tipo) {
    case 'fuera_catalogo':
      return {
        estatus: 'FUERA_CATALOGO',
        contabilizada: 2,
        inconsistente: false,
        observaciones: [{ tipo: 'FUERA_CATALOGO' }],
        totalVotosCalculado: acta.captura ? sumaVotos(acta.captura.votos) : 0,
      };
    case 'sin_acta':
      return {
        estatus: 'SIN_ACTA',
        contabilizada: 0,
        inconsistente: false,
        observaciones: [{ tipo: 'SIN_ACTA', motivo: acta.motivo }],
        totalVotosCalculado: 0,
      };
    case 'captura':
      return clasificarCaptura(acta.captura.votos, acta.casilla, acta.boletasEspecial);
    default:
      return assertNever(acta, 'acta registrada');
  }
}

/** `clasificarActa` of a captured acta, from its parts (the corte's path: no `ActaRegistrada` built per acta). */
export function clasificarCaptura(
  votos: Readonly<Record<string, Valor>>,
  casilla: CasillaClasificacion,
  boletasEspecial: number,
): Clasificacion {
  return clasificarValores(Object.keys(votos), Object.values(votos), casilla, boletasEspecial);
}

/**
 * `clasificarCaptura` of vote fields given as their names and values in capture order (`campos[i]` holds
 * `valores[i]`): the corte reads each acta's fields once, in its ballot's column order, for everything it does.
 */
export function clasificarValores(
  campos: readonly string[],
  valores: readonly Valor[],
  casilla: CasillaClasificacion,
  boletasEspecial: number,
): Clasificacion {
  let total = 0;
  let numericos = 0;
  let ilegibles: string[] | null = null;
  let sinDato: string[] | null = null;
  for (let i = 0; i < valores.length; i++) {
    const v = valores[i]!;
    if (typeof v === 'number') {
      total += v;
      numericos++;
    } else if (v === ILEGIBLE) {
      (ilegibles ??= []).push(campos[i]!);
    } else if (v === SIN_DATO) {
      (sinDato ??= []).push(campos[i]!);
    } else {
      assertNever(v, 'valor de campo');
    }
  }

  if (numericos === 0) {
    // No legible number at all. All Ilegible (and at least one field) → todos ilegibles; all Sin dato, a mix,
    // or (defensively) no field at all → todos vacíos.
    const todosIlegibles = ilegibles !== null && sinDato === null;
    return {
      estatus: todosIlegibles ? 'TODOS_ILEGIBLES' : 'TODOS_VACIOS',
      contabilizada: 0,
      inconsistente: true,
      observaciones: [{ tipo: todosIlegibles ? 'TODOS_ILEGIBLES' : 'TODOS_VACIOS' }],
      totalVotosCalculado: 0,
    };
  }

  const limite = limiteVotos(casilla, boletasEspecial);
  const excede = limite !== null && total > limite;
  // An ordinary counted acta (nearly all) shares one empty list: nothing mutates a classification.
  const observaciones: Observacion[] = excede || ilegibles !== null || sinDato !== null ? [] : SIN_OBSERVACIONES;
  if (excede) observaciones.push({ tipo: 'EXCEDE_LISTA_NOMINAL' });
  if (ilegibles !== null) observaciones.push({ tipo: 'ILEGIBLE', campos: ilegibles });
  if (sinDato !== null) observaciones.push({ tipo: 'SIN_DATO', campos: sinDato });
  return {
    estatus: excede ? 'EXCEDE_LISTA_NOMINAL' : 'CONTABILIZADA',
    contabilizada: excede ? 0 : 1,
    inconsistente: observaciones.length > 0,
    observaciones,
    totalVotosCalculado: total,
  };
}

/** The Spanish text of a sin acta reason, as in OBSERVACIONES. */
export function motivoSinActaTexto(motivo: MotivoSinActa): string {
  switch (motivo) {
    case 'PAQUETE_NO_ENTREGADO':
      return 'Sin acta por paquete no entregado';
    case 'CASILLA_NO_INSTALADA':
      return 'Sin acta por casilla no instalada';
    case 'SIN_SOBRE':
      return 'Sin acta por sin sobre';
    case 'CONTINGENCIA_URNA_ELECTRONICA':
      return 'Sin acta por contingencia en urna electrónica';
    default:
      return assertNever(motivo, 'motivo de sin acta');
  }
}

/** The text of one observation in the CSV's OBSERVACIONES column (INE wording). */
export function observacionTexto(o: Observacion): string {
  switch (o.tipo) {
    case 'EXCEDE_LISTA_NOMINAL':
      return 'Excede Lista Nominal';
    case 'ILEGIBLE':
      return 'Ilegible';
    case 'SIN_DATO':
      return 'Sin dato';
    case 'TODOS_ILEGIBLES':
      return 'Todos los campos ilegibles';
    case 'TODOS_VACIOS':
      return 'Todos los campos vacíos';
    case 'SIN_ACTA':
      return motivoSinActaTexto(o.motivo);
    case 'FUERA_CATALOGO':
      return 'Fuera de catálogo';
    default:
      return assertNever(o, 'observación');
  }
}

/**
 * OBSERVACIONES of a CSV row: the texts joined with ", " ("" when none). The result may contain a comma, so
 * the CSV writer must quote it.
 */
export function observacionesTexto(observaciones: readonly Observacion[]): string {
  return observaciones.map(observacionTexto).join(', ');
}
