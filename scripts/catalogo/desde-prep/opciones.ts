/** What the caller of a derivation (`from-prep`, the replay) says that the files do not. */
export interface OpcionesDesdePrep {
  /** Keep only this entidad's rows (national files hold all 32). */
  entidad?: number;
  /** The entidad's UTC offset (`UTC-7`); default: the corte line's. */
  huso?: string;
  /** Approved ballots per casilla especial, for every election. */
  boletasEspecial?: number;
  /** Election codes, one per results file, in order (default: from each file's first line). */
  codigos?: string[];
}

/** The files say nothing about it; INE approves 750 ballots per casilla especial and election. */
export const BOLETAS_ESPECIAL_POR_DEFECTO = 750;
