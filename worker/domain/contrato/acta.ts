/**
 * What an acta carries once published (docs/REGLAS.md §2–§4): its captured values, its totals, its status and
 * observations, and the metadata of its image. Closed sets are `as const` arrays: the domain's zod schemas are
 * built from them, so both sides name the same codes.
 */

export const ILEGIBLE = 'ILEGIBLE';
export const SIN_DATO = 'SIN_DATO';

/** A captured figure: an integer 0–99,999, Ilegible or Sin dato. */
export type Valor = number | typeof ILEGIBLE | typeof SIN_DATO;

/** The non-vote figures captured from every acta, in CSV order (the order of a published acta's `totales`). */
export const TOTALES = [
  'TOTAL_BOLETAS_SOBRANTES',
  'TOTAL_PERSONAS_VOTARON',
  'TOTAL_REP_PARTIDO_CI_VOTARON',
  'TOTAL_VOTOS_SACADOS',
  'TOTAL_VOTOS_ASENTADO',
] as const;
export type Total = (typeof TOTALES)[number];

/** Vote columns every ballot has after its party/coalition columns. */
export const COLUMNAS_FIJAS = ['NO_REGISTRADAS', 'NULOS'] as const;

/** The four reasons an acta is "sin acta" (docs/REGLAS.md §4). */
export const MOTIVOS_SIN_ACTA = ['PAQUETE_NO_ENTREGADO', 'CASILLA_NO_INSTALADA', 'SIN_SOBRE', 'CONTINGENCIA_URNA_ELECTRONICA'] as const;
export type MotivoSinActa = (typeof MOTIVOS_SIN_ACTA)[number];

export const ESTATUS_ACTA = ['CONTABILIZADA', 'EXCEDE_LISTA_NOMINAL', 'TODOS_ILEGIBLES', 'TODOS_VACIOS', 'SIN_ACTA', 'FUERA_CATALOGO'] as const;
export type EstatusActa = (typeof ESTATUS_ACTA)[number];

/** CSV CONTABILIZADA: 1 counted, 0 not counted, 2 fuera de catálogo. */
export const CONTABILIZADAS = [0, 1, 2] as const;
export type Contabilizada = (typeof CONTABILIZADAS)[number];

/** One observation of OBSERVACIONES. `campos`: the vote columns concerned, in capture order. */
export type Observacion =
  | { tipo: 'EXCEDE_LISTA_NOMINAL' }
  | { tipo: 'ILEGIBLE'; campos: string[] }
  | { tipo: 'SIN_DATO'; campos: string[] }
  | { tipo: 'TODOS_ILEGIBLES' }
  | { tipo: 'TODOS_VACIOS' }
  | { tipo: 'SIN_ACTA'; motivo: MotivoSinActa }
  | { tipo: 'FUERA_CATALOGO' };
export type TipoObservacion = Observacion['tipo'];

/** COTEJADA: 0 not reviewed, 1 accepted at first, 2 accepted after a correction, 3 in a correction flow. */
export const COTEJADAS = [0, 1, 2, 3] as const;
export type Cotejada = (typeof COTEJADAS)[number];

/** How the package travelled to the CATD (MECANISMOS_TRASLADO of the CSV). */
export const MECANISMOS_TRASLADO = ['D', 'F', 'I'] as const;
export type MecanismoTraslado = (typeof MECANISMOS_TRASLADO)[number];

/** Where the image was taken: at the casilla (PREP Casilla) or in the CATD. */
export const ORIGENES = ['CASILLA', 'CATD'] as const;
export type Origen = (typeof ORIGENES)[number];

export const DIGITALIZACIONES = ['MOVIL', 'ESCANER'] as const;
export type Digitalizacion = (typeof DIGITALIZACIONES)[number];

/** docs/REGLAS.md §2: identity of the source document. */
export const TIPOS_DOCUMENTO = ['ACTA_PREP', 'ACTA_CONSEJO', 'ACTA_CONSEJO_S', 'COPIA_RPPCI', 'COPIA_PE', 'REPRESENTACION_ACTA'] as const;
export type TipoDocumento = (typeof TIPOS_DOCUMENTO)[number];

export const MIMES_IMAGEN = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type MimeImagen = (typeof MIMES_IMAGEN)[number];

/** The image of an acta. Served at `/` + `rutaImagen(entidad, imagen)`. */
export interface ImagenActa {
  /** CODIGO_INTEGRIDAD: SHA-256 (hex) of the image bytes, computed by the server. */
  sha256: string;
  mime: MimeImagen;
  origen: Origen;
  digitalizacion: Digitalizacion;
  tipoDocumento: TipoDocumento;
}
