/**
 * Which stored encoding a client gets. The platform (and miniflare, as it) rewrites the request's
 * Accept-Encoding to what the edge itself accepts ("br, gzip"); what the client sent is in
 * `request.cf.clientAcceptEncoding`, and that is what decides: a client that accepts neither gets plain bytes.
 */
import type { Codificacion } from '../../cortes/variantes.ts';

/** The client's own Accept-Encoding: the platform's copy when present, else the header (a direct call). */
export function aceptaDelCliente(request: Request): string {
  const cf = (request as { cf?: { clientAcceptEncoding?: unknown } }).cf;
  return typeof cf?.clientAcceptEncoding === 'string' ? cf.clientAcceptEncoding : (request.headers.get('accept-encoding') ?? '');
}

/** Brotli or gzip, whichever the header weighs more (Brotli on a tie); null when it accepts neither. */
export function elegirCodificacion(aceptadas: string): Codificacion | null {
  const pesos = new Map<string, number>();
  for (const parte of aceptadas.split(',')) {
    const [nombre = '', ...parametros] = parte.trim().toLowerCase().split(';');
    const q = parametros.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)).find((m) => m !== null);
    const peso = q ? Number(q[1]) : 1;
    if (nombre !== '' && Number.isFinite(peso)) pesos.set(nombre === 'x-gzip' ? 'gzip' : nombre, peso);
  }
  const comodin = pesos.get('*') ?? 0;
  const br = pesos.get('br') ?? comodin;
  const gzip = pesos.get('gzip') ?? comodin;
  if (br <= 0 && gzip <= 0) return null;
  return br >= gzip ? 'br' : 'gzip';
}
