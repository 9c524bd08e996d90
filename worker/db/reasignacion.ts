/**
 * An operator moved to another CATD's scope (docs/CONTINGENCIA.md §3), with its audit entry naming the
 * administrator and the CATD before and after, in one batch — through the API (the console) or the CLI
 * (scripts/operators.ts). What to do is decided by the domain (worker/domain/captura/reasignacion.ts) on the
 * operator as read; the batch's guards check it again as stored.
 */
import type { EntradaSellada } from '../domain/bitacora/cadena.ts';
import { administrar, ADMIN_LOCAL, type Ejecutor } from './administracion.ts';
import { sentenciasReasignarCatd } from './operadores.ts';

export function reasignarCatd(ej: Ejecutor, operador: string, antes: string, despues: string, ahora: number, por = ADMIN_LOCAL): Promise<EntradaSellada> {
  return administrar(ej, sentenciasReasignarCatd(operador, antes, despues), { operador: por, accion: 'ALCANCE_REASIGNADO', acta: null, detalle: { operador, antes, despues } }, ahora);
}
