/**
 * `datos/aviso.json`: a short notice the institute publishes to every portal page during the night (a delay, a
 * correction, the time of the final corte) without a deploy. `texto: null` once it is withdrawn, so that readers
 * polling it see the change through the same ETag as any other.
 */
export const NIVELES_AVISO = ['informativo', 'importante'] as const;
export type NivelAviso = (typeof NIVELES_AVISO)[number];

/** Longest notice: a banner on a 360 px phone, not an article. */
export const MAXIMO_TEXTO_AVISO = 280;

export interface Aviso {
  tipo: 'aviso';
  /** The notice, or null when there is none. */
  texto: string | null;
  nivel: NivelAviso;
  /** When it was published or withdrawn (ms since the epoch). */
  instante: number;
}
