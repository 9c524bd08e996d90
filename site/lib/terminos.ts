/**
 * The terms of the PREP the portal explains where they appear (components/Ayuda.tsx), by id, with the name its
 * help button reads out, and which figure names which term. Their definitions are in lib/ayuda.ts, which the help
 * loads when first opened: they are ~1.5 KB gzip that no view needs on its first load.
 */

export const NOMBRES = {
  'actas-esperadas': 'actas esperadas',
  'actas-capturadas': 'actas capturadas',
  'acta-contabilizada': 'acta contabilizada',
  'actas-no-contabilizadas': 'actas no contabilizadas',
  'actas-registradas': 'actas registradas',
  'fuera-de-catalogo': 'fuera de catálogo',
  inconsistencias: 'inconsistencias',
  'casilla-especial': 'casilla especial',
  'lista-nominal': 'lista nominal',
  participacion: 'participación ciudadana',
} as const satisfies Record<string, string>;

export type Termino = keyof typeof NOMBRES;

/** The term a figure's label names (components/Cifras.tsx `data-cifra` ids). */
const DE_CIFRA: Readonly<Record<string, Termino>> = {
  esperadas: 'actas-esperadas',
  capturadas: 'actas-capturadas',
  contabilizadas: 'acta-contabilizada',
  participacion: 'participacion',
  'votos-sin': 'casilla-especial',
  'votos-con': 'casilla-especial',
  lista: 'lista-nominal',
  'no-contabilizadas': 'actas-no-contabilizadas',
  registradas: 'actas-registradas',
};

/** The term a figure's second line names ("Inconsistencias: …", "Fuera de catálogo: …"). */
const DE_DETALLE: Readonly<Record<string, Termino>> = {
  'no-contabilizadas': 'inconsistencias',
  registradas: 'fuera-de-catalogo',
};

export const terminoDeCifra = (id: string): Termino | undefined => DE_CIFRA[id];
export const terminoDeDetalle = (id: string): Termino | undefined => DE_DETALLE[id];
