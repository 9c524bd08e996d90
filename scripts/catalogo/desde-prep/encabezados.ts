/**
 * Column names of published PREP databases (docs/REGLAS.md §7) in every naming variant in use since 2018, mapped to
 * one canonical name. Header text is first normalized (upper case, accents and punctuation folded to `_`), so
 * `ACTAS_FUERA_DE_CATÁLOGO`, `Actas fuera de catalogo` and `ACTAS_FUERA_CATALOGO` are the same column.
 * Shared by the catalogue derivation (from-prep) and the replay of a published database.
 */
import { COLUMNAS_FINALES, TOTALES_INICIALES } from '../../../worker/domain/corte/csv-resultados.ts';
import { FIGURAS, type Figura } from '../../../worker/domain/contrato/index.ts';

/** `Actas fuera de catálogo` → `ACTAS_FUERA_DE_CATALOGO`; `'CLAVE_CASILLA'` → `CLAVE_CASILLA`. */
export function normalizarNombre(texto: string): string {
  return texto
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * The 13 figures of the summary row, in order (docs/REGLAS.md §5, §7): the figures of a corte, which our own results
 * CSV heads with too, so they are read by the one list the tally defines.
 */
export const CIFRAS_RESUMEN = FIGURAS;
export type CifraResumen = Figura;

const ALIAS_RESUMEN: Record<string, CifraResumen> = {
  ACTAS_FUERA_DE_CATALOGO: 'ACTAS_FUERA_CATALOGO',
  PORCENTAJE_ACTAS_CON_INCONSISTENCIAS: 'PORCENTAJE_ACTAS_INCONSISTENCIAS',
  PORCENTAJE_PARTICIPACION: 'PORCENTAJE_PARTICIPACION_CIUDADANA',
};

/**
 * Summary figures of a cómputos file (INE 2023 Senaduría Tamaulipas, CÓMPUTOS) that are figures of ours under
 * another name, with the rule that makes them so: in the cómputos every computed acta counts, so "computadas"
 * are the contabilizadas of a final corte, and TOTAL_VOTOS is the sum of every computed acta's total,
 * casillas especiales included.
 */
export const RESUMEN_EQUIVALENTE: Readonly<Record<string, { cifra: CifraResumen; regla: string }>> = {
  ACTAS_COMPUTADAS: { cifra: 'ACTAS_CONTABILIZADAS', regla: 'en los cómputos toda acta computada se contabiliza' },
  PORCENTAJE_ACTAS_COMPUTADAS: { cifra: 'PORCENTAJE_ACTAS_CONTABILIZADAS', regla: 'en los cómputos toda acta computada se contabiliza' },
  LISTA_NOMINAL_ACTAS_COMPUTADAS: { cifra: 'LISTA_NOMINAL_ACTAS_CONTABILIZADAS', regla: 'en los cómputos toda acta computada se contabiliza' },
  TOTAL_VOTOS: { cifra: 'TOTAL_VOTOS_C_CS', regla: 'la suma de TOTAL_VOTOS_CALCULADO de las actas computadas, con las de casillas especiales' },
};

/** Canonical summary figure of a header cell, or undefined. */
export function cifraResumen(texto: string): CifraResumen | undefined {
  const n = normalizarNombre(texto);
  if ((CIFRAS_RESUMEN as readonly string[]).includes(n)) return n as CifraResumen;
  return ALIAS_RESUMEN[n];
}

/**
 * Canonical data columns. Territory columns are generic (ID_DISTRITO stands for ID_DISTRITO_LOCAL or
 * ID_DISTRITO_FEDERAL, whichever the file has); the captured and final columns are the ones our own results CSV
 * writes (corte/csv-resultados.ts).
 */
export const COLUMNAS_DATOS = [
  'CLAVE_CASILLA',
  'CLAVE_ACTA',
  'ID_ENTIDAD',
  'ENTIDAD',
  'ID_DISTRITO',
  'DISTRITO',
  'ID_MUNICIPIO',
  'MUNICIPIO',
  'SECCION',
  'ID_CASILLA',
  'TIPO_CASILLA',
  'EXT_CONTIGUA',
  'UBICACION_CASILLA',
  'TIPO_ACTA',
  ...TOTALES_INICIALES,
  'NO_REGISTRADAS',
  'NULOS',
  ...COLUMNAS_FINALES,
] as const;
export type ColumnaDatos = (typeof COLUMNAS_DATOS)[number];

/** Variants that always mean the same column. */
const ALIAS_DATOS: Record<string, ColumnaDatos> = {
  ID_ESTADO: 'ID_ENTIDAD',
  NOMBRE_ESTADO: 'ENTIDAD',
  NOMBRE_ENTIDAD: 'ENTIDAD',
  ID_DISTRITO_LOCAL: 'ID_DISTRITO',
  ID_DISTRITO_FEDERAL: 'ID_DISTRITO',
  DISTRITO_LOCAL: 'DISTRITO',
  DISTRITO_FEDERAL: 'DISTRITO',
  NOMBRE_DISTRITO: 'DISTRITO',
  NOMBRE_DISTRITO_LOCAL: 'DISTRITO',
  NOMBRE_DISTRITO_FEDERAL: 'DISTRITO',
  CABECERA_DISTRITAL: 'DISTRITO',
  CABECERA_DISTRITAL_LOCAL: 'DISTRITO',
  CABECERA_DISTRITO: 'DISTRITO',
  CABECERA_DISTRITO_LOCAL: 'DISTRITO',
  ID_MUNICIPIO_LOCAL: 'ID_MUNICIPIO',
  MUNICIPIO_LOCAL: 'MUNICIPIO',
  NOMBRE_MUNICIPIO: 'MUNICIPIO',
  UBICACION: 'UBICACION_CASILLA',
  NUM_ACTA: 'TIPO_ACTA',
  BOLETAS_SOBRANTES: 'TOTAL_BOLETAS_SOBRANTES',
  PERSONAS_VOTARON: 'TOTAL_PERSONAS_VOTARON',
  REPRESENTANTES_P_VOTARON: 'TOTAL_REP_PARTIDO_CI_VOTARON',
  TOTAL_REP_PARTIDO_VOTARON: 'TOTAL_REP_PARTIDO_CI_VOTARON',
  VOTOS_SACADOS: 'TOTAL_VOTOS_SACADOS',
  NO_REGISTRADOS: 'NO_REGISTRADAS',
  CNR: 'NO_REGISTRADAS',
  CANDIDATOS_NO_REGISTRADOS: 'NO_REGISTRADAS',
  CANDIDATO_A_NO_REGISTRADO_A: 'NO_REGISTRADAS',
  CANDIDATURAS_NO_REGISTRADAS: 'NO_REGISTRADAS',
  VN: 'NULOS',
  VOTOS_NULOS: 'NULOS',
  VOTOS_ASENTADOS: 'TOTAL_VOTOS_ASENTADO',
  TOTAL_VOTOS_ASENTADOS: 'TOTAL_VOTOS_ASENTADO',
  TOTAL_VOTOS_CALCULADOS: 'TOTAL_VOTOS_CALCULADO',
  // IEE Puebla 2019: the computed total is plain TOTAL_VOTOS (TOTAL_VOTOS_ASENTADO is beside it).
  TOTAL_VOTOS: 'TOTAL_VOTOS_CALCULADO',
  NUM_BOLETAS_SOBRANTES: 'TOTAL_BOLETAS_SOBRANTES',
  TOTAL_CIUDADANOS_VOTARON: 'TOTAL_PERSONAS_VOTARON',
  LISTA_NOMINAL_CASILLA: 'LISTA_NOMINAL',
  REPRESENTANTES: 'REPRESENTANTES_PP_CI',
  CONTABILIZA: 'CONTABILIZADA',
  SHA: 'CODIGO_INTEGRIDAD',
  SHA256: 'CODIGO_INTEGRIDAD',
  DIGITALIZAION: 'DIGITALIZACION',
};

/**
 * Variants that mean a canonical column only by a rule worth saying (each reading is warned at its header cell,
 * code COLUMNA_EQUIVALENTE): CEE Nuevo León 2018 heads its nulls `Votos Anulados`.
 */
export const ALIAS_CON_REGLA: Readonly<Record<string, { columna: ColumnaDatos; regla: string }>> = {
  VOTOS_ANULADOS: { columna: 'NULOS', regla: 'los votos anulados son los votos nulos del acta' },
};

/**
 * Columns some files carry that are neither catalogue data nor votes; they are recognised so that they are
 * never mistaken for a party.
 */
export const COLUMNAS_IGNORADAS = new Set(['ID_ACTA', 'CIRCUNSCRIPCION', 'ID_CIRCUNSCRIPCION', 'NUM_ACTA_IMPRESO', 'FECHA_HORA', 'CASILLA_INSTALADA', 'ESTATUS_ACTA', 'ESTATUS_PAQUETE', 'ID_INCIDENTE']);

/**
 * The canonical name of each header cell of a data header; `null` for the columns that are not canonical
 * (votes, or unknown). Names that are ambiguous on their own are settled by the rest of the header:
 * `ESTADO` is the name of the entidad when ID_ESTADO is there and its number otherwise (2018 cómputos);
 * `DISTRITO` and `MUNICIPIO` likewise; `CASILLA` is the ubicación (Urbana / No Urbana) when there is no
 * UBICACION_CASILLA.
 */
export function columnasCanonicas(encabezado: readonly string[]): (ColumnaDatos | null)[] {
  const n = encabezado.map(normalizarNombre);
  const tiene = (x: string) => n.includes(x);
  const idEntidad = tiene('ID_ENTIDAD') || tiene('ID_ESTADO');
  const idDistrito = n.some((x) => x === 'ID_DISTRITO' || x === 'ID_DISTRITO_LOCAL' || x === 'ID_DISTRITO_FEDERAL');
  const idMunicipio = tiene('ID_MUNICIPIO') || tiene('ID_MUNICIPIO_LOCAL');
  return n.map((x): ColumnaDatos | null => {
    if (x === 'ESTADO') return idEntidad ? 'ENTIDAD' : 'ID_ENTIDAD';
    if (x === 'DISTRITO') return idDistrito ? 'DISTRITO' : 'ID_DISTRITO';
    if (x === 'MUNICIPIO') return idMunicipio ? 'MUNICIPIO' : n.includes('NOMBRE_MUNICIPIO') ? 'ID_MUNICIPIO' : 'MUNICIPIO';
    if (x === 'CASILLA') return tiene('UBICACION_CASILLA') || tiene('UBICACION') ? null : 'UBICACION_CASILLA';
    if ((COLUMNAS_DATOS as readonly string[]).includes(x)) return x as ColumnaDatos;
    return ALIAS_DATOS[x] ?? ALIAS_CON_REGLA[x]?.columna ?? null;
  });
}

/** First data-header cells that end the vote columns: after them nothing is a party. */
export const FIN_DE_VOTOS: readonly ColumnaDatos[] = ['NO_REGISTRADAS', 'NULOS', 'TOTAL_VOTOS_ASENTADO', 'TOTAL_VOTOS_CALCULADO', 'LISTA_NOMINAL'];

/**
 * Cell text as published: blanks, surrounding spreadsheet apostrophes (`'140338B0100'`) and the Excel text formula
 * around a value (`="01"`, when the CSV reader met it inside another dialect) removed.
 */
export function limpiarCelda(texto: string): string {
  const t = texto.trim();
  const formula = /^="([^"]*)"$/.exec(t);
  if (formula) return formula[1]!.trim();
  return t.replace(/^'/, '').replace(/'$/, '').trim();
}
