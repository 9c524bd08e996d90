/**
 * How a territory is named on screen (heading, breadcrumbs, the answer's "en …"): kept apart from the territory
 * view (components/VistaTerritorio.tsx), which loads on demand, so the first screen can name it without that code.
 */
import type { VistaTerritorio } from './modelo.ts';

export function nombreTerritorio(d: Pick<VistaTerritorio, 'nivel' | 'nombre' | 'id'>): string {
  if (d.nivel === 'entidad') return d.nombre;
  return d.nivel === 'distrito' ? `Distrito ${d.id} (${d.nombre})` : `Municipio de ${d.nombre}`;
}
