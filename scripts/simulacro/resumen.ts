/** The figures of a finished simulacro: how long it took, how many requests, how fast the API answered. */
import { minutosYSegundos } from '../lib/formato.ts';
import type { EstadoNoche } from './estado.ts';
import type { PlanNoche } from './plan.ts';
import { percentil } from '../lib/percentil.ts';

export interface CifrasNoche {
  segundos: number;
  actas: number;
  solicitudes: number;
  actasPorSegundo: number;
  solicitudesPorSegundo: number;
  latenciaP50Ms: number;
  latenciaP99Ms: number;
  cortes: number;
  reintentos: number;
  conflictos: number;
  rechazos403: number;
  correccionesTrasPublicacion: number;
  correccionesAntesDePublicarse: number;
}


/** Seconds and rates carry one decimal, in simulacro.json as in the summary. */
const unDecimal = (x: number) => Math.round(x * 10) / 10;

export function resumenNoche(plan: PlanNoche, e: EstadoNoche): { cifras: CifrasNoche; lineas: string[] } {
  const segundos = e.realMs / 1000;
  const p = e.pasos;
  const solicitudes =
    p.acopio + p.foto + p.digitalizacion + p.captura + p.verificacion + p.cotejo + p.recaptura + p.fueraCatalogo + e.intentos.ajenos + e.intentos.rol;
  const actas = plan.actas.length + plan.fueraCatalogo.length;
  const cifras: CifrasNoche = {
    segundos: unDecimal(segundos),
    actas,
    solicitudes,
    actasPorSegundo: unDecimal(actas / segundos),
    solicitudesPorSegundo: unDecimal(solicitudes / segundos),
    latenciaP50Ms: Math.round(percentil(e.latencias, 0.5)),
    latenciaP99Ms: Math.round(percentil(e.latencias, 0.99)),
    cortes: e.cortes.publicados,
    reintentos: e.reintentos,
    conflictos: e.conflictos,
    rechazos403: e.intentos.rechazados,
    correccionesTrasPublicacion: e.correcciones.trasPublicacion,
    correccionesAntesDePublicarse: e.correcciones.antesDePublicarse,
  };
  const nf = new Intl.NumberFormat('es-MX');
  const lineas = [
    `Noche simulada en ${minutosYSegundos(segundos, Math.round)}: ${nf.format(cifras.actas)} actas (${nf.format(cifras.actasPorSegundo)} por segundo), ` +
      `${nf.format(solicitudes)} solicitudes a la API (${nf.format(cifras.solicitudesPorSegundo)} por segundo; latencia p50 ${cifras.latenciaP50Ms} ms, p99 ${cifras.latenciaP99Ms} ms), ` +
      `${nf.format(cifras.cortes)} cortes publicados.`,
    `Incidentes: ${nf.format(cifras.rechazos403)} intentos rechazados (403), ${nf.format(cifras.reintentos)} reintentos ` +
      `(${nf.format(e.repetidas)} respondidos con la respuesta guardada), ${nf.format(cifras.conflictos)} conflictos de concurrencia, ` +
      `${nf.format(cifras.correccionesTrasPublicacion)} correcciones de actas ya publicadas` +
      (cifras.correccionesAntesDePublicarse ? ` (${cifras.correccionesAntesDePublicarse} antes de que un corte las publicara)` : '') +
      '.',
  ];
  return { cifras, lineas };
}
