/**
 * Strict JSON bodies: Content-Type application/json (else 415), at most `maxBytes` (else 413, whether or not
 * Content-Length says so), well-formed JSON (else 400), and none of what JSON.parse lets through silently
 * (escaner.ts: a repeated key, "__proto__", a lone surrogate, deep nesting; each a 400 naming where). Unknown
 * fields are refused by the routes' strict zod schemas (400 with the issues).
 */
import type { MiddlewareHandler } from 'hono';
import type { EntornoApi } from '../../entorno.ts';
import { ErrorApi } from '../../errores.ts';
import { PROFUNDIDAD_MAXIMA, revisarJson, type MotivoJson, type ProblemaJson } from './escaner.ts';

export const JSON_MAX_BYTES = 32 * 1024;

export function demasiadoGrande(maxBytes: number): ErrorApi {
  return new ErrorApi(413, 'CUERPO_DEMASIADO_GRANDE', `El cuerpo excede ${maxBytes} bytes.`, { maxBytes });
}

/** Reads the whole body, refusing it as soon as it exceeds maxBytes. */
export async function leerCuerpo(req: Request, maxBytes: number): Promise<Uint8Array> {
  const declarado = Number(req.headers.get('content-length') ?? '0');
  if (declarado > maxBytes) throw demasiadoGrande(maxBytes);
  if (req.body === null) return new Uint8Array(0);
  // A declared length bounds the body (HTTP framing): read it whole, natively (measured: the chunk loop below took
  // ~3 % of a capture's CPU, issue 16). Without one (chunked), count while reading.
  if (req.headers.has('content-length')) {
    const todo = new Uint8Array(await req.arrayBuffer());
    if (todo.byteLength > maxBytes) throw demasiadoGrande(maxBytes);
    return todo;
  }
  const partes: Uint8Array[] = [];
  let total = 0;
  const lector = req.body.getReader();
  for (;;) {
    const { done, value } = await lector.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await lector.cancel();
      throw demasiadoGrande(maxBytes);
    }
    partes.push(value);
  }
  const out = new Uint8Array(total);
  let i = 0;
  for (const p of partes) {
    out.set(p, i);
    i += p.byteLength;
  }
  return out;
}

const MENSAJES: Record<MotivoJson, (clave: string) => string> = {
  CLAVE_DUPLICADA: (clave) => `La clave "${clave}" aparece más de una vez en el mismo objeto.`,
  CLAVE_PROHIBIDA: (clave) => `La clave "${clave}" no se admite.`,
  SUSTITUTO_SUELTO: () => 'El texto contiene un sustituto UTF-16 suelto (\\uD800–\\uDFFF sin su par): no es Unicode válido.',
  DEMASIADO_PROFUNDO: () => `El JSON anida más de ${PROFUNDIDAD_MAXIMA} niveles.`,
};

function errorDeProblema(p: ProblemaJson): ErrorApi {
  // A key is whatever the client wrote: the message and details quote at most its start.
  const clave = p.clave === undefined ? undefined : p.clave.slice(0, 64);
  return new ErrorApi(400, p.motivo, MENSAJES[p.motivo](clave ?? ''), { ruta: p.ruta, ...(clave === undefined ? {} : { clave }) });
}

export function jsonEstricto(maxBytes = JSON_MAX_BYTES): MiddlewareHandler<EntornoApi> {
  return async (c, next) => {
    const tipo = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (tipo !== 'application/json') {
      throw new ErrorApi(415, 'TIPO_DE_CONTENIDO_NO_ADMITIDO', 'El cuerpo debe ser application/json.');
    }
    const bytes = await leerCuerpo(c.req.raw, maxBytes);
    let texto: string;
    let valor: unknown;
    try {
      texto = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      valor = JSON.parse(texto);
    } catch {
      throw new ErrorApi(400, 'JSON_INVALIDO', 'El cuerpo no es JSON válido en UTF-8.');
    }
    if (typeof valor !== 'object' || valor === null || Array.isArray(valor)) {
      throw new ErrorApi(400, 'JSON_INVALIDO', 'El cuerpo debe ser un objeto JSON.');
    }
    const problema = revisarJson(texto);
    if (problema !== null) throw errorDeProblema(problema);
    // The zod validator reads the body again, through Hono's body cache: as JSON already parsed, not parsed again.
    const cache = c.req.bodyCache as { text?: Promise<string>; json?: Promise<unknown> };
    cache.text = Promise.resolve(texto);
    cache.json = Promise.resolve(valor);
    await next();
  };
}
