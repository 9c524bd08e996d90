/**
 * Which elections a casilla takes part in. Most casillas vote in every election of the catalogue; a casilla with
 * ELECCIONES votes only in those (the votes from abroad only for the entidad-wide election; a sub-municipal
 * election only where it is held). One rule, shared by the validation and the expected actas.
 */
import type { Casilla } from './esquema.ts';

export function votaEn(c: Pick<Casilla, 'elecciones'>, eleccion: string): boolean {
  return c.elecciones === undefined || c.elecciones.includes(eleccion);
}
