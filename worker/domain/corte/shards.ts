/**
 * The zod schemas of everything a corte publishes as JSON: the corte job validates what it renders with them,
 * the verifier and the tools parse with them. The shapes themselves are the publication contract's
 * (worker/domain/contrato: shards.ts, manifiesto.ts), and `contrato.test.ts` checks that each schema infers
 * exactly the contract's type; the types are re-exported here beside their schemas.
 */
import { z } from 'zod';
import { ContabilizadaSchema, EstatusActaSchema, ObservacionSchema } from '../acta/clasificar.ts';
import { CotejadaSchema, ImagenActaSchema, MecanismoTrasladoSchema } from '../acta/publicada.ts';
import { ValorSchema } from '../acta/esquema.ts';
import { ColumnaSchema, TipoCasillaSchema, TipoTerritorioSchema } from '../catalogo/esquema.ts';
import { CONTEO, ENTORNOS, LONGITUD_DIRECCION, TIPOS_PARTIDO, UBICACIONES, VERSION_DIFERENCIAS, VERSION_SHARDS } from '../contrato/index.ts';
import { FigurasSchema } from '../conteo/figuras.ts';

export type {
  AbiertosRef,
  ActaFila,
  ActaShard,
  ArchivoRef,
  CasillaFila,
  CorteHistorial,
  Diferencias,
  DiferenciasClaves,
  EleccionRef,
  EntidadRef,
  EntidadShard,
  FilaHijo,
  FilaSeccion,
  FilaSeccionPadre,
  FilaTerritorioHijo,
  GrupoSeccionesShard,
  Historial,
  ImagenFila,
  Manifiesto,
  Puntero,
  Resultados,
  SeccionShard,
  ShardRef,
  TerritorioShard,
  TerritoriosShard,
} from '../contrato/index.ts';

const Version = z.literal(VERSION_SHARDS);

export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);
/** A shard's address in its key and its parents' rows: its SHA-256's first hex digits (`direccionShard`). */
export const DireccionSchema = z.string().regex(new RegExp(`^[0-9a-f]{${LONGITUD_DIRECCION}}$`));
/** An R2 key under `datos/<entidad>/`, served at `/<ruta>`. */
export const RutaSchema = z.string().regex(/^datos\/[A-Za-z0-9_.\-/]+$/);
const Id = z.number().int().min(0);
const Instante = z.number().int();
/** Non-zero votes per column (or per candidatura), keys in the election's column order. */
const VotosSchema = z.record(z.string(), z.number().int().positive());

export const EntidadRefSchema = z.strictObject({
  id: z.number().int().min(1).max(32),
  nombre: z.string(),
  utcOffsetMinutes: z.number().int(),
  sintetico: z.boolean(),
});

export const EleccionRefSchema = z.strictObject({
  codigo: z.string(),
  nombre: z.string(),
  territorio: TipoTerritorioSchema,
});

/** The 13 figures of docs/REGLAS.md §5 and the votes of counted actas, per column and per candidatura. */
export const ResultadosSchema = z.strictObject({
  figuras: FigurasSchema,
  votos: VotosSchema,
  candidaturas: VotosSchema,
});

const Cantidad = z.number().int().min(0);

/** A sección's row in its distrito's or municipio's table: `[id, t, c]`, without its shard's address (its group has it). */
export const FilaSeccionPadreSchema = z.tuple([Id, z.array(Cantidad).length(CONTEO.length), z.array(Cantidad)]);

/** Where the `secciones/<g>` shards are (the pointer and each entidad shard): `grupos[g]`, null where no sección falls. */
export const GruposDeSeccionesSchema = z.strictObject({ porGrupo: z.number().int().min(1), grupos: z.array(DireccionSchema.nullable()) });

/**
 * A distrito's or municipio's row in the entidad shard, compact (FilaHijo with its name). `h`: the child shard's
 * address (its SHA-256's first hex digits, `rutaShard`; the manifest has the whole SHA-256); `t`: its tally
 * counters (CONTEO order); `c`: votes per candidatura (the shard's `candidaturas` order). Votes per column are in
 * the child's own shard. Expand with `resultadosDeFila`.
 */
