/** Who may use the cortes API: administrators change things; the console's readers (admin, observador) read. */
import type { MiddlewareHandler } from 'hono';
import { puedeVerConsola } from '../../domain/captura/permisos.ts';
import type { EntornoApi } from '../entorno.ts';
import { ErrorApi } from '../errores.ts';
import { operadorDe } from '../flujo/aplicar.ts';
import { errorDeRechazo } from '../flujo/rechazos.ts';
import { autenticar } from '../middleware/autenticacion/index.ts';
import { limitarTasa } from '../middleware/limite-tasa/index.ts';

/** Cortes are administered by the institute: the operator must hold the admin role. */
export const requiereAdministrador: MiddlewareHandler<EntornoApi> = async (c, next) => {
  const op = c.get('operador');
  if (op === undefined) throw new Error('requiereAdministrador sin autenticar');
  if (!op.roles.includes('admin')) throw new ErrorApi(403, 'ROL_NO_AUTORIZADO', 'Solo un operador con rol admin puede administrar los cortes.');
  await next();
};

const requiereConsola: MiddlewareHandler<EntornoApi> = async (c, next) => {
  const permitido = puedeVerConsola(operadorDe(c));
  if (!permitido.ok) throw errorDeRechazo(permitido.error);
  await next();
};

export const administrador = [autenticar, limitarTasa, requiereAdministrador];
export const lectores = [autenticar, limitarTasa, requiereConsola];
