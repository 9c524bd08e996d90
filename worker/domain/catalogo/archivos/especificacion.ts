/**
 * The documented set of catalogue CSV files (docs/catalogo.md): their names, columns, what each column holds
 * and how its cells are read. One place, so the reader, the writer and the docs test cannot drift apart.
 */
import { z } from 'zod';
import { offsetLabel } from '../../tiempo/central.ts';
import {
  BoletaSchema,
  CandidaturaSchema,
  CasillaSchema,
  CatdSchema,
  CoalicionSchema,
  ColumnaSchema,
  DistritoSchema,
  EleccionSchema,
  EntidadSchema,
  MunicipioSchema,
  PARTE_MAXIMA,
  ParteSchema,
  PartidoSchema,
  SeccionSchema,
  TipoTerritorioSchema,
  TipoCasillaSchema,
} from '../esquema.ts';
import { leerCodigo, leerEntero, leerLista, leerMinusculas, leerTexto, type ColumnaSpec } from './tabla.ts';

// ---- cell readers specific to the catalogue -----------------------------------------------------------------

const HUSO_RE = /^(?:UTC|GMT)?\s*(?:([+\-−])\s*(\d{1,2})(?::?(\d{2}))?)?$/i;

/** `UTC-6`, `UTC+5:30`, `UTC-06:00`, `-6`, `UTC` → minutes east of UTC; anything else stays text. */
export function leerHuso(t: string): unknown {
  if (t === '') return undefined;
  const m = HUSO_RE.exec(t.trim());
  if (!m || (m[1] === undefined && !/^(UTC|GMT)$/i.test(t.trim()))) return t;
  if (m[1] === undefined) return 0;
  const min = Number(m[2]) * 60 + Number(m[3] ?? 0);
  if (Number(m[3] ?? 0) >= 60) return t;
  return m[1] === '+' ? min : -min;
}

export const formatHuso = offsetLabel;

/** 0/1 (also SI/NO, TRUE/FALSE) → boolean. */
export function leerBooleano(t: string): unknown {
  if (t === '') return undefined;
  const u = t.toUpperCase();
  if (['1', 'SI', 'SÍ', 'TRUE', 'VERDADERO'].includes(u)) return true;
  if (['0', 'NO', 'FALSE', 'FALSO'].includes(u)) return false;
  return t;
}

/** 1/2, also URBANA / NO URBANA. */
export function leerUbicacion(t: string): unknown {
  const u = t.toUpperCase().replace(/[_\s]+/g, ' ');
  if (u === 'URBANA') return 1;
  if (u === 'NO URBANA' || u === 'RURAL') return 2;
  return leerEntero(t);
}

/** CLAVE_CASILLA as written in published files: one leading (and a stray trailing) apostrophe dropped. */
export function leerClave(t: string): unknown {
  if (t === '') return undefined;
  return t.replace(/^'/, '').replace(/'$/, '').toUpperCase();
}

// ---- kinds of cell: format (Spanish, for messages and docs) and reader -------------------------------------