export const FilaTerritorioHijoSchema = z.strictObject({
  id: Id,
  nombre: z.string(),
  h: DireccionSchema,
  t: z.array(Cantidad).length(CONTEO.length),
  c: z.array(Cantidad),
});

/** The fórmula of a candidatura contested in this territory (from the candidaturas of the catalogue). */
export const CandidatoSchema = z.strictObject({
  partidoCi: ColumnaSchema,
  propietaria: z.string(),
  suplente: z.string(),
});

/** A captured value in an aligned array: null where the column is not on the acta. */
const ValorCeldaSchema = ValorSchema.nullable();

/** One acta as published: its casilla, its state at this corte and, once registered, its captured figures. */
export const ActaShardSchema = z.strictObject({
  /** CLAVE_ACTA, or `FC-<n>` for a fuera de catálogo registration. */
  clave: z.string(),
  casilla: z.strictObject({
    /** CLAVE_CASILLA; null for fuera de catálogo. */
    clave: z.string().nullable(),
    seccion: z.number().int().min(0),
    tipo: TipoCasillaSchema,
    id: z.number().int().min(0),
    extContigua: z.number().int().min(0),
    /** From the catalogue; null for fuera de catálogo. */
    ubicacion: z.union(UBICACIONES.map((n) => z.literal(n))).nullable(),
    listaNominal: z.number().int().min(0).nullable(),
    representantes: z.number().int().min(0).nullable(),
  }),
  /** False while the acta is expected but not registered: every field below is then null / empty. */
  registrada: z.boolean(),
  estatus: EstatusActaSchema.nullable(),
  /** CONTABILIZADA: 1 counted, 0 not, 2 fuera de catálogo; null while not registered. */
  contabilizada: ContabilizadaSchema.nullable(),
  observaciones: z.array(ObservacionSchema),
  /** Captured vote fields aligned with its ballot's columns (`boletas[boleta]` of its sección; the entidad's `columnas` for fuera de catálogo); null when not captured. */
  votos: z.array(ValorCeldaSchema).nullable(),
  /** Captured totals in TOTALES order (TOTAL_BOLETAS_SOBRANTES … TOTAL_VOTOS_ASENTADO); null when not captured. */
  totales: z.array(ValorCeldaSchema).nullable(),
  /** TOTAL_VOTOS_CALCULADO; null when not captured. */
  totalVotosCalculado: z.number().int().min(0).nullable(),
  mecanismoTraslado: MecanismoTrasladoSchema.nullable(),
  /** The image; its sha256 is CODIGO_INTEGRIDAD and it is served at `/` + `rutaImagen(entidad, imagen)`. */
  imagen: ImagenActaSchema.nullable(),
  acopioAt: Instante.nullable(),
  capturaAt: Instante.nullable(),
  verificacionAt: Instante.nullable(),
  cotejada: CotejadaSchema.nullable(),
});

/** An expected acta's casilla in its sección shard (its sección is the shard's): `ActaShard.casilla`'s catalogue entry in order. */
export const CasillaFilaSchema = z.tuple([
  z.string(),
  TipoCasillaSchema,
  z.number().int().min(0),
  z.number().int().min(0),
  z.union(UBICACIONES.map((n) => z.literal(n))),
  z.number().int().min(0),
  z.number().int().min(0),
]);

/** `ImagenActa` in order: sha256, mime, origen, digitalizacion, tipoDocumento. */
export const ImagenFilaSchema = z.tuple([
  ImagenActaSchema.shape.sha256,
  ImagenActaSchema.shape.mime,
  ImagenActaSchema.shape.origen,
  ImagenActaSchema.shape.digitalizacion,
  ImagenActaSchema.shape.tipoDocumento,
]);

/**
 * An expected acta in its sección shard: `ActaShard`'s fields in order without keys, `registrada` implied by a
 * non-null `estatus` (`actaDeFila` expands it).
 */
export const ActaFilaSchema = z.tuple([
  z.string(),
  CasillaFilaSchema,
  EstatusActaSchema.nullable(),
  ContabilizadaSchema.nullable(),
  z.array(ObservacionSchema),
  z.array(ValorCeldaSchema).nullable(),
  z.array(ValorCeldaSchema).nullable(),
  z.number().int().min(0).nullable(),
  MecanismoTrasladoSchema.nullable(),
  ImagenFilaSchema.nullable(),
  Instante.nullable(),
  Instante.nullable(),
  Instante.nullable(),
  CotejadaSchema.nullable(),
]);

