/**
 * What ties the shards of a corte together: its manifest (chained by SHA-256 to the previous corte's), the
 * pointer to the newest corte, the history of every corte and the actas that moved in each.
 */
import type { Entorno, IdentidadConstruccion } from './entorno.ts';
import type { EleccionRef, EntidadRef, GruposDeSecciones, VersionShards } from './shards.ts';

/** A published object: its R2 key (served at `/<ruta>`), the SHA-256 and the length of its bytes. */
export interface ArchivoRef {
  ruta: string;
  sha256: string;
  bytes: number;
}

/** A shard of the corte; `id` is its logical id (`shardIds`). */
export interface ShardRef extends ArchivoRef {
  id: string;
}

/** The open-data zip of a corte and the SHA-256 of every file inside it. */
export interface AbiertosRef extends ArchivoRef {
  nombre: string;
  archivos: { nombre: string; sha256: string; bytes: number }[];
}

/**
 * One election's results CSV of one corte at its own URL (`rutaCsv`): INE's layout (the same bytes as in the zip)
 * and the tidy one (one header line, ISO 8601 dates, empty cells for no value, keys without apostrophe).
 */
export interface CsvEleccionRef {
  codigo: string;
  resultados: ArchivoRef;
  ordenado: ArchivoRef;
}

/** Where the pointer sends a newsroom for an election's CSVs of the newest corte. */
export interface CsvPuntero {
  resultados: string;
  ordenado: string;
}

/** `manifiestos/<sha>`: everything one corte published, chained to the previous corte's manifest. */
export interface Manifiesto {
  tipo: 'manifiesto';
  version: VersionShards;
  entidad: EntidadRef;
  /** `pruebas`: a simulacro or rehearsal, never results. */
  entorno: Entorno;
  /** `LEYENDA_SIMULACRO` in `pruebas`, null in `produccion`. */
  simulacro: string | null;
  /** The build that published this corte; null when the Worker was run without one (docs/CONTROL-DE-CAMBIOS.md). */
  construccion: IdentidadConstruccion | null;
  numero: number;
  /** Epoch milliseconds. */
  instante: number;
  /** The corte line of the CSV: `DD/MM/YYYY HH:MM (UTC-6)`. */
  corte: string;
  /** Change sequence the corte was cut at. */
  secuencia: number;
  /** Final corte: participation uses TOTAL_VOTOS_C_CS. */
  final: boolean;
  anterior: { numero: number; sha256: string; ruta: string } | null;
  /**
   * The tip of the audit log (bitácora) when the corte was cut: id and hash of its newest entry (null: the log
   * was empty). `npm run verify` checks that the log still extends it, so deleting its newest entries shows.
   * Absent in manifests published before it was recorded.
   */
  bitacora?: { id: number; hash: string } | null;
  elecciones: EleccionRef[];
  /** Every shard of the corte, sorted by id. */
  shards: ShardRef[];
  abiertos: AbiertosRef;
  diferencias: ArchivoRef;
  /** Per election, its CSVs at their own URLs; absent in manifests published before they were. */
  csv?: CsvEleccionRef[];
  /** The corte's results in NIST SP 1500-100 (`rutaCdf`); absent in manifests published before it was. */
  cdf?: ArchivoRef;
}

/** `latest.json`: the newest corte and the entry points of the portal. */
export interface Puntero {
  tipo: 'puntero';
  version: VersionShards;
  entidad: EntidadRef;
  entorno: Entorno;
  /** `LEYENDA_SIMULACRO` in `pruebas`, null in `produccion`. */
  simulacro: string | null;
  numero: number;
  instante: number;
  corte: string;
  secuencia: number;
  final: boolean;
  manifiesto: { ruta: string; sha256: string };
  /** The `territorios` shard. */
  territorios: string;
  /** The `secciones/<g>` shards (a sección from a link: pointer → group → sección). */
  secciones: GruposDeSecciones;
  /** Per election: its entidad shard and its CSVs (`csv`: absent in pointers published before they were). */
  elecciones: (EleccionRef & { ruta: string; csv?: CsvPuntero })[];
  abiertos: ArchivoRef & { nombre: string };
  diferencias: string;
  historial: string;
  /** The newest corte's results in NIST SP 1500-100; absent in pointers published before it was. */
  cdf?: string;
  /**
   * The secciones' maps from the catalogue's boundaries: `<ruta>/<territorio>.json` for each of `territorios`
   * (`distrito-3`, `municipio-39`: those with at least one shape); absent when the catalogue has none.
   */
  mapas?: { ruta: string; territorios: string[] };
}

export interface CorteHistorial {
  numero: number;
  instante: number;
  corte: string;
  secuencia: number;
  final: boolean;
  manifiesto: { ruta: string; sha256: string };
  /** SHA-256 of the previous corte's manifest. */
  anterior: string | null;
  abiertos: ArchivoRef & { nombre: string };
  diferencias: string;
  /**
   * Each election's entidad shard of that corte, so the night over time is read without its manifest (~200 KB
   * gzip at Jalisco scale); absent in entries published before it was recorded.
   */
  elecciones?: { codigo: string; ruta: string }[];
}

/** `historial.json`: every published corte, oldest first. */
export interface Historial {
  tipo: 'historial';
  version: VersionShards;
  entidad: EntidadRef;
  cortes: CorteHistorial[];
}
