/**
 * HTTP preconditions on a published object (RFC 9110 §13.2.2), evaluated against the representation served,
 * in the order the RFC gives: If-Match, else If-Unmodified-Since (a failure is 412 Precondition Failed); then
 * If-None-Match, else If-Modified-Since (a match is 304 for GET and HEAD). R2's own `onlyIf` answers every failed
 * condition alike, which turned a failed If-Match into a 304.
 */
export type Resultado = 'servir' | 304 | 412;

export interface Validadores {
  /** Quoted strong ETag of the representation served. */
  etag: string;
  /** Last modification, epoch ms. */
  modificado: number;
}

function etiquetas(valor: string): string[] {
  return valor.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

const sinDebil = (e: string) => e.replace(/^W\//, '');

/** If-Match uses the strong comparison: a weak tag never matches. */
function coincideFuerte(valor: string, etag: string): boolean {
  return etiquetas(valor).some((e) => e === '*' || e === etag);
}

/** If-None-Match uses the weak comparison. */
function coincideDebil(valor: string, etag: string): boolean {
  return etiquetas(valor).some((e) => e === '*' || sinDebil(e) === sinDebil(etag));
}

/** An HTTP date, or null when absent or unreadable (an invalid date is ignored, as the RFC says). */
function fecha(valor: string | null): number | null {
  if (valor === null) return null;
  const ms = Date.parse(valor);
  return Number.isNaN(ms) ? null : ms;
}

export function evaluarCondiciones(headers: Headers, v: Validadores): Resultado {
  // HTTP dates have whole seconds: compare at that resolution.
  const modificado = Math.floor(v.modificado / 1000) * 1000;
  const siCoincide = headers.get('if-match');
  if (siCoincide !== null) {
    if (!coincideFuerte(siCoincide, v.etag)) return 412;
  } else {
    const limite = fecha(headers.get('if-unmodified-since'));
    if (limite !== null && modificado > limite) return 412;
  }
  const siNoCoincide = headers.get('if-none-match');
  if (siNoCoincide !== null) return coincideDebil(siNoCoincide, v.etag) ? 304 : 'servir';
  const desde = fecha(headers.get('if-modified-since'));
  return desde !== null && modificado <= desde ? 304 : 'servir';
}
