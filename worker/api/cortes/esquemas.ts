/** The shapes of the cortes API (worker/api/cortes): the single source of what it answers. */
import { z } from '@hono/zod-openapi';
import { ConfigCortesSchema } from '../../domain/corte/calendario.ts';
import { FechaHoraSchema } from '../../domain/captura/fecha.ts';
import { AccionSolicitudSchema, ESTADOS_SOLICITUD } from '../../domain/corte/solicitud.ts';

export const PedidoCorteSchema = z
  .strictObject({
    final: z.boolean().optional().openapi({ description: 'El corte final: se solicita y lo aplica un segundo administrador (202).' }),
    instante: FechaHoraSchema.optional().openapi({
      description:
        'Instante del corte (ISO 8601 con desfase) en lugar del reloj del servidor: para reproducir una noche pasada (npm run replay). ' +
        'El corte incluye igual toda acta verificada hasta ahora; no puede ser anterior al del último corte.',
      example: '2024-06-02T23:00:00-07:00',
    }),
  })
  .openapi('PedidoCorte');

export const EstadisticasSchema = z.object({
  modo: z.enum(['completo', 'incremental']),
  actasProcesadas: z.number(),
  shardsEscritos: z.number(),
  shardsReusados: z.number(),
  bytesEscritos: z.number(),
  milisegundos: z.number(),
  problemas: z.number(),
});

export const CortePublicadoSchema = z
  .object({
    resultado: z.literal('publicado'),
    numero: z.number(),
    secuencia: z.number(),
    final: z.boolean(),
    manifiesto: z.string(),
    estadisticas: EstadisticasSchema,
  })
  .openapi('CortePublicado');

export const SinCambiosSchema = z.object({ resultado: z.literal('sin_cambios'), numero: z.number(), secuencia: z.number() }).openapi('CorteSinCambios');

export const ConfiguracionSchema = ConfigCortesSchema.openapi('ConfiguracionCortes');

export const SolicitudSchema = z
  .object({
    id: z.string(),
    accion: AccionSolicitudSchema,
    descripcion: z.string(),
    solicitante: z.string(),
    creadaAt: z.number(),
    venceAt: z.number(),
    estado: z.enum(ESTADOS_SOLICITUD),
    vencida: z.boolean(),
    resolvio: z.string().nullable(),
    resueltaAt: z.number().nullable(),
  })
  .openapi('SolicitudCortes');

export const ConfiguradaSchema = z.object({ resultado: z.literal('configurada'), configuracion: ConfiguracionSchema }).openapi('ConfiguracionAplicada');

export const ConfirmacionSchema = z
  .object({ solicitud: SolicitudSchema, aplicada: z.union([CortePublicadoSchema, ConfiguradaSchema]) })
  .openapi('SolicitudConfirmada');

export const SolicitudParamSchema = z.object({ id: z.string().uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const CorteListadoSchema = z.object({
  numero: z.number(),
  secuencia: z.number(),
  instante: z.number(),
  final: z.boolean(),
  motivo: z.enum(['programado', 'final', 'administrador']),
  modo: z.enum(['completo', 'incremental']),
  actas: z.number().openapi({ description: 'Actas que incluye el corte (con alguna entrada en el registro de publicación hasta su secuencia)' }),
  actasProcesadas: z.number(),
  milisegundos: z.number(),
  shardsEscritos: z.number(),
  shardsReusados: z.number(),
  bytesEscritos: z.number(),
  problemas: z.number(),
  publicadoAt: z.number(),
  manifiesto: z.string(),
  solicitadoPor: z.string().nullable().openapi({ description: 'Operador que pidió el corte (null: lo publicó el calendario)' }),
  confirmadoPor: z.string().nullable().openapi({ description: 'Administrador que confirmó el corte final (separación de funciones)' }),
});

export const ListaCortesSchema = z
  .object({
    ahora: z.number(),
    configuracion: ConfiguracionSchema,
    latencia: z.object({
      actas: z.number().openapi({ description: 'Actas verificadas que ya están en un corte publicado' }),
      pendientes: z.number().openapi({ description: 'Actas verificadas que aún no están en ningún corte' }),
      p50Ms: z.number().nullable(),
      p95Ms: z.number().nullable(),
    }),
    cortes: z.array(CorteListadoSchema),
  })
  .openapi('ListaCortes');

export const ListaSolicitudesSchema = z.object({ ahora: z.number(), solicitudes: z.array(SolicitudSchema) }).openapi('SolicitudesCortes');
