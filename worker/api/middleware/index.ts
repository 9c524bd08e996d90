/** The middleware chains the capture routes use (createRoute's `middleware`, run before the zod validators). */
import type { MiddlewareHandler } from 'hono';
import type { Paso } from '../../domain/captura/permisos.ts';
import type { EntornoApi } from '../entorno.ts';
import { autenticar, requierePaso } from './autenticacion/index.ts';
import { jsonEstricto } from './json-estricto/index.ts';
import { limitarTasa } from './limite-tasa/index.ts';

/** Authenticated, rate-limited, and the operator's role and ámbito allow `paso`. */
export function protegida(paso: Paso): MiddlewareHandler<EntornoApi>[] {
  return [autenticar, limitarTasa, requierePaso(paso)];
}

/** protegida + a strict JSON body. */
export function escrituraJson(paso: Paso): MiddlewareHandler<EntornoApi>[] {
  return [...protegida(paso), jsonEstricto()];
}
