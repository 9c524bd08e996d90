/**
 * The example catalogue with two split casillas (catalogue `partes`): 1121 B 01 (Tlaquepaque) has a second AYUN
 * acta counted in Guadalajara, with a lista nominal of its own; 2302 C 01 (distrito 2) has a second DIP_LOC acta
 * counted in distrito 1. Shared by the tests of the catalogue, capture and corte of split secciones.
 */
import type { Catalogo, Parte } from '../../worker/domain/catalogo/esquema.ts';
import { catalogoEjemplo } from './eleccion.ts';

export const PARTE_AYUN: Parte = { seccion: 1121, tipo: 'B', id: 1, extContigua: 0, eleccion: 'AYUN', parte: 2, distrito: 1, municipio: 39, listaNominal: 4 };
export const PARTE_DIP: Parte = { seccion: 2302, tipo: 'C', id: 1, extContigua: 0, eleccion: 'DIP_LOC', parte: 2, distrito: 1, municipio: 120 };

export const catalogoConPartes: Catalogo = { ...catalogoEjemplo, partes: [PARTE_AYUN, PARTE_DIP] };