/** `seccion/<id>`: a sección and its actas of every election ("consulta tu casilla"). */
export const SeccionShardSchema = z.strictObject({
  tipo: z.literal('seccion'),
  version: Version,
  entidad: z.number().int(),
  seccion: Id,
  distrito: z.strictObject({ id: Id, nombre: z.string() }),
  municipio: z.strictObject({ id: Id, nombre: z.string() }),
  /** The vote columns of this sección's ballots (with NO_REGISTRADAS, NULOS), each distinct list once. */
  boletas: z.array(z.array(z.string())),
  final: z.boolean(),
  elecciones: z.array(
    z.strictObject({
      codigo: z.string(),
      /**
       * Index in `boletas` of this election's ballot columns: the order of `v` and of each acta's `votos`. Where a
       * split casilla's parts have different ballots, their union (an acta's `votos` null where not on its ballot).
       */
      boleta: z.number().int().min(0),
      /** The candidaturas of the election: the order of `c`. */
      candidaturas: z.array(z.string()),
      /** The sección's tally counters (CONTEO order), votes per column and per candidatura: see `resultadosDeFila`. */
      t: z.array(Cantidad).length(CONTEO.length),
      v: z.array(Cantidad),
      c: z.array(Cantidad),
      /** Catalogue order. */
      actas: z.array(ActaFilaSchema),
    }),
  ),
});

/** What every territory shard of one election shares: how to read its rows. */
const TablaSchema = {
  /** Vote columns of the election (results CSV order). */
  columnas: z.array(z.string()),
  /** Candidaturas of the election (display order): the order of `c`. */
  candidaturas: z.array(z.string()),
  /** Final corte: participation uses TOTAL_VOTOS_C_CS. */
  final: z.boolean(),
};

/** `<ELECCION>/distrito/<id>` and `<ELECCION>/municipio/<id>`: its figures and one row per sección. */
export const TerritorioShardSchema = z.strictObject({
  tipo: z.enum(['distrito', 'municipio']),
  version: Version,
  entidad: z.number().int(),
  eleccion: z.string(),
  id: Id,
  nombre: z.string(),
  ...TablaSchema,
  resultados: ResultadosSchema,
  /** The fórmulas contested here (diputaciones in a distrito, munícipes in a municipio); empty otherwise. */
  candidatos: z.array(CandidatoSchema),
  /**
   * One row per sección of the territory, and per sección with a split casilla's part counted here; a row has the
   * figures of the sección's actas counted here only.
   */
  secciones: z.array(FilaSeccionPadreSchema),
});

/** `<ELECCION>/entidad`: the entidad summary of one election and the rows of its distritos and municipios. */
export const EntidadShardSchema = z.strictObject({
  tipo: z.literal('entidad'),
  version: Version,
  entidad: EntidadRefSchema,
  eleccion: EleccionRefSchema,
  ...TablaSchema,
  resultados: ResultadosSchema,
  catalogo: z.strictObject({
    partidos: z.array(z.strictObject({ siglas: z.string(), nombre: z.string(), color: z.string() })),
    coaliciones: z.array(z.strictObject({ id: z.string(), nombre: z.string(), partidos: z.array(z.string()) })),
  }),
  /** The fórmulas contested entidad-wide (gubernatura); empty otherwise. */
  candidatos: z.array(CandidatoSchema),
  /** Rows address `<ELECCION>/distrito/<id>` and `<ELECCION>/municipio/<id>` shards. */
  distritos: z.array(FilaTerritorioHijoSchema),
  municipios: z.array(FilaTerritorioHijoSchema),
  /** Registrations that match no expected acta (they count in the entidad figures only); `votos` follow `columnas`. */
  fueraCatalogo: z.array(ActaShardSchema),
  /** The same corte's groups of secciones: how a past corte's sección shards are reached. */
  secciones: GruposDeSeccionesSchema,
});

