/**
 * The shards of a corte: JSON per election and territory, content-addressed (their R2 key holds the first
 * `LONGITUD_DIRECCION` hex digits of the SHA-256 of their bytes, `rutaShard`; the manifest lists the full
 * SHA-256). A shard holds only what follows from the actas' state and the final flag, never the corte's number
 * or instant, so an unchanged territory keeps its bytes and its URL from one corte to the next. Parents address
 * their children by that short address in compact rows; `resultadosDeFila` expands a row.
 */
import type { Contabilizada, Cotejada, Digitalizacion, EstatusActa, ImagenActa, MecanismoTraslado, MimeImagen, Observacion, Origen, TipoDocumento, Valor } from './acta.ts';
import type { TipoCasilla, TipoPartido, TipoTerritorio, Ubicacion } from './catalogo.ts';
import type { Figuras } from './figuras.ts';

/**
 * The `version` of every published JSON object. A reader checks it before trusting a shape; it changes only when
 * a shape changes in a way an existing reader would misread. 2: manifests and `latest.json` say their environment
 * (a reader of 1 would take a simulacro's corte for real results) and the manifest records the build. 3: shard
 * keys and parents' rows carry a 20-hex address (the SHA-256's first 80 bits) instead of the 64-hex SHA-256,
 * in a row's `h`; sección rows carry no `nombre` (it was the id again). 4: a sección shard states each distinct
 * column list of its ballots once, in `boletas`, and an election's block points at it (`boleta`) instead of
 * carrying its own `columnas` (the elections of a sección mostly share one layout: 10 % of a corte's bytes);
 * its actas are `ActaFila` arrays (the same fields in a fixed order, without the keys repeated per acta: half
 * of an acta's bytes), expanded by `actaDeFila`. 5: a corte also publishes `secciones/<g>` shards (`GrupoSeccionesShard`),
 * each the addresses of the sección shards of `SECCIONES_POR_GRUPO` consecutive sección numbers and the party
 * catalogue, and the pointer lists their addresses (`secciones`): a sección opened from a link, or looked up in
 * consulta tu casilla, is read as pointer → group → sección shard, without the entidad, its parent or the
 * `territorios` index (Jalisco scale, gzip: 31 KB from a link and 56 KB in consulta before, 5–9 KB after).
 * 6: a distrito's or municipio's sección rows are `[id, t, c]` arrays (`FilaSeccionPadre`) without the sección
 * shard's address, which only its group carries; the entidad shard names the groups (`secciones`, as the pointer
 * does) so that a past corte's sección is still reached from that corte's entidad shard. A parent now changes
 * only when one of its secciones' figures does, not whenever a sección shard moves, and carries ~45 % fewer
 * bytes per sección: the parents were ~60 % of what a 1 % corte re-renders.
 */
export const VERSION_SHARDS = 6;
export type VersionShards = typeof VERSION_SHARDS;

export interface EntidadRef {
  /** INEGI code of the entidad (1–32). */
  id: number;
  nombre: string;
  /** Fixed offset of the entidad's local time from UTC, in minutes (Jalisco: −360). */
  utcOffsetMinutes: number;
  /** True when casillas and figures are synthetic (generated). */
  sintetico: boolean;
}

export interface EleccionRef {
  /** GUB, DIP_LOC, AYUN …: the election's code in paths and file names. */
  codigo: string;
  nombre: string;
  /** The territory each contest is decided in. */
  territorio: TipoTerritorio;
}

/** The 13 figures of docs/REGLAS.md §5 and the non-zero votes of counted actas, per column and per candidatura. */
export interface Resultados {
  figuras: Figuras;
  /** Keys in the election's column order. */
  votos: Record<string, number>;
  /** Keys in the election's candidatura order. */
  candidaturas: Record<string, number>;
}

/**
 * A row of a parent's table: one territory one level down, compact. `h`: the child shard's address (the first
 * `LONGITUD_DIRECCION` hex digits of its SHA-256: `rutaShard(entidad, id, h)`); `t`: its tally counters (CONTEO
 * order); `c`: votes per candidatura (the shard's `candidaturas` order). Votes per column are in the child's
 * own shard. Expand with `resultadosDeFila`.
 */
export interface FilaHijo {
  id: number;
  h: string;
  t: number[];
  c: number[];
}

/**
 * A sección's row in its distrito's or municipio's table: `[id, t, c]`, `t` and `c` as in `FilaHijo`. No address:
 * the sección's shard is found through its group (`secciones/<g>`). Expand with `filasDeSecciones`.
 */
