/**
 * The acta's timeline in words a supervisor reads: each step's name and what it decided (a capture's result, a
 * verification's resolution, a cotejo's action and reason), from the events of GET …/historial.
 */
import type { EventoHistorial } from './datos.ts';

const PASO: Readonly<Record<string, string>> = {
  ACOPIO: 'Acopio',
  SIN_ACTA: 'Sin acta',
  FUERA_CATALOGO: 'Fuera de catálogo',
  DIGITALIZACION: 'Digitalización',
  REDIGITALIZACION: 'Redigitalización',
  CAPTURA: 'Captura',
  VERIFICACION: 'Verificación',
  COTEJO: 'Cotejo',
};

const RESULTADO: Readonly<Record<string, string>> = {
  PRIMERA: 'primera captura',
  COINCIDE: 'coincide con otra captura: verificada',
  DISCREPA: 'no coincide: pasa a verificación',
  CAPTURA: 'cifras confirmadas',
  RECAPTURA: 'enviada a recaptura',
  ACEPTAR: 'aceptada',
  REDIGITALIZACION: 'enviada a redigitalización',
};

export function nombrePaso(accion: string): string {
  return PASO[accion] ?? accion;
}

/** What the step decided, in a few words (empty when the step speaks for itself). */
export function resumenEvento(e: EventoHistorial): string {
  const d = e.detalle;
  const partes: string[] = [];
  if (typeof d.ronda === 'number') partes.push(`ronda ${d.ronda}`);
  if (typeof d.n === 'number' && e.accion === 'CAPTURA') partes.push(`captura ${d.n}`);
  const clave = [d.resultado, d.resolucion, d.accion].find((v) => typeof v === 'string') as string | undefined;
  if (clave !== undefined) partes.push(RESULTADO[clave] ?? clave);
  if (typeof d.motivo === 'string') partes.push(`motivo: «${d.motivo}»`);
  return partes.join(' · ');
}
