/**
 * The catalogue: everything that is fixed at "puesta en ceros" before election night.
 * These zod schemas are the single source of the catalogue's types; anything read from
 * outside (CSV files, the database) is parsed with them at the boundary.
 */
import { z } from 'zod';
import { TIPOS_CASILLA, TIPOS_PARTIDO, TIPOS_TERRITORIO, UBICACIONES } from '../contrato/index.ts';

export type { TipoCasilla, TipoTerritorio } from '../contrato/index.ts';

/** Casilla types of docs/REGLAS.md §1. `M` (mesa de voto en el extranjero / sin lista nominal propia) has no lista nominal of its own. */
export const TipoCasillaSchema = z.enum(TIPOS_CASILLA);

/** Territory over which an election is contested (and its results grouped one level below entidad). */
export const TipoTerritorioSchema = z.enum(TIPOS_TERRITORIO);

const Id = z.number().int().positive();
const Nombre = z.string().trim().min(1).max(200);
/** Upper-case code used as a CSV column: PAN, MORENA, PAN_PRI_PRD, CI_1 … */
export const ColumnaSchema = z.string().regex(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/, 'columna en MAYÚSCULAS_CON_GUION_BAJO');

export const EntidadSchema = z.strictObject({
  id: z.number().int().min(1).max(32),
  nombre: Nombre,
  /** Fixed offset of the entidad's local time from UTC, in minutes (Jalisco: -360 = UTC-6). */
  utcOffsetMinutes: z.number().int().min(-720).max(720),
  /** True when casillas and figures are synthetic (generated), so every view can say so. */
  sintetico: z.boolean(),
});
export type Entidad = z.infer<typeof EntidadSchema>;

export const EleccionSchema = z.strictObject({
  /** Short code used in paths and file names: GUB, DIP_LOC, AYUN. */
  codigo: z.string().regex(/^[A-Z][A-Z_]{1,15}$/),
  nombre: Nombre,
  /** Territory each contest is decided in: the gubernatura over the entidad, diputaciones per distrito, munícipes per municipio. */
  territorio: TipoTerritorioSchema,
  /** TIPO_ACTA code written after CLAVE_CASILLA to make CLAVE_ACTA. */
  tipoActa: z.string().regex(/^[0-9A-Z]{1,2}$/),
  /** Approved ballots per casilla especial for this election (excede lista nominal limit for tipo S). */
  boletasEspecial: z.number().int().min(0),
  orden: z.number().int().min(0),
});
export type Eleccion = z.infer<typeof EleccionSchema>;

export const PartidoSchema = z.strictObject({
  siglas: ColumnaSchema,
  nombre: Nombre,
  /** CSS hex colour used by the portal. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  tipo: z.enum(TIPOS_PARTIDO),
  orden: z.number().int().min(0),
});
export type Partido = z.infer<typeof PartidoSchema>;

export const CoalicionSchema = z.strictObject({
  id: ColumnaSchema,
  nombre: Nombre,
  /** Every party that may take part in it somewhere; a territory may have a subset. */
  partidos: z.array(ColumnaSchema).min(2),
});
export type Coalicion = z.infer<typeof CoalicionSchema>;

export const DistritoSchema = z.strictObject({ id: Id, cabecera: Nombre });
export type Distrito = z.infer<typeof DistritoSchema>;

export const MunicipioSchema = z.strictObject({ id: Id, nombre: Nombre });
export type Municipio = z.infer<typeof MunicipioSchema>;

/** Sección 0 holds only the casillas without a sección of their own (tipo M: the votes from abroad). */
export const SeccionSchema = z.strictObject({ id: z.number().int().min(0).max(9999), distrito: Id, municipio: Id });
export type Seccion = z.infer<typeof SeccionSchema>;

export const CasillaSchema = z.strictObject({
  seccion: z.number().int().min(0).max(9999),
  tipo: TipoCasillaSchema,
  /** ID_CASILLA: 1 for the básica, 1..n for contiguas/extraordinarias/especiales; 0 only for tipo M. */
  id: z.number().int().min(0).max(99),
  /** EXT_CONTIGUA: 0 unless an extraordinaria has contiguas of its own. */
  extContigua: z.number().int().min(0).max(99),
  /** UBICACION_CASILLA: 1 urbana, 2 no urbana. */
  ubicacion: z.union(UBICACIONES.map((n) => z.literal(n))),
  /** 0 for especiales and for casillas without a lista nominal of their own. */
  listaNominal: z.number().int().min(0),
  representantes: z.number().int().min(0),
  /**
   * The elections whose actas this casilla produces, when not all of them: the votes from abroad vote only for
   * the entidad-wide election, a sub-municipal election is held only in some secciones. Absent: every election.
   */
  elecciones: z.array(z.string()).min(1).optional(),
});
export type Casilla = z.infer<typeof CasillaSchema>;

