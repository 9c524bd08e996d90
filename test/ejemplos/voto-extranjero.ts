/**
 * The fixture election plus the votes from abroad as real PREP databases publish them (Puebla 2018: sección 0000,
 * casilla M 00, a pseudo-distrito «Votos desde el Extranjero», lista nominal 0), voting only for the gubernatura.
 */
import type { Casilla, Catalogo } from '../../worker/domain/catalogo/esquema.ts';
import { catalogoEjemplo } from './eleccion.ts';

export const CASILLA_EXTRANJERO: Casilla = {
  seccion: 0, tipo: 'M', id: 0, extContigua: 0, ubicacion: 1, listaNominal: 0, representantes: 0, elecciones: ['GUB'],
};

export function catalogoConVotoExtranjero(): Catalogo {
  return {
    ...catalogoEjemplo,
    distritos: [...catalogoEjemplo.distritos, { id: 27, cabecera: 'Votos desde el Extranjero' }],
    secciones: [...catalogoEjemplo.secciones, { id: 0, distrito: 27, municipio: 39 }],
    casillas: [...catalogoEjemplo.casillas, CASILLA_EXTRANJERO],
  };
}
