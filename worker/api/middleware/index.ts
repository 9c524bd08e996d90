/** The middleware chains the capture routes use (createRoute's `middleware`, run before the zod validators). */
import type { MiddlewareHandler } from 'hono';
import type { Paso } from '../../domain/captura/permisos.ts';
import type { EntornoApi } from '../entorno.ts';
import { autenticacion, requierePaso } from './autenticacion/index.ts';
import type { OpcionesAutenticacion } from './autenticacion/lectura-previa.ts';
import { jsonEstricto } from './json-estricto/index.ts';
import { limitarTasa } from './limite-tasa/index.ts';

/**
 * Authenticated, rate-limited, and the operator's role and ámbito allow `paso`; `lecturas`: what to read in the
 * credential's round trip (the catalogue's basics, the snapshot of the path's acta).
 */
export function protegida(paso: Paso, lecturas: OpcionesAutenticacion = {}): MiddlewareHandler<EntornoApi>[] {
  return [autenticacion(lecturas), limitarTasa, requierePaso(paso)];
}

/** protegida + a strict JSON body. */
export function escrituraJson(paso: Paso, lecturas: OpcionesAutenticacion = {}): MiddlewareHandler<EntornoApi>[] {
  return [...protegida(paso, lecturas), jsonEstricto()];
}
