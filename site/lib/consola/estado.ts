/**
 * Reading the console's state: the same-origin API call with the session cookie (site/lib/catd/api.ts: a 401 leaves
 * for the sign-in form). The alert thresholds of the page's own query string (e.g. /consola/?detenidaMin=5) are
 * passed on, so a drill can lower them without touching the clock.
 */
import { ErrorCatd, pedir } from '../catd/api.ts';
import { leerEstado, type EstadoConsola } from './tipos.ts';

export const UMBRALES = [
  'silencioMin',
  'detenidaMin',
  'detenidaCotejoMin',
  'ventanaTasaMin',
  'minimoVentana',
  'minimoNoche',
  'factorTasa',
  'margenTasa',
  'tasaSinReferencia',
  'retrasoCorteMin',
  'bitacoraMin',
] as const;

/** The thresholds present in `busqueda` (a location.search), as the API's query string. */
export function consultaDeUmbrales(busqueda: string): string {
  const de = new URLSearchParams(busqueda);
  const a = new URLSearchParams();
  for (const k of UMBRALES) {
    const v = de.get(k);
    if (v !== null && v !== '') a.set(k, v);
  }
  const q = a.toString();
  return q === '' ? '' : `?${q}`;
}

export async function leerEstadoConsola(busqueda: string): Promise<EstadoConsola> {
  const e = leerEstado(await pedir<unknown>('GET', `/api/v1/consola/estado${consultaDeUmbrales(busqueda)}`));
  if (e === null) throw new ErrorCatd(502, 'RESPUESTA_INVALIDA', 'El servidor respondió con un estado que esta pantalla no entiende.');
  return e;
}