/** `secciones/<g>`: the addresses of the sección shards of one group of sección numbers, and the party catalogue. */
export const GrupoSeccionesShardSchema = z.strictObject({
  tipo: z.literal('secciones'),
  version: Version,
  entidad: z.number().int(),
  grupo: Id,
  catalogo: z.strictObject({
    partidos: z.array(z.strictObject({ siglas: z.string(), nombre: z.string(), color: z.string() })),
    coaliciones: z.array(z.strictObject({ id: z.string(), nombre: z.string(), partidos: z.array(z.string()) })),
  }),
  /** One row per sección of the catalogue in the group, by id: `h` addresses its `seccion/<id>` shard. */
  secciones: z.array(z.strictObject({ id: Id, h: DireccionSchema })),
});

/** `territorios`: names and nesting for navigation and search by sección. Static during the night. */
export const TerritoriosShardSchema = z.strictObject({
  tipo: z.literal('territorios'),
  version: Version,
  entidad: EntidadRefSchema,
  elecciones: z.array(EleccionRefSchema.extend({ tipoActa: z.string() })),
  partidos: z.array(z.strictObject({ siglas: z.string(), nombre: z.string(), color: z.string(), tipo: z.enum(TIPOS_PARTIDO) })),
  coaliciones: z.array(z.strictObject({ id: z.string(), nombre: z.string(), partidos: z.array(z.string()) })),
  distritos: z.array(z.strictObject({ id: Id, nombre: z.string() })),
  municipios: z.array(z.strictObject({ id: Id, nombre: z.string() })),
  secciones: z.array(z.strictObject({ id: Id, distrito: Id, municipio: Id })),
});

export const ArchivoRefSchema = z.strictObject({ ruta: RutaSchema, sha256: Sha256Schema, bytes: z.number().int().min(0) });

export const ShardRefSchema = ArchivoRefSchema.extend({ id: z.string() });

/** The open-data zip of a corte and the SHA-256 of every file inside it. */
export const AbiertosRefSchema = ArchivoRefSchema.extend({
  nombre: z.string(),
  archivos: z.array(z.strictObject({ nombre: z.string(), sha256: Sha256Schema, bytes: z.number().int().min(0) })),
});

export const EntornoSchema = z.enum(ENTORNOS);

/** A build's identity (docs/CONTROL-DE-CAMBIOS.md): the commit, `-modificado` when the work tree was dirty. */
export const IdentidadConstruccionSchema = z.strictObject({
  commit: z.string().regex(/^([0-9a-f]{40}(-modificado)?|sin-git)$/),
  workerSha256: Sha256Schema,
  portalSha256: Sha256Schema,
});

/** One election's results CSV of one corte at its own URL: INE's layout and the tidy one. */
export const CsvEleccionRefSchema = z.strictObject({ codigo: z.string(), resultados: ArchivoRefSchema, ordenado: ArchivoRefSchema });

/** `manifiestos/<sha>`: everything one corte published, chained to the previous corte's manifest. */
export const ManifiestoSchema = z.strictObject({
  tipo: z.literal('manifiesto'),
  version: Version,
  entidad: EntidadRefSchema,
  entorno: EntornoSchema,
  simulacro: z.string().nullable(),
  construccion: IdentidadConstruccionSchema.nullable(),
  numero: z.number().int().min(1),
  instante: Instante,
  /** The corte line of the CSV: `DD/MM/YYYY HH:MM (UTC-6)`. */
  corte: z.string(),
  /** Change sequence the corte was cut at. */
  secuencia: z.number().int().min(0),
  /** Final corte: participation uses TOTAL_VOTOS_C_CS. */
  final: z.boolean(),
  anterior: z.strictObject({ numero: z.number().int().min(1), sha256: Sha256Schema, ruta: RutaSchema }).nullable(),
  /** The audit log's tip when the corte was cut; absent in manifests published before it was recorded. */
  bitacora: z.strictObject({ id: z.number().int().min(1), hash: Sha256Schema }).nullable().optional(),
  elecciones: z.array(EleccionRefSchema),
  /** Every shard of the corte, sorted by id. */
  shards: z.array(ShardRefSchema),
  abiertos: AbiertosRefSchema,
  diferencias: ArchivoRefSchema,
  /** Per election, its CSVs at their own URLs; absent in manifests published before they were. */
  csv: z.array(CsvEleccionRefSchema).optional(),
  cdf: ArchivoRefSchema.optional(),
});

