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
  catalogo: ResumenCatalogo;
}
