/**
 * An acta's night, drawn in advance: everything random about how its steps happen (which request loses its
 * connection, the waits between steps, what the second capturist mistypes, who tries a step they may not do).
 * Drawn once, in a fixed order, from the acta's own stream: the replay makes the same requests for a seed
 * whatever the timing of the answers.
 */
import type { Captura } from '../../worker/domain/acta/esquema.ts';
import type { Catalogo, Catd } from '../../worker/domain/catalogo/esquema.ts';
import type { Azar } from '../generador/azar.ts';
import { conError, type PlanActa } from './plan.ts';

export interface Guion {
  a: PlanActa;
  caida: { paso: string; modo: 'abortar' | 'perder' } | null;
  mecanismo: 'D' | 'F' | 'I' | null;
  escaner: boolean;
  /** Simulated minutes between consecutive steps. */
  esperas: { dig: number; cap1: number; cap2: number; ver: number; cotejo: number; recap1: number; recap2: number };
  /** What the second capturist of round 1 types. */
  segunda: Captura | null;
  otroCatd: Catd;
  rolConCaptura: boolean;
  otraSeccion: number;
}

/** Whether CATD `c` receives acta `a` (its election, and its distrito or municipio). */
function sirve(c: Catd, a: PlanActa): boolean {
  const s = a.esperada.seccion;
  return c.elecciones.includes(a.esperada.eleccion.codigo) && c.territorio === (c.ambito === 'distrito' ? s.distrito : s.municipio);
}

/** A sección other than `propia`, for a PREP Casilla phone that has no business with this acta. */
function otraSeccion(azar: Azar, cat: Catalogo, propia: number): number {
  const ss = cat.secciones;
  const i = azar.entero(0, ss.length - 2);
  return ss[i]!.id === propia ? ss[ss.length - 1]!.id : ss[i]!.id;
}

export function trazarGuion(a: PlanActa, azar: Azar, cat: Catalogo): Guion {
  const pasosConCaida: string[] = ['acopio'];
  if (a.resultado.tipo === 'captura') pasosConCaida.push('imagen', 'cap1', 'cap2');
  const caida = a.reintento ? { paso: azar.elegir(pasosConCaida), modo: azar.conProbabilidad(0.5) ? ('abortar' as const) : ('perder' as const) } : null;
  const ronda1 = a.resultado.tipo === 'captura' ? (a.erronea ?? a.resultado.captura) : null;
  // The properties are drawn in this order: keep it (a seed's night depends on it).
  return {
    a,
    caida,
    mecanismo: azar.conProbabilidad(0.85) ? null : azar.elegir(['D', 'F', 'I'] as const),
    escaner: azar.conProbabilidad(0.8),
    esperas: {
      dig: azar.entero(1, 6),
      cap1: azar.entero(2, 15),
      cap2: azar.entero(1, 8),
      ver: azar.entero(2, 12),
      cotejo: azar.entero(0, 60),
      recap1: azar.entero(2, 15),
      recap2: azar.entero(1, 8),
    },
    segunda: ronda1 !== null && a.discrepancia ? conError(azar, ronda1) : ronda1,
    otroCatd: azar.elegir(cat.catds.filter((c) => !sirve(c, a))),
    rolConCaptura: a.resultado.tipo === 'sin_acta' || azar.conProbabilidad(0.5),
    otraSeccion: otraSeccion(azar, cat, a.esperada.casilla.seccion),
  };
}

/** The step `paso` of this acta loses its connection on the first attempt: how. */
export function caidaDe(g: Guion, paso: string): 'abortar' | 'perder' | undefined {
  return g.caida?.paso === paso ? g.caida.modo : undefined;
}
