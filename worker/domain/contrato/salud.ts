/** `GET /health`: the Worker is up, with the totals of the catalogue it holds (the portal shows them). */
import type { Entorno, IdentidadConstruccion } from './entorno.ts';

/** Totals of the loaded catalogue; `entidad` is null before any catalogue is loaded. */
export interface ResumenCatalogo {
  entidad: { id: number; nombre: string; sintetico: boolean; utcOffsetMinutes: number } | null;
  elecciones: number;
  distritos: number;
  municipios: number;
  secciones: number;
  casillas: number;
  actasEsperadas: number;
  listaNominal: number;
  catds: number;
}

export interface Salud {
  status: 'ok';
  /** The environment the Worker was deployed to (its `ENTORNO` var; anything but `produccion` counts as `pruebas`). */
  entorno: Entorno;
  /** What the Worker says about its own build; null when it was run without one. */
  construccion: IdentidadConstruccion | null;
  /** The platform's record of the running version (the version metadata binding); null when the runtime gives none. */
  version: VersionPlataforma | null;
  catalogo: ResumenCatalogo;
}

/**
 * What Cloudflare says about the version that answers: its id (what `wrangler deployments list` names), its tag
 * (`npm run deploy` sets it to the commit) and its upload instant. Under `wrangler dev` the id is random per start
 * and the tag empty.
 */
export interface VersionPlataforma {
  id: string;
  tag: string;
  timestamp: string;
}
