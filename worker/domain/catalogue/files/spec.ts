/**
 * The documented set of catalogue CSV files (docs/catalogo.md): their names, columns, what each column holds
 * and how its cells are read. One place, so the reader, the writer and the docs test cannot drift apart.
 */
import { z } from 'zod';
import { offsetLabel } from '../../time/central.ts';
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
  PartidoSchema,
  SeccionSchema,
  TerritorioKindSchema,
  TipoCasillaSchema,
} from '../schema.ts';
import { leerCodigo, leerEntero, leerLista, leerMinusculas, leerTexto, type ColumnaSpec } from './table.ts';

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

// ---- formats (Spanish, for messages and docs) ---------------------------------------------------------------

const o = (xs: readonly string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} o ${xs.at(-1)}`);

export const FORMATO = {
  entidad: 'un entero de 1 a 32',
  nombre: 'un texto de 1 a 200 caracteres',
  huso: 'un desfase fijo respecto de UTC, como UTC-6 o UTC+5:30',
  booleano: '0 o 1',
  codigoEleccion: 'un código de 2 a 16 MAYÚSCULAS o _ que empieza con letra (p. ej. DIP_LOC)',
  territorioKind: o(TerritorioKindSchema.options),
  tipoActa: 'uno o dos dígitos o MAYÚSCULAS',
  enteroNoNegativo: 'un entero ≥ 0',
  enteroPositivo: 'un entero ≥ 1',
  columna: 'siglas en MAYÚSCULAS_CON_GUION_BAJO (p. ej. PAN, CI_1, PAN_PRI)',
  color: 'un color #RRGGBB',
  tipoPartido: 'partido o independiente',
  listaColumnas: 'siglas separadas por + (p. ej. PAN+PRI+PRD)',
  seccion: 'un entero de 1 a 9999',
  tipoCasilla: o(TipoCasillaSchema.options),
  idCasilla: 'un entero de 1 a 99',
  extContigua: 'un entero de 0 a 99',
  ubicacion: '1 (urbana) o 2 (no urbana)',
  territorio: 'un entero ≥ 0 (0 = toda la entidad)',
  ambito: 'distrito o municipio',
  catd: 'una clave de 2 a 20 MAYÚSCULAS, dígitos o guiones',
  listaElecciones: 'códigos de elección separados por + (p. ej. GUB+DIP_LOC)',
  clave: 'la CLAVE_CASILLA de 11 caracteres (p. ej. 140338B0100)',
} as const;

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

const col = (
  nombre: string,
  campo: string,
  formato: string,
  leer: ColumnaSpec['leer'],
  doc: string,
  extra: Partial<ColumnaSpec> = {},
): ColumnaSpec => ({ nombre, campo, formato, leer, doc, requerida: true, ...extra });

const opcional = (porDefecto: ColumnaSpec['porDefecto']): Partial<ColumnaSpec> => ({ requerida: false, porDefecto });

export const ENTIDAD: ArchivoSpec = {
  archivo: 'entidad.csv',
  requerido: true,
  conFilas: true,
  doc: 'La entidad federativa del PREP: una sola fila.',
  columnas: [
    col('ID_ENTIDAD', 'id', FORMATO.entidad, leerEntero, 'Clave INE de la entidad (Jalisco 14): los dos primeros dígitos de CLAVE_CASILLA.'),
    col('ENTIDAD', 'nombre', FORMATO.nombre, leerTexto, 'Nombre que muestra el portal.'),
    col('HUSO_HORARIO', 'utcOffsetMinutes', FORMATO.huso, leerHuso, 'Hora local de la entidad, sin horario de verano.'),
    col('SINTETICO', 'sintetico', FORMATO.booleano, leerBooleano, '1 si las casillas son inventadas (catálogo de demostración); el portal lo advierte.', opcional(() => false)),
  ],
};

export const ELECCIONES: ArchivoSpec = {
  archivo: 'elecciones.csv',
  requerido: true,
  conFilas: true,
  doc: 'Una fila por elección.',
  columnas: [
    col('ELECCION', 'codigo', FORMATO.codigoEleccion, leerCodigo, 'Código corto, usado en rutas y nombres de archivo.'),
    col('NOMBRE', 'nombre', FORMATO.nombre, leerTexto, 'Nombre de la elección (primera línea del CSV de resultados).'),
    col('TERRITORIO', 'territorio', FORMATO.territorioKind, leerMinusculas, 'Dónde se decide: toda la entidad, cada distrito local o cada municipio.'),
    col('TIPO_ACTA', 'tipoActa', FORMATO.tipoActa, leerCodigo, 'Código que sigue a CLAVE_CASILLA en CLAVE_ACTA.'),
    col('BOLETAS_ESPECIAL', 'boletasEspecial', FORMATO.enteroNoNegativo, leerEntero, 'Boletas aprobadas por casilla especial (límite de «excede lista nominal» de las casillas S).'),
    col('ORDEN', 'orden', FORMATO.enteroNoNegativo, leerEntero, 'Orden de presentación; si falta, el de las filas.', opcional((fila) => fila)),
  ],
};

export const PARTIDOS: ArchivoSpec = {
  archivo: 'partidos.csv',
  requerido: true,
  conFilas: true,
  doc: 'Partidos y candidaturas independientes: cada uno es una columna de votos.',
  columnas: [
    col('PARTIDO_CI', 'siglas', FORMATO.columna, leerCodigo, 'Siglas: el nombre de su columna en el CSV de resultados.'),
    col('NOMBRE', 'nombre', FORMATO.nombre, leerTexto, 'Nombre completo.'),
    col('TIPO', 'tipo', FORMATO.tipoPartido, leerMinusculas, 'partido o independiente; si falta, partido.', opcional(() => 'partido')),
    col('COLOR', 'color', FORMATO.color, leerTexto, 'Color en el portal.'),
    col('ORDEN', 'orden', FORMATO.enteroNoNegativo, leerEntero, 'Orden en las boletas y en el portal; si falta, el de las filas.', opcional((fila) => fila)),
  ],
};

export const COALICIONES: ArchivoSpec = {
  archivo: 'coaliciones.csv',
  requerido: false,
  conFilas: false,
  doc: 'Coaliciones con todos los partidos que pueden integrarla en algún territorio.',
  columnas: [
    col('COALICION', 'id', FORMATO.columna, leerCodigo, 'Clave de la coalición (PARTIDO_CI de sus candidaturas).'),
    col('NOMBRE', 'nombre', FORMATO.nombre, leerTexto, 'Nombre de la coalición.'),
    col('PARTIDOS', 'partidos', FORMATO.listaColumnas, leerLista, 'Partidos que la integran (al menos dos).'),
  ],
};

export const DISTRITOS: ArchivoSpec = {
  archivo: 'distritos.csv',
  requerido: true,
  conFilas: true,
  doc: 'Distritos locales.',
  columnas: [
    col('ID_DISTRITO_LOCAL', 'id', FORMATO.enteroPositivo, leerEntero, 'Número de distrito.'),
    col('DISTRITO_LOCAL', 'cabecera', FORMATO.nombre, leerTexto, 'Nombre de la cabecera distrital, como en el CSV de resultados.'),
  ],
};

export const MUNICIPIOS: ArchivoSpec = {
  archivo: 'municipios.csv',
  requerido: true,
  conFilas: true,
  doc: 'Municipios.',
  columnas: [
    col('ID_MUNICIPIO', 'id', FORMATO.enteroPositivo, leerEntero, 'Clave del municipio.'),
    col('MUNICIPIO', 'nombre', FORMATO.nombre, leerTexto, 'Nombre del municipio.'),
  ],
};

export const SECCIONES: ArchivoSpec = {
  archivo: 'secciones.csv',
  requerido: true,
  conFilas: true,
  doc: 'Secciones: cada una en un distrito local y un municipio.',
  columnas: [
    col('SECCION', 'id', FORMATO.seccion, leerEntero, 'Número de sección.'),
    col('ID_DISTRITO_LOCAL', 'distrito', FORMATO.enteroPositivo, leerEntero, 'Distrito local de la sección (distritos.csv).'),
    col('ID_MUNICIPIO', 'municipio', FORMATO.enteroPositivo, leerEntero, 'Municipio de la sección (municipios.csv).'),
  ],
};

export const CASILLAS: ArchivoSpec = {
  archivo: 'casillas.csv',
  requerido: true,
  conFilas: true,
  doc: 'Casillas aprobadas: cada una espera un acta por elección.',
  columnas: [
    col('CLAVE_CASILLA', 'clave', FORMATO.clave, leerClave, 'Opcional y derivada (ID_ENTIDAD + SECCION + TIPO + ID + EXT): si está, debe coincidir.', opcional(undefined)),
    col('SECCION', 'seccion', FORMATO.seccion, leerEntero, 'Sección de la casilla (secciones.csv).'),
    col('TIPO_CASILLA', 'tipo', FORMATO.tipoCasilla, leerCodigo, 'B básica, C contigua, E extraordinaria, S especial, M sin lista nominal propia (p. ej. voto desde el extranjero).'),
    col('ID_CASILLA', 'id', FORMATO.idCasilla, leerEntero, 'Número de casilla dentro de la sección y el tipo.'),
    col('EXT_CONTIGUA', 'extContigua', FORMATO.extContigua, leerEntero, 'Contigua de una extraordinaria; 0 en las demás.'),
    col('UBICACION_CASILLA', 'ubicacion', FORMATO.ubicacion, leerUbicacion, '1 urbana, 2 no urbana.'),
    col('LISTA_NOMINAL', 'listaNominal', FORMATO.enteroNoNegativo, leerEntero, 'Electores de la casilla; 0 en especiales y en casillas sin lista nominal propia.'),
    col('REPRESENTANTES_PP_CI', 'representantes', FORMATO.enteroNoNegativo, leerEntero, 'Representantes de partidos y candidaturas independientes acreditados en la casilla.'),
  ],
};

export const BOLETAS: ArchivoSpec = {
  archivo: 'boletas.csv',
  requerido: true,
  conFilas: true,
  doc: 'La boleta de cada elección en cada territorio: una fila por columna de votos, en el orden de publicación (NO_REGISTRADAS y NULOS van siempre y no se listan).',
  columnas: [
    col('ELECCION', 'eleccion', FORMATO.codigoEleccion, leerCodigo, 'Elección (elecciones.csv).'),
    col('ID_TERRITORIO', 'territorio', FORMATO.territorio, leerEntero, '0 para una elección de toda la entidad; si no, el distrito o el municipio, según la elección.'),
    col('COLUMNA', 'columna', FORMATO.columna, leerCodigo, 'Un partido, una candidatura independiente o una combinación de coalición (PAN_PRI…).'),
  ],
};

export const BOLETAS_COALICIONES: ArchivoSpec = {
  archivo: 'boletas_coaliciones.csv',
  requerido: false,
  conFilas: false,
  doc: 'Qué partidos forman cada coalición en cada territorio de cada elección (las coaliciones parciales cambian por territorio).',
  columnas: [
    col('ELECCION', 'eleccion', FORMATO.codigoEleccion, leerCodigo, 'Elección (elecciones.csv).'),
    col('ID_TERRITORIO', 'territorio', FORMATO.territorio, leerEntero, 'Como en boletas.csv.'),
    col('COALICION', 'coalicion', FORMATO.columna, leerCodigo, 'Coalición (coaliciones.csv).'),
    col('PARTIDOS', 'partidos', FORMATO.listaColumnas, leerLista, 'Sus partidos en ese territorio (al menos dos).'),
  ],
};

export const CATDS: ArchivoSpec = {
  archivo: 'catds.csv',
  requerido: true,
  conFilas: true,
  doc: 'Centros de Acopio y Transmisión de Datos: reciben las actas de las elecciones indicadas de todas las casillas de su territorio.',
  columnas: [
    col('ID_CATD', 'id', FORMATO.catd, leerCodigo, 'Clave del CATD.'),
    col('NOMBRE', 'nombre', FORMATO.nombre, leerTexto, 'Nombre del CATD.'),
    col('AMBITO', 'ambito', FORMATO.ambito, leerMinusculas, 'distrito o municipio.'),
    col('ID_TERRITORIO', 'territorio', FORMATO.enteroPositivo, leerEntero, 'El distrito local o el municipio que atiende.'),
    col('ELECCIONES', 'elecciones', FORMATO.listaElecciones, leerLista, 'Elecciones cuyas actas recibe.'),
  ],
};

/** candidaturas_<ELECCION>.csv: the layout of RULES.md §7; the territory column depends on the election. */
export const CANDIDATURAS_PREFIJO = 'candidaturas_';

export const COLUMNA_TERRITORIO_CANDIDATURAS = { distrito: 'ID_DISTRITO_LOCAL', municipio: 'ID_MUNICIPIO' } as const;

export function candidaturasSpec(eleccion: string, territorio: z.infer<typeof TerritorioKindSchema>): ArchivoSpec {
  const columnas: ColumnaSpec[] = [
    col('ID_ENTIDAD', 'entidad', FORMATO.entidad, leerEntero, 'La entidad de entidad.csv.'),
  ];
  if (territorio !== 'entidad') {
    const nombre = COLUMNA_TERRITORIO_CANDIDATURAS[territorio];
    columnas.push(col(nombre, 'territorio', FORMATO.enteroPositivo, leerEntero, `El ${territorio} de la candidatura.`));
  }
  columnas.push(
    col('PARTIDO_CI', 'partidoCi', FORMATO.columna, leerCodigo, 'Partido, candidatura independiente o coalición (coaliciones.csv).'),
    col('CANDIDATURA_PROPIETARIA', 'propietaria', FORMATO.nombre, leerTexto, 'Nombre de la persona propietaria.'),
    col('CANDIDATURA_SUPLENTE', 'suplente', FORMATO.nombre, leerTexto, 'Nombre de la persona suplente.'),
  );
  return {
    archivo: `${CANDIDATURAS_PREFIJO}${eleccion}.csv`,
    requerido: false,
    conFilas: false,
    doc: 'Candidaturas de una elección, con el formato de la base de datos del PREP (RULES.md §7). El ID del territorio no va en elecciones de toda la entidad.',
    columnas,
  };
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
} as const;
