/**
 * POST /api/v1/acopio — a CATD receives an acta (docs/REGLAS.md §2.1): by its CLAVE_ACTA or by the identification read
 * from it; with the time of receipt (fechaHora, else the server's), the traslado mechanism, or sin acta with its
 * reason. An identification that matches no expected acta is registered fuera de catálogo (FC-<n>).
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { MotivoSinActaSchema } from '../../domain/acta/esquema.ts';
import { IdentificacionSchema, MecanismoTrasladoSchema } from '../../domain/acta/publicada.ts';
import { acopiar, actaPartida, claveIdentificacion, parteInexistente, type ObjetivoAcopio } from '../../domain/captura/acopio.ts';
import { FechaHoraSchema } from '../../domain/captura/fecha.ts';
import { identificarActa, territorioDe, type ActaIdentificada } from '../../domain/captura/identificar.ts';
import type { Rechazo } from '../../domain/captura/rechazo.ts';
import { err } from '../../domain/resultado.ts';
import type { AlcanceActa, Operador } from '../../domain/captura/permisos.ts';
import type { Instantanea } from '../../db/captura-lectura.ts';
import type { EntornoApi } from '../entorno.ts';
import { aplicarPaso, sinTipo } from '../flujo/aplicar.ts';
import { EncabezadosEscrituraSchema } from '../flujo/encabezados.ts';
import { ERRORES_ESCRITURA, RESPUESTA_ACTA, SEGURIDAD } from '../flujo/openapi.ts';
import { errorDeRechazo } from '../flujo/rechazos.ts';
import { escrituraJson } from '../middleware/index.ts';

export const AcopioBodySchema = z
  .strictObject({
    clave: z.string().min(12).max(16).optional().openapi({ example: '140338B01004' }),
    identificacion: IdentificacionSchema.optional(),
    fechaHora: FechaHoraSchema.optional().openapi({ example: '2024-06-02T20:15:00-06:00' }),
    mecanismoTraslado: MecanismoTrasladoSchema.nullable().optional(),
    sinActa: MotivoSinActaSchema.nullable().optional(),
  })
  .refine((b) => (b.clave === undefined) !== (b.identificacion === undefined), {
    message: 'Indique clave o identificacion (una de las dos).',
  })
  .openapi('Acopio');

const ruta = createRoute({
  method: 'post',
  path: '/api/v1/acopio',
  tags: ['captura'],
  summary: 'Acopio: recepción de un acta, sin acta o fuera de catálogo',
  security: SEGURIDAD,
  // With a credential the isolate remembers, the catalogue's basics come from memory and the credential is
  // confirmed in the round trip that reads the acta named in the body: two round trips, not three.
  middleware: escrituraJson('ACOPIO', { catalogo: true, sinLectura: 'ACOPIO' }),
  request: {
    headers: EncabezadosEscrituraSchema,
    body: { required: true, content: { 'application/json': { schema: AcopioBodySchema } } },
  },
  responses: {
    200: { description: 'Acopio de un acta que ya tenía registro (imagen previa de PREP Casilla)', ...RESPUESTA_ACTA },
    201: { description: 'Acta registrada', ...RESPUESTA_ACTA },
    ...ERRORES_ESCRITURA,
  },
});

export const rutasAcopio = new OpenAPIHono<EntornoApi>().openapi(ruta, async (c) => {
  const body = c.req.valid('json');
  const lectura = body.clave !== undefined ? { clave: body.clave } : { identificacion: body.identificacion! };
  const catalogo = c.get('catalogoBasico');
  if (catalogo === undefined) throw new Error('acopio sin autenticar');
  const id = identificarActa(lectura, catalogo);
  if (!id.ok) throw errorDeRechazo(id.error);
  const acta = id.value;
  const datos = { mecanismoTraslado: body.mecanismoTraslado ?? null, sinActa: body.sinActa ?? null };
  return aplicarPaso(c, {
    objetivo: { clave: acta.clave, fcIdentificacion: claveIdentificacion(acta.identificacion), seccion: acta.identificacion.seccion },
    cuerpo: body,
    atCliente: body.fechaHora ?? null,
    alcance: (inst, op) => alcanceAcopio(inst, acta, op),
    decidir: (inst, ctx) => {
      const rechazado = partes(inst, acta);
      return rechazado === null ? acopiar(inst.acta, objetivo(inst, acta), datos, ctx) : err(rechazado);
    },
  }).then(sinTipo);
});

/** A split casilla read by its fields (which part?), or a part's key the catalogue lacks: refused, nothing written. */
function partes(inst: Instantanea, acta: ActaIdentificada): Rechazo | null {
  if (inst.esperada !== null) return actaPartida(inst.esperada, acta.porCampos);
  return acta.parte > 1 && acta.clave !== null ? parteInexistente(acta.clave) : null;
}

function objetivo(inst: Instantanea, acta: ActaIdentificada): ObjetivoAcopio {
  if (inst.esperada !== null) return { tipo: 'esperada', esperada: inst.esperada };
  return {
    tipo: 'fuera_catalogo',
    clave: inst.acta?.estado.clave ?? `FC-${inst.secuencia + 1}`,
    identificacion: acta.identificacion,
    casilla: acta.casilla,
    distrito: inst.seccion?.distrito ?? null,
    municipio: inst.seccion?.municipio ?? null,
    territorio: territorioDe(acta.territorioEleccion, inst.seccion),
  };
}

/**
 * An expected acta's scope is its catalogue territory. A new fuera de catálogo acta in a known sección belongs to
 * that sección's territory; in an unknown sección, to the CATD that received it (if it handles that election).
 */
function alcanceAcopio(inst: Instantanea, acta: ActaIdentificada, op: Operador): AlcanceActa {
  const e = inst.esperada ?? inst.acta?.estado;
  const eleccion = acta.identificacion.eleccion;
  if (e) return { clave: e.clave, eleccion, distrito: e.distrito, municipio: e.municipio, casilla: e.casilla, catdRegistro: inst.acta?.estado.catdRegistro ?? null };
  const propia = inst.seccion === null && op.catd !== null && op.catd.elecciones.includes(eleccion) ? op.catd.id : null;
  return {
    clave: acta.clave ?? claveIdentificacion(acta.identificacion),
    eleccion,
    distrito: inst.seccion?.distrito ?? null,
    municipio: inst.seccion?.municipio ?? null,
    casilla: acta.casilla,
    catdRegistro: propia,
  };
}
