/**
 * Strict JSON bodies: Content-Type application/json (else 415), at most `maxBytes` (else 413, whether or not
 * Content-Length says so), well-formed JSON (else 400). Unknown fields are refused by the routes' strict zod
 * schemas (400 with the issues).
 */
import type { MiddlewareHandler } from 'hono';
import type { EntornoApi } from '../../entorno.ts';
import { ErrorApi } from '../../errores.ts';

export const JSON_MAX_BYTES = 32 * 1024;

export function demasiadoGrande(maxBytes: number): ErrorApi {
  return new ErrorApi(413, 'CUERPO_DEMASIADO_GRANDE', `El cuerpo excede ${maxBytes} bytes.`, { maxBytes });
}

/** Reads the whole body, refusing it as soon as it exceeds maxBytes. */
export async function leerCuerpo(req: Request, maxBytes: number): Promise<Uint8Array> {
  const declarado = Number(req.headers.get('content-length') ?? '0');
  if (declarado > maxBytes) throw demasiadoGrande(maxBytes);
  if (req.body === null) return new Uint8Array(0);
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
    // The zod validator reads the body again, through Hono's body cache.
    (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(texto);
    await next();
  };
}
