/**
 * Latency per stage of the workflow, from the audit log and the cortes: per acta, the instant of its first acopio,
 * first image, first capture and first verification (the step that left it VERIFICADA), and the first published
 * corte whose change sequence includes that verification. Pure.
 */
import { primerCorteQueIncluye } from '../../worker/domain/corte/latencia.ts';
import { histograma, percentiles } from './estadistica.ts';
import type { CorteLeido, Etapa, Evento } from './tipos.ts';

export interface Hitos {
  acopio?: number;
  digitalizacion?: number;
  captura?: number;
  verificacion?: number;
  /** The change sequence the verification produced. */
  seqVerificacion?: number;
  publicacion?: number;
}

/** The first instant of each step per acta (events in id order). */
export function hitosPorActa(eventos: readonly Evento[], cortes: readonly CorteLeido[]): Map<string, Hitos> {
  const hitos = new Map<string, Hitos>();
  for (const e of eventos) {
    if (e.acta === null || e.accion === 'RECHAZO') continue;
    let h = hitos.get(e.acta);
    if (!h) hitos.set(e.acta, (h = {}));
    if (e.accion === 'ACOPIO') h.acopio ??= e.instante;
    if (e.accion === 'DIGITALIZACION') h.digitalizacion ??= e.instante;
    if (e.accion === 'CAPTURA') h.captura ??= e.instante;
    if (e.etapa === 'VERIFICADA' && h.verificacion === undefined) {
      h.verificacion = e.instante;
      h.seqVerificacion = e.seq ?? undefined;
    }
  }
  const porSecuencia = [...cortes].sort((a, b) => a.secuencia - b.secuencia || a.numero - b.numero);
  for (const h of hitos.values()) {
    if (h.seqVerificacion === undefined) continue;
    const s = h.seqVerificacion;
    h.publicacion = primerCorteCon(porSecuencia, s)?.instante;
  }
  return hitos;
}

/** The first corte (by sequence) that includes change `seq`. */
function primerCorteCon(cortes: readonly CorteLeido[], seq: number): CorteLeido | undefined {
  const i = primerCorteQueIncluye(cortes, seq);
  return i < 0 ? undefined : cortes[i];
}

type Medida = (h: Hitos) => number | undefined;

const resta = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : a - b);

/** The stages, each with how it is measured on an acta's milestones (undefined: the acta does not have it). */
export const ETAPAS: { clave: Etapa['clave']; nombre: string; medida: Medida }[] = [
  {
    clave: 'acopio-digitalizacion',
    nombre: 'Acopio → digitalización',
    // An image taken by PREP Casilla precedes the acopio: that acta has no such stage.
    medida: (h) => {
      const d = resta(h.digitalizacion, h.acopio);
      return d !== undefined && d >= 0 ? d : undefined;
    },
  },
  { clave: 'digitalizacion-captura', nombre: 'Digitalización → captura', medida: (h) => resta(h.captura, h.digitalizacion) },
  { clave: 'captura-verificacion', nombre: 'Captura → verificación', medida: (h) => resta(h.verificacion, h.captura) },
  { clave: 'verificacion-publicacion', nombre: 'Verificación → publicación', medida: (h) => resta(h.publicacion, h.verificacion) },
  {
    clave: 'acopio-publicacion',
    nombre: 'Total: acopio (o imagen) → publicación',
    medida: (h) => {
      const inicio = h.acopio === undefined ? h.digitalizacion : h.digitalizacion === undefined ? h.acopio : Math.min(h.acopio, h.digitalizacion);
      return resta(h.publicacion, inicio);
    },
  },
];

export function latencias(hitos: ReadonlyMap<string, Hitos>): Etapa[] {
  return ETAPAS.map(({ clave, nombre, medida }) => {
    const xs: number[] = [];
    for (const h of hitos.values()) {
      const x = medida(h);
      if (x !== undefined) xs.push(x);
    }
    return { clave, nombre, percentiles: percentiles(xs), histograma: histograma(xs) };
  });
}
