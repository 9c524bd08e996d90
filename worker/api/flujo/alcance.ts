/** The scope facts of the acta a path names: its record if it has one, else its catalogue entry, else none (404). */
import type { AlcanceActa } from '../../domain/captura/permisos.ts';
import type { Instantanea } from '../../db/captura-lectura.ts';

export function alcanceDeActa(inst: Instantanea): AlcanceActa | null {
  const e = inst.acta?.estado;
  if (e !== undefined) {
    return { clave: e.clave, eleccion: e.identificacion.eleccion, distrito: e.distrito, municipio: e.municipio, casilla: e.casilla, catdRegistro: e.catdRegistro };
  }
  const x = inst.esperada;
  if (x === null) return null;
  return { clave: x.clave, eleccion: x.identificacion.eleccion, distrito: x.distrito, municipio: x.municipio, casilla: x.casilla, catdRegistro: null };
}