export type FilaSeccionPadre = [id: number, t: number[], c: number[]];

/**
 * Where the `secciones/<g>` shards are: `grupos[g]` is group g's address (`rutaShard(entidad, 'secciones/<g>', h)`),
 * null where no sección of the catalogue falls; `porGrupo` is `SECCIONES_POR_GRUPO`.
 */
export interface GruposDeSecciones {
  porGrupo: number;
  grupos: (string | null)[];
}

/** A distrito's or municipio's row in the entidad shard: a `FilaHijo` with its name. */
export interface FilaTerritorioHijo extends FilaHijo {
  nombre: string;
}

/** The fórmula of a candidatura contested in a territory. */
export interface Candidato {
  /** Party siglas, independent column or coalition id. */
  partidoCi: string;
  propietaria: string;
  suplente: string;
}

export interface PartidoRef {
  siglas: string;
  nombre: string;
  /** CSS hex colour. */
  color: string;
}

export interface CoalicionRef {
  id: string;
  nombre: string;
  partidos: string[];
}

/** One acta as published: its casilla, its state at this corte and, once registered, its captured figures. */
export interface ActaShard {
  /** CLAVE_ACTA, or `FC-<n>` for a fuera de catálogo registration. */
  clave: string;
  casilla: {
    /** CLAVE_CASILLA; null for fuera de catálogo. */
    clave: string | null;
    seccion: number;
    tipo: TipoCasilla;
    id: number;
    extContigua: number;
    /** From the catalogue; null for fuera de catálogo. */
    ubicacion: Ubicacion | null;
    listaNominal: number | null;
    representantes: number | null;
  };
  /** False while the acta is expected but not registered: every field below is then null / empty. */
  registrada: boolean;
  estatus: EstatusActa | null;
  /** CONTABILIZADA: 1 counted, 0 not, 2 fuera de catálogo; null while not registered. */
  contabilizada: Contabilizada | null;
  observaciones: Observacion[];
  /**
   * Captured vote fields aligned with its ballot's columns (a sección block's `boletas[boleta]`, the entidad
   * shard's `columnas` for fuera de catálogo), null where the column is not on the acta; null when not captured.
   */
  votos: (Valor | null)[] | null;
  /** Captured totals in TOTALES order; null when not captured. */
  totales: (Valor | null)[] | null;
  /** TOTAL_VOTOS_CALCULADO; null when not captured. */
  totalVotosCalculado: number | null;
  mecanismoTraslado: MecanismoTraslado | null;
  /** The image; its sha256 is CODIGO_INTEGRIDAD. */
  imagen: ImagenActa | null;
  /** Epoch milliseconds. */
  acopioAt: number | null;
  capturaAt: number | null;
  verificacionAt: number | null;
  cotejada: Cotejada | null;
}

/**
 * An expected acta's casilla in its sección shard (its sección is the shard's): the catalogue entry of
 * `ActaShard.casilla` in this order.
 */
export type CasillaFila = [
  clave: string,
  tipo: TipoCasilla,
  id: number,
  extContigua: number,
  ubicacion: Ubicacion,
  listaNominal: number,
  representantes: number,
];

/** `ImagenActa` in this order. */
export type ImagenFila = [sha256: string, mime: MimeImagen, origen: Origen, digitalizacion: Digitalizacion, tipoDocumento: TipoDocumento];

/**
 * An expected acta in its sección shard: the fields of `ActaShard` in this order, without keys (they were half
 * of its bytes). `registrada` is not repeated: an acta is registered when its `estatus` is not null. Expand it
 * with `actaDeFila(fila, seccion)` (lectura.ts).
 */
export type ActaFila = [
  clave: string,
  casilla: CasillaFila,
  estatus: EstatusActa | null,
  contabilizada: Contabilizada | null,
  observaciones: Observacion[],
  votos: (Valor | null)[] | null,
  totales: (Valor | null)[] | null,
  totalVotosCalculado: number | null,
  mecanismoTraslado: MecanismoTraslado | null,
  imagen: ImagenFila | null,
  acopioAt: number | null,
  capturaAt: number | null,
  verificacionAt: number | null,
  cotejada: Cotejada | null,
];