/** `latest.json`: the newest corte and the entry points of the portal. */
export const PunteroSchema = z.strictObject({
  tipo: z.literal('puntero'),
  version: Version,
  entidad: EntidadRefSchema,
  entorno: EntornoSchema,
  simulacro: z.string().nullable(),
  numero: z.number().int().min(1),
  instante: Instante,
  corte: z.string(),
  secuencia: z.number().int().min(0),
  final: z.boolean(),
  manifiesto: z.strictObject({ ruta: RutaSchema, sha256: Sha256Schema }),
  territorios: RutaSchema,
  /** The `secciones/<g>` shards' addresses by group (null: no sección in the group). */
  secciones: GruposDeSeccionesSchema,
  /** Per election: its entidad shard and its CSVs (absent in pointers published before they were). */
  elecciones: z.array(EleccionRefSchema.extend({ ruta: RutaSchema, csv: z.strictObject({ resultados: RutaSchema, ordenado: RutaSchema }).optional() })),
  abiertos: ArchivoRefSchema.extend({ nombre: z.string() }),
  diferencias: RutaSchema,
  historial: RutaSchema,
  cdf: RutaSchema.optional(),
  mapas: z.strictObject({ ruta: RutaSchema, territorios: z.array(z.string().regex(/^(distrito|municipio)-\d+$/)) }).optional(),
});

export const CorteHistorialSchema = z.strictObject({
  numero: z.number().int().min(1),
  instante: Instante,
  corte: z.string(),
  secuencia: z.number().int().min(0),
  final: z.boolean(),
  manifiesto: z.strictObject({ ruta: RutaSchema, sha256: Sha256Schema }),
  /** SHA-256 of the previous corte's manifest. */
  anterior: Sha256Schema.nullable(),
  abiertos: ArchivoRefSchema.extend({ nombre: z.string() }),
  diferencias: RutaSchema,
  /** Each election's entidad shard of that corte (the portal's night over time); absent in older entries. */
  elecciones: z.array(z.strictObject({ codigo: z.string(), ruta: RutaSchema })).optional(),
});

/** `historial.json`: every published corte, oldest first. */
export const HistorialSchema = z.strictObject({
  tipo: z.literal('historial'),
  version: Version,
  entidad: EntidadRefSchema,
  cortes: z.array(CorteHistorialSchema),
});

const CabeceraDiferenciasSchema = {
  tipo: z.literal('diferencias'),
  entidad: z.number().int(),
  numero: z.number().int().min(1),
  secuencia: z.number().int().min(0),
  anterior: z.strictObject({ numero: z.number().int().min(1), secuencia: z.number().int().min(0) }).nullable(),
};

/** `diferencias/<sha>`: the actas that entered, changed or left since the previous corte, with their rows (contrato/diferencias.ts). */
export const DiferenciasSchema = z.strictObject({
  ...CabeceraDiferenciasSchema,
  version: z.literal(VERSION_DIFERENCIAS),
  aplicable: z.boolean(),
  elecciones: z.array(
    z.strictObject({
      codigo: z.string(),
      nuevas: z.array(z.string()),
      cambiadas: z.array(z.string()),
      corte: z.string(),
      resumen: z.string(),
      esperadas: z.number().int().min(0),
      filas: z.array(z.strictObject({ clave: z.string(), indice: z.number().int().min(0), fila: z.string(), seccion: Id, acta: ActaFilaSchema })),
      fueraCatalogo: z.strictObject({ filas: z.array(z.string()), actas: z.array(ActaShardSchema) }).nullable(),
    }),
  ),
});

/** A diff published before `VERSION_DIFERENCIAS`: the claves only. */
export const DiferenciasClavesSchema = z.strictObject({
  ...CabeceraDiferenciasSchema,
  version: z.literal(4),
  elecciones: z.array(z.strictObject({ codigo: z.string(), nuevas: z.array(z.string()), cambiadas: z.array(z.string()) })),
});
