/**
 * The institute's notice to every portal page, changed without a deploy (operators with role admin; bearer token
 * or the screens' session with its CSRF header):
 *   PUT    /api/v1/aviso   publish or replace it: `{"texto": "…", "nivel": "informativo" | "importante"}`
 *   DELETE /api/v1/aviso   withdraw it
 * The change is sealed into the audit chain first, with the operator, then written to `datos/aviso.json`, which
 * the public routes serve like `latest.json` (short max-age, ETag). Both calls are idempotent: repeating one
 * publishes the same notice again.
 */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { AvisoSchema, avisoPublicado, avisoRetirado, PedidoAvisoSchema } from '../../domain/aviso/aviso.ts';
import type { Aviso } from '../../domain/contrato/aviso.ts';
import { RUTA_AVISO } from '../../domain/contrato/rutas.ts';
import { CACHE_MUTABLE, tipoDeContenido } from '../../cortes/almacen.ts';
import { administrar, ejecutorD1 } from '../../db/administracion.ts';
import type { EntornoApi } from '../entorno.ts';
import { respuestasError, SEGURIDAD } from '../flujo/openapi.ts';
import { autenticar } from '../middleware/autenticacion/index.ts';
import { jsonEstricto } from '../middleware/json-estricto/index.ts';
import { limitarTasa } from '../middleware/limite-tasa/index.ts';
import { requiereAdministrador } from '../cortes/rutas.ts';
import { olvidarEnEstaUbicacion } from '../publico/rutas.ts';

const administrador = [autenticar, limitarTasa, requiereAdministrador];
const AvisoRespuestaSchema = AvisoSchema.openapi('Aviso');

async function publicar(env: EntornoApi['Bindings'], operador: string, aviso: Aviso): Promise<void> {
  const accion = aviso.texto === null ? 'AVISO_RETIRADO' : 'AVISO_PUBLICADO';
  await administrar(ejecutorD1(env.DB), [], { operador, accion, acta: null, detalle: { texto: aviso.texto, nivel: aviso.nivel } }, aviso.instante);
  await env.BUCKET.put(RUTA_AVISO, JSON.stringify(aviso), { httpMetadata: { contentType: tipoDeContenido(RUTA_AVISO), cacheControl: CACHE_MUTABLE } });
}

const ponerAviso = createRoute({
  method: 'put',
  path: '/api/v1/aviso',
  tags: ['aviso'],
  summary: 'Publicar o reemplazar el aviso que muestra cada página del portal',
  security: SEGURIDAD,
  middleware: [...administrador, jsonEstricto()],
  request: { body: { required: true, content: { 'application/json': { schema: PedidoAvisoSchema.openapi('PedidoAviso') } } } },
  responses: { 200: { description: 'Aviso publicado', content: { 'application/json': { schema: AvisoRespuestaSchema } } }, ...respuestasError(400, 401, 403, 429) },
});

const quitarAviso = createRoute({
  method: 'delete',
  path: '/api/v1/aviso',
  tags: ['aviso'],
  summary: 'Retirar el aviso',
  security: SEGURIDAD,
  middleware: administrador,
  responses: { 200: { description: 'Aviso retirado', content: { 'application/json': { schema: AvisoRespuestaSchema } } }, ...respuestasError(401, 403, 429) },
});

export const rutasAviso = new OpenAPIHono<EntornoApi>()
  .openapi(ponerAviso, async (c) => {
    const aviso = avisoPublicado(c.req.valid('json'), Date.now());
    await publicar(c.env, c.get('operador')!.id, aviso);
    // This location's edge copy goes at once; the others refresh within seconds (worker/api/publico).
    await olvidarEnEstaUbicacion(c.req.url, RUTA_AVISO);
    return c.json(aviso, 200);
  })
  .openapi(quitarAviso, async (c) => {
    const aviso = avisoRetirado(Date.now());
    await publicar(c.env, c.get('operador')!.id, aviso);
    // This location's edge copy goes at once; the others refresh within seconds (worker/api/publico).
    await olvidarEnEstaUbicacion(c.req.url, RUTA_AVISO);
    return c.json(aviso, 200);
  });