/** `seccion/<id>`: a sección and its actas of every election ("consulta tu casilla"). */
export interface SeccionShard {
  tipo: 'seccion';
  version: VersionShards;
  entidad: number;
  seccion: number;
  distrito: { id: number; nombre: string };
  municipio: { id: number; nombre: string };
  /** The vote columns of this sección's ballots (with NO_REGISTRADAS, NULOS), each distinct list once. */
  boletas: string[][];
  final: boolean;
  elecciones: {
    codigo: string;
    /** Index in `boletas` of this election's ballot columns: the order of `v` and of each acta's `votos`. */
    boleta: number;
    /** The candidaturas of the election: the order of `c`. */
    candidaturas: string[];
    /** The sección's tally counters (CONTEO order), votes per column and per candidatura: see `resultadosDeFila`. */
    t: number[];
    v: number[];
    c: number[];
    /** Catalogue order. */
    actas: ActaFila[];
  }[];
}

/** `<ELECCION>/distrito/<id>` and `<ELECCION>/municipio/<id>`: its figures and one row per sección. */
export interface TerritorioShard {
  tipo: 'distrito' | 'municipio';
  version: VersionShards;
  entidad: number;
  eleccion: string;
  id: number;
  nombre: string;
  /** Vote columns of the election (results CSV order). */
  columnas: string[];
  /** Candidaturas of the election (display order): the order of `c`. */
  candidaturas: string[];
  /** Final corte: participation uses TOTAL_VOTOS_C_CS. */
  final: boolean;
  resultados: Resultados;
  /** The fórmulas contested here (diputaciones in a distrito, munícipes in a municipio); empty otherwise. */
  candidatos: Candidato[];
  /** One row per sección (its figures; its shard is found through its group). */
  secciones: FilaSeccionPadre[];
}

/** `<ELECCION>/entidad`: the entidad summary of one election and the rows of its distritos and municipios. */
export interface EntidadShard {
  tipo: 'entidad';
  version: VersionShards;
  entidad: EntidadRef;
  eleccion: EleccionRef;
  columnas: string[];
  candidaturas: string[];
  final: boolean;
  resultados: Resultados;
  catalogo: { partidos: PartidoRef[]; coaliciones: CoalicionRef[] };
  /** The fórmulas contested entidad-wide (gubernatura); empty otherwise. */
  candidatos: Candidato[];
  /** Rows address `<ELECCION>/distrito/<id>` and `<ELECCION>/municipio/<id>` shards. */
  distritos: FilaTerritorioHijo[];
  municipios: FilaTerritorioHijo[];
  /** Registrations that match no expected acta (they count in the entidad figures only); `votos` follow `columnas`. */
  fueraCatalogo: ActaShard[];
  /** The groups of secciones of the same corte (as the pointer lists them): a past corte's secciones are reached from here. */
  secciones: GruposDeSecciones;
}

/**
 * Sección numbers per `secciones/<g>` shard: sección `s` is in group `Math.floor(s / SECCIONES_POR_GRUPO)`. 100
 * keeps a group near 1.5 KB gzip (its addresses do not compress) and Jalisco (~3,800 secciones) at ~40 groups,
 * whose addresses the pointer lists in ~0.5 KB gzip.
 */
export const SECCIONES_POR_GRUPO = 100;

/** The group of a sección number (`secciones/<g>`). */
export function grupoDeSeccion(seccion: number): number {
  return Math.floor(seccion / SECCIONES_POR_GRUPO);
}

/** A sección's row in its group: `h`, the address of its `seccion/<id>` shard (`rutaShard(entidad, id, h)`). */
export interface FilaSeccion {
  id: number;
  h: string;
}

/**
 * `secciones/<g>`: where the shards of secciones `g·100 … g·100+99` are, and the party catalogue a sección's
 * results are drawn with: all a reader needs, besides the pointer, to open one sección. Only the groups a corte
 * moved a sección shard of get new bytes.
 */
export interface GrupoSeccionesShard {
  tipo: 'secciones';
  version: VersionShards;
  entidad: number;
  grupo: number;
  catalogo: { partidos: PartidoRef[]; coaliciones: CoalicionRef[] };
  /** One row per sección of the catalogue in the group, by id. */
  secciones: FilaSeccion[];
}

/** `territorios`: names and nesting for navigation and search by sección. Static during the night. */
export interface TerritoriosShard {
  tipo: 'territorios';
  version: VersionShards;
  entidad: EntidadRef;
  elecciones: (EleccionRef & { tipoActa: string })[];
  partidos: (PartidoRef & { tipo: TipoPartido })[];
  coaliciones: CoalicionRef[];
  distritos: { id: number; nombre: string }[];
  municipios: { id: number; nombre: string }[];
  secciones: { id: number; distrito: number; municipio: number }[];
}
