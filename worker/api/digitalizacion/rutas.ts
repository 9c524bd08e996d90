/**
 * POST /api/v1/actas/{clave}/imagen — digitalización (docs/REGLAS.md §2.2). The body is the image itself (JPEG, PNG or
 * PDF, at most IMAGEN_MAX_BYTES); its type is sniffed from its bytes and must agree with Content-Type, and the
 * whole file must have that type's structure (a PDF, no active content; 400 IMAGEN_<regla> otherwise). The server
 * computes its SHA-256 (CODIGO_INTEGRIDAD) and, when the client sends X-Sha256, checks it. Stored in R2 under
 * imagenes/<sha256> (content-addressed: a retry rewrites the same object; an object whose D1 batch then fails is
 * an orphan, never a wrong image). ORIGEN, DIGITALIZACION and TIPO_DOCUMENTO go in the query string.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { sha256Hex } from '../../domain/bitacora/cadena.ts';
import { digitalizar, ImagenMetadatosSchema, type ImagenRecibida } from '../../domain/captura/digitalizacion.ts';
import { MimeImagenSchema, type MimeImagen } from '../../domain/captura/estado.ts';
import { FechaHoraSchema } from '../../domain/captura/fecha.ts';
import { revisarEstructura, tipoPorContenido } from '../../domain/captura/tipo-imagen.ts';
import type { EntornoApi } from '../entorno.ts';
import { ErrorApi } from '../errores.ts';
import { aplicarPaso, sinTipo } from '../flujo/aplicar.ts';
import { alcanceDeActa } from '../flujo/alcance.ts';
import { EncabezadosEscrituraSchema } from '../flujo/encabezados.ts';
import { ClaveParamSchema, ERRORES_ESCRITURA, RESPUESTA_ACTA, SEGURIDAD } from '../flujo/openapi.ts';
import { leerCuerpo } from '../middleware/json-estricto/index.ts';
import { protegida } from '../middleware/index.ts';

export const IMAGEN_MAX_BYTES = 10 * 1024 * 1024;

const ConsultaSchema = z.strictObject({
  ...ImagenMetadatosSchema.shape,
  fechaHora: FechaHoraSchema.optional(),
});

const binario = { schema: z.string().openapi({ type: 'string', format: 'binary' }) };

const ruta = createRoute({
  method: 'post',
  path: '/api/v1/actas/{clave}/imagen',
  tags: ['captura'],
  summary: 'Digitalización: imagen del acta (JPEG, PNG o PDF)',
  security: SEGURIDAD,
  middleware: protegida('DIGITALIZACION', { actaDeRuta: true }),
  request: {
    params: ClaveParamSchema,
    query: ConsultaSchema,
    headers: EncabezadosEscrituraSchema.extend({
      'x-sha256': z.string().optional().openapi({ description: 'SHA-256 (hex) que el cliente calculó; se comprueba.' }),
    }),
    body: { required: true, content: { 'image/jpeg': binario, 'image/png': binario, 'application/pdf': binario } },
  },
  responses: {
    200: { description: 'Imagen registrada (o reemplazada)', ...RESPUESTA_ACTA },
    201: { description: 'Imagen que llega antes del acopio: registra el acta', ...RESPUESTA_ACTA },
    ...ERRORES_ESCRITURA,
  },
});

export const rutasDigitalizacion = new OpenAPIHono<EntornoApi>().openapi(ruta, async (c) => {
  const { clave } = c.req.valid('param');
  const { fechaHora, ...metadatos } = c.req.valid('query');
  const declarado = tipoDeclarado(c.req.header('content-type'));
  const bytes = await leerCuerpo(c.req.raw, IMAGEN_MAX_BYTES);
  if (bytes.byteLength === 0) throw new ErrorApi(400, 'CUERPO_VACIO', 'Falta la imagen en el cuerpo.');
  const mime = tipoPorContenido(bytes);
  if (mime === null) throw new ErrorApi(415, 'CONTENIDO_NO_RECONOCIDO', 'El contenido no es JPEG, PNG ni PDF.');
  if (mime !== declarado) throw new ErrorApi(415, 'TIPO_NO_COINCIDE', `El contenido es ${mime}, no ${declarado}.`, { contenido: mime });
  comprobarEstructura(bytes, mime);
  const sha256 = await sha256Hex(bytes);
  comprobarSha(c.req.header('x-sha256'), sha256);
  const recibida: ImagenRecibida = { ...metadatos, sha256, mime, bytes: bytes.byteLength };
  return aplicarPaso(c, {
    objetivo: { clave, fcIdentificacion: null, seccion: null },
    cuerpo: { sha256, mime, metadatos },
    atCliente: fechaHora ?? null,
    alcance: (inst) => alcanceDeActa(inst),
    decidir: (inst, ctx) => digitalizar(inst.acta, inst.esperada, recibida, ctx),
    antesDeEscribir: async () => {
      await c.env.BUCKET.put(`imagenes/${sha256}`, bytes, { httpMetadata: { contentType: mime }, sha256 });
    },
  }).then(sinTipo);
});

function tipoDeclarado(contentType: string | undefined): MimeImagen {
  const tipo = MimeImagenSchema.safeParse((contentType ?? '').split(';')[0]!.trim().toLowerCase());
  if (!tipo.success) throw new ErrorApi(415, 'TIPO_DE_CONTENIDO_NO_ADMITIDO', 'La imagen debe enviarse como image/jpeg, image/png o application/pdf.');
  return tipo.data;
}

/** The whole file must be a clean JPEG, PNG or PDF (domain/captura/tipo-imagen.ts): 400 naming the rule it breaks. */
function comprobarEstructura(bytes: Uint8Array, mime: MimeImagen): void {
  const r = revisarEstructura(bytes, mime);
  if (r === null) return;
  throw new ErrorApi(400, `IMAGEN_${r.regla}`, `El archivo no es un ${NOMBRE[mime]} íntegro: ${r.detalle}`, { regla: r.regla, posicion: r.posicion });
}

const NOMBRE: Record<MimeImagen, string> = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'application/pdf': 'PDF sin contenido activo' };

function comprobarSha(enviado: string | undefined, calculado: string): void {
  if (enviado === undefined) return;
  if (!/^[0-9a-fA-F]{64}$/.test(enviado)) throw new ErrorApi(400, 'SHA256_INVALIDO', 'X-Sha256 debe ser un SHA-256 en hexadecimal.');
  if (enviado.toLowerCase() !== calculado) {
    throw new ErrorApi(422, 'SHA256_NO_COINCIDE', 'El SHA-256 enviado no coincide con el de la imagen recibida.', { calculado });
  }
}