/**
 * The ballot of one election in one territory: the vote columns that apply there, in publication order
 * (parties and independents, then coalition combination columns). NO_REGISTRADAS and NULOS are implicit.
 * `coaliciones` says which parties form each coalition in this territory (partial coalitions differ by territory).
 */
export const BoletaSchema = z.strictObject({
  eleccion: z.string(),
  /** 0 for an entidad-wide election; else the distrito or municipio id. */
  territorio: z.number().int().min(0),
  columnas: z.array(ColumnaSchema).min(1),
  coaliciones: z.array(z.strictObject({ coalicion: ColumnaSchema, partidos: z.array(ColumnaSchema).min(2) })),
});
export type Boleta = z.infer<typeof BoletaSchema>;

/** One row of the candidaturas CSV: a party, independent or coalition in one territory of one election. */
export const CandidaturaSchema = z.strictObject({
  eleccion: z.string(),
  territorio: z.number().int().min(0),
  /** PARTIDO_CI: party siglas, independent column or coalition id. */
  partidoCi: ColumnaSchema,
  propietaria: Nombre,
  suplente: Nombre,
});
export type Candidatura = z.infer<typeof CandidaturaSchema>;

/** Highest part number of a split casilla's acta (part 1 is the casilla itself; its CLAVE_ACTA has no suffix). */
export const PARTE_MAXIMA = 9;

/**
 * A further part of a casilla's acta in one election (docs/catalogo.md, partes.csv): a sección split between two
 * territories of that election (a municipio created from part of another, a junta municipal) publishes one acta
 * per part under the same CLAVE_ACTA, each counted in its own territory. Part 1 is the casilla itself, in its
 * sección's distrito and municipio; part n (2..9) has its own distrito and municipio, and may have a lista nominal
 * of its own (its share of the casilla's voters). Inside the system part n's key is `CLAVE_ACTA-n`.
 */
export const ParteSchema = z.strictObject({
  seccion: z.number().int().min(0).max(9999),
  tipo: TipoCasillaSchema,
  id: z.number().int().min(0).max(99),
  extContigua: z.number().int().min(0).max(99),
  eleccion: z.string(),
  parte: z.number().int().min(2).max(PARTE_MAXIMA),
  distrito: Id,
  municipio: Id,
  /** The part's own lista nominal; absent: the casilla's. */
  listaNominal: z.number().int().min(0).optional(),
});
export type Parte = z.infer<typeof ParteSchema>;

/** A CATD receives the actas of the given elections for every casilla of its territory. */
export const CatdSchema = z.strictObject({
  id: z.string().regex(/^[A-Z0-9-]{2,20}$/),
  nombre: Nombre,
  ambito: z.enum(['distrito', 'municipio']),
  territorio: Id,
  elecciones: z.array(z.string()).min(1),
});
export type Catd = z.infer<typeof CatdSchema>;

export const CatalogoSchema = z.strictObject({
  entidad: EntidadSchema,
  elecciones: z.array(EleccionSchema).min(1),
  partidos: z.array(PartidoSchema).min(1),
  coaliciones: z.array(CoalicionSchema),
  distritos: z.array(DistritoSchema).min(1),
  municipios: z.array(MunicipioSchema).min(1),
  secciones: z.array(SeccionSchema).min(1),
  casillas: z.array(CasillaSchema).min(1),
  boletas: z.array(BoletaSchema).min(1),
  candidaturas: z.array(CandidaturaSchema),
  catds: z.array(CatdSchema).min(1),
  /** Further parts of split casillas' actas; absent or empty in most catalogues. */
  partes: z.array(ParteSchema).optional(),
  /** The secciones' boundaries (secciones.topojson, checked by mapa-secciones.ts), as the file's text. */
  mapaSecciones: z.string().min(1).optional(),
});
export type Catalogo = z.infer<typeof CatalogoSchema>;
