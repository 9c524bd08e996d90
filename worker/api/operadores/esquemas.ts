/** The shapes of /api/v1/operadores (issue 17): what the console lists, asks and gets back. */
import { z } from '@hono/zod-openapi';
import { parseClaveCasilla } from '../../domain/claves/clave.ts';
import { OperadorIdSchema } from '../../domain/captura/operador-nuevo.ts';
import { AmbitoSchema, RolSchema } from '../../domain/captura/permisos.ts';
import { VIGENCIA_MAXIMA_HORAS } from '../../domain/captura/vigencia.ts';

export const OperadorParamSchema = z.object({
  id: OperadorIdSchema.openapi({ param: { name: 'id', in: 'path' }, example: 'd01-cap1' }),
});

export const TokenParamSchema = OperadorParamSchema.extend({
  token: z
    .string()
    .regex(/^[0-9a-f]{16}$/, 'id de token: 16 dígitos hexadecimales')
    .openapi({ param: { name: 'token', in: 'path' }, description: 'El id público del token (no el secreto)', example: '0123456789abcdef' }),
});

export const TokenVigenteSchema = z
  .object({
    id: z.string(),
    emitidoAt: z.number().int(),
    expiraAt: z.number().int(),
    limitePorMinuto: z.number().int(),
  })
  .openapi('TokenVigente');

export const OperadorListadoSchema = z
  .object({
    id: z.string(),
    nombre: z.string(),
    ambito: AmbitoSchema,
    catd: z.string().nullable(),
    roles: z.array(RolSchema),
    activo: z.boolean(),
    creadoAt: z.number().int(),
    casillas: z.array(z.string()).openapi({ description: 'Casillas de un dispositivo PREP Casilla' }),
    tokensVigentes: z.array(TokenVigenteSchema).openapi({ description: 'Tokens no revocados ni vencidos (sin secreto)' }),
    ultimoUsoAt: z.number().int().nullable().openapi({ description: 'Última solicitud vista (sesión de pantalla o minuto de tasa en curso)' }),
  })
  .openapi('OperadorListado');

export const ListaOperadoresSchema = z.object({ ahora: z.number().int(), operadores: z.array(OperadorListadoSchema) }).openapi('ListaOperadores');

export const PedidoSecretoSchema = z
  .strictObject({
    horas: z
      .number()
      .positive()
      .max(VIGENCIA_MAXIMA_HORAS)
      .optional()
      .openapi({ description: 'Vigencia en horas; por omisión y como máximo según el ámbito (INSTITUTO: 8 h, a lo más 12 h; los demás: 16 h, a lo más 720 h)' }),
    limitePorMinuto: z.number().int().min(1).max(1_000_000).optional().openapi({ description: 'Solicitudes por minuto (por omisión 600)' }),
  })
  .openapi('PedidoSecreto');

export const SecretoEmitidoSchema = z
  .object({
    operador: z.string(),
    id: z.string().openapi({ description: 'Id público del token' }),
    token: z.string().openapi({ description: 'La clave completa prep_<id>_<secreto>: se entrega solo esta vez' }),
    expiraAt: z.number().int(),
  })
  .openapi('SecretoEmitido');

export const RevocacionSchema = z
  .object({
    operador: z.string(),
    revocados: z.array(z.string()).openapi({ description: 'Ids de los tokens revocados ahora (vacío si no tenía vigentes)' }),
  })
  .openapi('Revocacion');

export const CasillasSchema = z
  .strictObject({
    casillas: z
      .array(z.string().refine((c) => parseClaveCasilla(c).ok, 'CLAVE_CASILLA inválida (p. ej. 140338B0100)'))
      .min(1)
      .max(2000)
      .openapi({ description: 'Todas las casillas del dispositivo (reemplazan a las anteriores)', example: ['140338B0100'] }),
  })
  .openapi('CasillasDispositivo');

export const ReasignacionHechaSchema = z
  .object({
    operador: z.string(),
    antes: z.string().openapi({ description: 'El CATD que tenía' }),
    despues: z.string().openapi({ description: 'El CATD que tiene ahora' }),
    cambio: z.boolean().openapi({ description: 'false si ya tenía ese CATD (no se cambió nada ni se escribió en la bitácora)' }),
  })
  .openapi('ReasignacionHecha');
