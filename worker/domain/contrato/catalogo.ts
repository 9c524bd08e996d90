/** The closed sets of catalogue codes that published JSON carries (docs/REGLAS.md §1). */

/** Casilla types: básica, contigua, extraordinaria, especial, and `M` (no lista nominal of its own). */
export const TIPOS_CASILLA = ['B', 'C', 'E', 'S', 'M'] as const;
export type TipoCasilla = (typeof TIPOS_CASILLA)[number];

/** Territory over which an election is contested (and its results grouped one level below entidad). */
export const TIPOS_TERRITORIO = ['entidad', 'distrito', 'municipio'] as const;
export type TipoTerritorio = (typeof TIPOS_TERRITORIO)[number];

export const TIPOS_PARTIDO = ['partido', 'independiente'] as const;
export type TipoPartido = (typeof TIPOS_PARTIDO)[number];

/** UBICACION_CASILLA: 1 urbana, 2 no urbana. */
export const UBICACIONES = [1, 2] as const;
export type Ubicacion = (typeof UBICACIONES)[number];
