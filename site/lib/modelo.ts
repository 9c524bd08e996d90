/**
 * What each view shows, in the domain's own types (figures, observations, captured values, image metadata).
 * The published shards (the publication contract, worker/domain/contrato) are turned into these by
 * `publicacion.ts`, the only module that knows the shard layout and the /datos routes; the views never see a shard.
 */
import type { ActaLeida, EleccionRef, Resultados as ResultadosShard, TipoTerritorio } from '../../worker/domain/contrato/index.ts';
import type { Catalogo } from './opciones.ts';

/** The corte a view's data comes from. */
export interface CorteInfo {
  numero: number;
  /** Epoch ms. */
  instante: number;
  /** The entidad's fixed UTC offset in minutes (data: Jalisco −360). */
  offsetMinutes: number;
  final: boolean;
  entidad: { id: number; nombre: string; sintetico: boolean };
  /** The catalogue's sección maps, when it has boundaries (the pointer's `mapas`). */
  mapas?: { ruta: string; territorios: string[] };
}

export type EleccionInfo = EleccionRef;

/** The 13 figures and the votes of counted actas of a territory, per column and per candidatura. */
export type Resultados = ResultadosShard;

/** A territory one level down, as a row of its parent's table. */
export type FilaTerritorio = Resultados & {
  nivel: 'distrito' | 'municipio' | 'seccion';
  id: number;
  nombre: string;
};

/** Entidad, distrito or municipio: its results and the rows of its children. */
export type VistaTerritorio = Resultados & {
  corte: CorteInfo;
  eleccion: EleccionInfo;
  catalogo: Catalogo;
  nivel: TipoTerritorio;
  /** 0 for the entidad. */
  id: number;
  nombre: string;
  hijos: readonly FilaTerritorio[];
};

/** One acta as its sección shard publishes it, its captured fields by column and its image's URL (`leerActa`). */
export type ActaVista = ActaLeida;

export type VistaSeccion = Resultados & {
  corte: CorteInfo;
  eleccion: EleccionInfo;
  catalogo: Catalogo;
  seccion: number;
  distrito: { id: number; nombre: string };
  municipio: { id: number; nombre: string };
  actas: readonly ActaVista[];
};

/** Inicio: one card per election. */
export type ResumenEleccion = Resultados & {
  eleccion: EleccionInfo;
  catalogo: Catalogo;
};
export interface VistaInicio {
  corte: CorteInfo;
  elecciones: readonly ResumenEleccion[];
}

/** Datos abiertos: every corte with its downloads and its place in the manifest chain. */
export interface CortePublicado {
  numero: number;
  instante: number;
  /** The last corte of the night. */
  final: boolean;
  /** The entidad's fixed UTC offset in minutes. */
  offsetMinutes: number;
  manifiesto: { url: string; sha256: string };
  anterior: string | null;
  zip: { url: string; nombre: string; sha256: string; bytes: number } | null;
}

/** Consulta tu casilla: one sección's actas in every election that has actas there. */
export interface ConsultaSeccion {
  seccion: number;
  municipio: { id: number; nombre: string };
  porEleccion: readonly VistaSeccion[];
}

/** Navigation and search (consulta tu casilla): the elections and where every sección lies. */
export interface Indice {
  corte: CorteInfo;
  elecciones: readonly EleccionInfo[];
  distritos: readonly { id: number; nombre: string }[];
  municipios: readonly { id: number; nombre: string; secciones: readonly number[] }[];
}
