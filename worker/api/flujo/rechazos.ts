/** The one table from a domain refusal to an HTTP status. */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { assertNever } from '../../domain/assert.ts';
import type { Rechazo, TipoRechazo } from '../../domain/captura/rechazo.ts';
import { ErrorApi } from '../errores.ts';

export function estadoHttpDe(tipo: TipoRechazo): ContentfulStatusCode {
  switch (tipo) {
    case 'NO_ENCONTRADO':
      return 404;
    case 'PROHIBIDO':
      return 403;
    case 'CONFLICTO':
      return 409;
    case 'INVALIDO':
      return 422;
    default:
      return assertNever(tipo, 'tipo de rechazo');
  }
}

export const errorDeRechazo = (r: Rechazo): ErrorApi => new ErrorApi(estadoHttpDe(r.tipo), r.code, r.message, r.details);
