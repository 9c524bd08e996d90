/**
 * The portal's glossary: a short, plain definition of each term of the PREP a citizen meets on the results
 * (docs/REGLAS.md §2, §4, §5 say the same in the rules' own words). One place, so the help next to a figure
 * (components/Ayuda.tsx) and the rules on /acerca never drift apart term by term. Loaded on demand: the names and
 * the figures' terms are in lib/terminos.ts.
 */

import { NOMBRES, type Termino } from './terminos.ts';

export const DEFINICIONES: Readonly<Record<Termino, string>> = {
  'actas-esperadas':
    'Una por cada casilla aprobada y por cada elección: las actas que deberían llegar al PREP.',
  'actas-capturadas':
    'Actas que ya llegaron, se digitalizaron y se capturaron, y que corresponden a una casilla aprobada. No incluye las actas fuera de catálogo.',
  'acta-contabilizada':
    'Acta capturada cuyos votos se suman a los resultados. No se contabiliza si llegó sin acta (o la casilla no se instaló), si su total de votos excede la lista nominal más las y los representantes, o si todos sus campos de votos son ilegibles o están vacíos.',
  'actas-no-contabilizadas':
    'Actas capturadas cuyos votos no se suman a los resultados (ver «acta contabilizada»). Sus cifras se publican igual, para que cualquiera compruebe por qué no se contaron.',
  'actas-registradas':
    'Todas las actas que ya están en el sistema, incluidas las que están fuera de catálogo.',
  'fuera-de-catalogo':
    'Un acta cuya identificación no corresponde a ninguna casilla aprobada. Se registra y se publica, pero sus votos no se suman a los resultados.',
  inconsistencias:
    'Actas con algún problema en sus cifras: el total de votos excede la lista nominal más las y los representantes, algún campo es ilegible o está sin dato, o todos los campos de votos son ilegibles o están vacíos. Un campo ilegible o sin dato cuenta como cero y el acta sí se contabiliza. El porcentaje es sobre las actas esperadas.',
  'casilla-especial':
    'Casilla donde votan personas que el día de la elección están fuera de su sección. No tiene lista nominal propia, por eso sus votos se muestran también aparte y no entran en la participación ciudadana, salvo en el corte final.',
  'lista-nominal':
    'Las personas registradas para votar en una casilla. En las cifras de un territorio es la suma de la lista nominal de sus actas contabilizadas; las casillas especiales no tienen lista nominal propia y cuentan cero.',
  participacion:
    'Votos de las actas contabilizadas, sin los de casillas especiales, entre la lista nominal de esas actas. En el corte final incluye los votos de las casillas especiales, por eso puede pasar de 100 %. Se trunca (no se redondea) a cuatro decimales.',
};

/** Each term with its name and definition. */
export const TERMINOS = Object.fromEntries(
  Object.entries(NOMBRES).map(([id, nombre]) => [id, { nombre, definicion: DEFINICIONES[id as Termino] }]),
) as Readonly<Record<Termino, { nombre: string; definicion: string }>>;