const o = (xs: readonly string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} o ${xs.at(-1)}`);

/** Each kind of cell once: a column of that kind, in whatever file, is described and read alike. */
const TIPOS = {
  entidad: { formato: 'un entero de 1 a 32', leer: leerEntero },
  nombre: { formato: 'un texto de 1 a 200 caracteres', leer: leerTexto },
  huso: { formato: 'un desfase fijo respecto de UTC, como UTC-6 o UTC+5:30', leer: leerHuso },
  booleano: { formato: '0 o 1', leer: leerBooleano },
  codigoEleccion: { formato: 'un código de 2 a 16 MAYÚSCULAS o _ que empieza con letra (p. ej. DIP_LOC)', leer: leerCodigo },
  territorioTipo: { formato: o(TipoTerritorioSchema.options), leer: leerMinusculas },
  tipoActa: { formato: 'uno o dos dígitos o MAYÚSCULAS', leer: leerCodigo },
  enteroNoNegativo: { formato: 'un entero ≥ 0', leer: leerEntero },
  enteroPositivo: { formato: 'un entero ≥ 1', leer: leerEntero },
  columna: { formato: 'siglas en MAYÚSCULAS_CON_GUION_BAJO (p. ej. PAN, CI_1, PAN_PRI)', leer: leerCodigo },
  color: { formato: 'un color #RRGGBB', leer: leerTexto },
  tipoPartido: { formato: 'partido o independiente', leer: leerMinusculas },
  listaColumnas: { formato: 'siglas separadas por + (p. ej. PAN+PRI+PRD)', leer: leerLista },
  seccion: { formato: 'un entero de 0 a 9999 (0: solo casillas M)', leer: leerEntero },
  tipoCasilla: { formato: o(TipoCasillaSchema.options), leer: leerCodigo },
  idCasilla: { formato: 'un entero de 1 a 99 (0: solo casillas M)', leer: leerEntero },
  extContigua: { formato: 'un entero de 0 a 99', leer: leerEntero },
  ubicacion: { formato: '1 (urbana) o 2 (no urbana)', leer: leerUbicacion },
  territorio: { formato: 'un entero ≥ 0 (0 = toda la entidad)', leer: leerEntero },
  ambito: { formato: 'distrito o municipio', leer: leerMinusculas },
  catd: { formato: 'una clave de 2 a 20 MAYÚSCULAS, dígitos o guiones', leer: leerCodigo },
  listaElecciones: { formato: 'códigos de elección separados por + (p. ej. GUB+DIP_LOC)', leer: leerLista },
  clave: { formato: 'la CLAVE_CASILLA de 11 caracteres (p. ej. 140338B0100)', leer: leerClave },
  parte: { formato: `un entero de 2 a ${PARTE_MAXIMA}`, leer: leerEntero },
} satisfies Record<string, Pick<ColumnaSpec, 'formato' | 'leer'>>;

type TipoCelda = keyof typeof TIPOS;

/** The format of each kind of cell, for messages outside this file (the from-prep derivation). */
export const FORMATO = Object.fromEntries(Object.entries(TIPOS).map(([k, t]) => [k, t.formato])) as { readonly [K in TipoCelda]: string };

// ---- the files ----------------------------------------------------------------------------------------------

export interface ArchivoSpec {
  archivo: string;
  /** The file must be in the folder (the others may be absent: they mean "none"). */
  requerido: boolean;
  /** At least one data row. */
  conFilas: boolean;
  columnas: readonly ColumnaSpec[];
  doc: string;
}

const col = (nombre: string, campo: string, tipo: TipoCelda, doc: string, extra: Partial<ColumnaSpec> = {}): ColumnaSpec => ({
  nombre,
  campo,
  formato: TIPOS[tipo].formato,
  leer: TIPOS[tipo].leer,
  doc,
  requerida: true,
  ...extra,
});

const opcional = (porDefecto: ColumnaSpec['porDefecto']): Partial<ColumnaSpec> => ({ requerida: false, porDefecto });

/** A required file must also have rows; an optional one may be absent or empty alike (both mean "none"). */
const archivo = (nombre: string, doc: string, columnas: readonly ColumnaSpec[], requerido = true): ArchivoSpec => ({
  archivo: nombre,
  requerido,
  conFilas: requerido,
  doc,
  columnas,
});

/** ORDEN, where a file has it: optional, the row order when absent. */
const orden = (doc: string) => col('ORDEN', 'orden', 'enteroNoNegativo', doc, opcional((fila) => fila));

const columnaNombre = (doc: string) => col('NOMBRE', 'nombre', 'nombre', doc);

const COLUMNA_ELECCION = col('ELECCION', 'eleccion', 'codigoEleccion', 'Elección (elecciones.csv).');

export const ENTIDAD = archivo('entidad.csv', 'La entidad federativa del PREP: una sola fila.', [
  col('ID_ENTIDAD', 'id', 'entidad', 'Clave INE de la entidad (Jalisco 14): los dos primeros dígitos de CLAVE_CASILLA.'),
  col('ENTIDAD', 'nombre', 'nombre', 'Nombre que muestra el portal.'),
  col('HUSO_HORARIO', 'utcOffsetMinutes', 'huso', 'Hora local de la entidad, sin horario de verano.'),
  col('SINTETICO', 'sintetico', 'booleano', '1 si las casillas son inventadas (catálogo de demostración); el portal lo advierte.', opcional(() => false)),
]);

export const ELECCIONES = archivo('elecciones.csv', 'Una fila por elección.', [
  col('ELECCION', 'codigo', 'codigoEleccion', 'Código corto, usado en rutas y nombres de archivo.'),
  columnaNombre('Nombre de la elección (primera línea del CSV de resultados).'),
  col('TERRITORIO', 'territorio', 'territorioTipo', 'Dónde se decide: toda la entidad, cada distrito local o cada municipio.'),
  col('TIPO_ACTA', 'tipoActa', 'tipoActa', 'Código que sigue a CLAVE_CASILLA en CLAVE_ACTA.'),
  col('BOLETAS_ESPECIAL', 'boletasEspecial', 'enteroNoNegativo', 'Boletas aprobadas por casilla especial (límite de «excede lista nominal» de las casillas S).'),
  orden('Orden de presentación; si falta, el de las filas.'),
]);

export const PARTIDOS = archivo('partidos.csv', 'Partidos y candidaturas independientes: cada uno es una columna de votos.', [
  col('PARTIDO_CI', 'siglas', 'columna', 'Siglas: el nombre de su columna en el CSV de resultados.'),
  columnaNombre('Nombre completo.'),
  col('TIPO', 'tipo', 'tipoPartido', 'partido o independiente; si falta, partido.', opcional(() => 'partido')),
  col('COLOR', 'color', 'color', 'Color en el portal.'),
  orden('Orden en las boletas y en el portal; si falta, el de las filas.'),
]);

export const COALICIONES = archivo(
  'coaliciones.csv',
  'Coaliciones con todos los partidos que pueden integrarla en algún territorio.',
  [
    col('COALICION', 'id', 'columna', 'Clave de la coalición (PARTIDO_CI de sus candidaturas).'),
    columnaNombre('Nombre de la coalición.'),
    col('PARTIDOS', 'partidos', 'listaColumnas', 'Partidos que la integran (al menos dos).'),
  ],
  false,
);

export const DISTRITOS = archivo('distritos.csv', 'Distritos locales.', [
  col('ID_DISTRITO_LOCAL', 'id', 'enteroPositivo', 'Número de distrito.'),
  col('DISTRITO_LOCAL', 'cabecera', 'nombre', 'Nombre de la cabecera distrital, como en el CSV de resultados.'),
]);

export const MUNICIPIOS = archivo('municipios.csv', 'Municipios.', [
  col('ID_MUNICIPIO', 'id', 'enteroPositivo', 'Clave del municipio.'),
  col('MUNICIPIO', 'nombre', 'nombre', 'Nombre del municipio.'),
]);

export const SECCIONES = archivo('secciones.csv', 'Secciones: cada una en un distrito local y un municipio.', [
  col('SECCION', 'id', 'seccion', 'Número de sección.'),
  col('ID_DISTRITO_LOCAL', 'distrito', 'enteroPositivo', 'Distrito local de la sección (distritos.csv).'),
  col('ID_MUNICIPIO', 'municipio', 'enteroPositivo', 'Municipio de la sección (municipios.csv).'),
]);

export const CASILLAS = archivo('casillas.csv', 'Casillas aprobadas: cada una espera un acta por elección.', [
  col('CLAVE_CASILLA', 'clave', 'clave', 'Opcional y derivada (ID_ENTIDAD + SECCION + TIPO + ID + EXT): si está, debe coincidir.', opcional(undefined)),
  col('SECCION', 'seccion', 'seccion', 'Sección de la casilla (secciones.csv).'),
  col('TIPO_CASILLA', 'tipo', 'tipoCasilla', 'B básica, C contigua, E extraordinaria, S especial, M sin lista nominal propia (p. ej. voto desde el extranjero).'),
  col('ID_CASILLA', 'id', 'idCasilla', 'Número de casilla dentro de la sección y el tipo.'),
  col('EXT_CONTIGUA', 'extContigua', 'extContigua', 'Contigua de una extraordinaria; 0 en las demás.'),
  col('UBICACION_CASILLA', 'ubicacion', 'ubicacion', '1 urbana, 2 no urbana.'),
  col('LISTA_NOMINAL', 'listaNominal', 'enteroNoNegativo', 'Electores de la casilla; 0 en especiales y en casillas sin lista nominal propia.'),
  col('REPRESENTANTES_PP_CI', 'representantes', 'enteroNoNegativo', 'Representantes de partidos y candidaturas independientes acreditados en la casilla.'),
  col(
    'ELECCIONES',
    'elecciones',
    'listaElecciones',
    'Las elecciones en que vota la casilla, si no son todas (el voto desde el extranjero, una elección de juntas municipales); vacía: todas.',
    opcional(undefined),
  ),
]);

export const BOLETAS = archivo(
  'boletas.csv',
  'La boleta de cada elección en cada territorio: una fila por columna de votos, en el orden de publicación (NO_REGISTRADAS y NULOS van siempre y no se listan).',
  [
    COLUMNA_ELECCION,
    col('ID_TERRITORIO', 'territorio', 'territorio', '0 para una elección de toda la entidad; si no, el distrito o el municipio, según la elección.'),
    col('COLUMNA', 'columna', 'columna', 'Un partido, una candidatura independiente o una combinación de coalición (PAN_PRI…).'),
  ],
);

export const BOLETAS_COALICIONES = archivo(
  'boletas_coaliciones.csv',
  'Qué partidos forman cada coalición en cada territorio de cada elección (las coaliciones parciales cambian por territorio).',
  [
    COLUMNA_ELECCION,
    col('ID_TERRITORIO', 'territorio', 'territorio', 'Como en boletas.csv.'),
    col('COALICION', 'coalicion', 'columna', 'Coalición (coaliciones.csv).'),
    col('PARTIDOS', 'partidos', 'listaColumnas', 'Sus partidos en ese territorio (al menos dos).'),
  ],
  false,
);

export const CATDS = archivo(
  'catds.csv',
  'Centros de Acopio y Transmisión de Datos: reciben las actas de las elecciones indicadas de todas las casillas de su territorio.',
  [
    col('ID_CATD', 'id', 'catd', 'Clave del CATD.'),
    columnaNombre('Nombre del CATD.'),
    col('AMBITO', 'ambito', 'ambito', 'distrito o municipio.'),
    col('ID_TERRITORIO', 'territorio', 'enteroPositivo', 'El distrito local o el municipio que atiende.'),
    col('ELECCIONES', 'elecciones', 'listaElecciones', 'Elecciones cuyas actas recibe.'),
  ],
);

/**
 * partes.csv: the further parts of split casillas' actas (a sección split between two territories of one
 * election publishes one acta per part under the same CLAVE_ACTA). Optional: most catalogues have none.
 */
export const PARTES = archivo(
  'partes.csv',
  'Secciones partidas: cada fila es una parte más (2, 3 …) del acta de una casilla en una elección, contada en otro territorio con la misma CLAVE_ACTA.',
  [
    col('SECCION', 'seccion', 'seccion', 'Sección de la casilla (casillas.csv).'),
    col('TIPO_CASILLA', 'tipo', 'tipoCasilla', 'Tipo de la casilla, como en casillas.csv.'),
    col('ID_CASILLA', 'id', 'idCasilla', 'Número de la casilla, como en casillas.csv.'),
    col('EXT_CONTIGUA', 'extContigua', 'extContigua', 'Contigua de una extraordinaria; 0 en las demás.'),
    COLUMNA_ELECCION,
    col('PARTE', 'parte', 'parte', 'Número de la parte: 2, 3 … sin huecos por casilla y elección (la parte 1 es la casilla misma).'),
    col('ID_DISTRITO_LOCAL', 'distrito', 'enteroPositivo', 'Distrito local en que cuenta la parte (distritos.csv).'),
    col('ID_MUNICIPIO', 'municipio', 'enteroPositivo', 'Municipio en que cuenta la parte (municipios.csv).'),
    col('LISTA_NOMINAL', 'listaNominal', 'enteroNoNegativo', 'Electores de la parte; vacía: la lista nominal de la casilla.', opcional(undefined)),
  ],
  false,
);

/** candidaturas_<ELECCION>.csv: the layout of docs/REGLAS.md §7; the territory column depends on the election. */
export const CANDIDATURAS_PREFIJO = 'candidaturas_';

export const COLUMNA_TERRITORIO_CANDIDATURAS = { distrito: 'ID_DISTRITO_LOCAL', municipio: 'ID_MUNICIPIO' } as const;

export function candidaturasSpec(eleccion: string, territorio: z.infer<typeof TipoTerritorioSchema>): ArchivoSpec {
  const columnaTerritorio =
    territorio === 'entidad' ? [] : [col(COLUMNA_TERRITORIO_CANDIDATURAS[territorio], 'territorio', 'enteroPositivo', `El ${territorio} de la candidatura.`)];
  return archivo(
    `${CANDIDATURAS_PREFIJO}${eleccion}.csv`,
    'Candidaturas de una elección, con el formato de la base de datos del PREP (docs/REGLAS.md §7). El ID del territorio no va en elecciones de toda la entidad.',
    [
      col('ID_ENTIDAD', 'entidad', 'entidad', 'La entidad de entidad.csv.'),
      ...columnaTerritorio,
      col('PARTIDO_CI', 'partidoCi', 'columna', 'Partido, candidatura independiente o coalición (coaliciones.csv).'),
      col('CANDIDATURA_PROPIETARIA', 'propietaria', 'nombre', 'Nombre de la persona propietaria.'),
      col('CANDIDATURA_SUPLENTE', 'suplente', 'nombre', 'Nombre de la persona suplente.'),
    ],
    false,
  );
}

/** Every fixed file, in the order they are read and documented. */
export const ARCHIVOS: readonly ArchivoSpec[] = [
  ENTIDAD,
  ELECCIONES,
  PARTIDOS,
  COALICIONES,
  DISTRITOS,
  MUNICIPIOS,
  SECCIONES,
  CASILLAS,
  BOLETAS,
  BOLETAS_COALICIONES,
  CATDS,
  PARTES,
];

// ---- row schemas (the zod boundary of each file) ------------------------------------------------------------

export const FILA = {
  entidad: EntidadSchema,
  elecciones: EleccionSchema,
  partidos: PartidoSchema,
  coaliciones: CoalicionSchema,
  distritos: DistritoSchema,
  municipios: MunicipioSchema,
  secciones: SeccionSchema,
  casillas: CasillaSchema.extend({ clave: z.string().optional() }),
  boletas: z.strictObject({ eleccion: EleccionSchema.shape.codigo, territorio: BoletaSchema.shape.territorio, columna: ColumnaSchema }),
  boletasCoaliciones: z.strictObject({
    eleccion: EleccionSchema.shape.codigo,
    territorio: BoletaSchema.shape.territorio,
    coalicion: ColumnaSchema,
    partidos: z.array(ColumnaSchema).min(2),
  }),
  candidaturas: z.strictObject({
    entidad: EntidadSchema.shape.id,
    territorio: CandidaturaSchema.shape.territorio.optional(),
    partidoCi: CandidaturaSchema.shape.partidoCi,
    propietaria: CandidaturaSchema.shape.propietaria,
    suplente: CandidaturaSchema.shape.suplente,
  }),
  catds: CatdSchema,
  partes: ParteSchema,
} as const;
