/**
 * Bytes, hashes and canonical JSON for published objects. Web-standard APIs only (TextEncoder,
 * crypto.subtle), so the same code hashes in workerd, in Node and in the verifier.
 */

const encoder = new TextEncoder();
/** Keeps a leading BOM (published CSVs start with one; checking it is part of reading them). */
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function utf8(texto: string): Uint8Array {
  return encoder.encode(texto);
}

/** Strict UTF-8 decoding (throws on malformed bytes); a BOM is kept as U+FEFF. */
export function desdeUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function hex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]!];
  return out;
}

/** A SHA-256 implementation: the digest of the bytes (32 bytes), or a promise of it. */
export type Sha256 = (bytes: Uint8Array) => Uint8Array | Promise<Uint8Array>;

const sha256Subtle: Sha256 = async (bytes) => new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));

let sha256Actual: Sha256 = sha256Subtle;

/**
 * Replaces the SHA-256 implementation (null: back to `crypto.subtle`, the default everywhere). Only for
 * benchmarks in Node, whose `crypto.subtle.digest` sends every call to its thread pool (workerd digests in
 * place); the domain itself never imports a runtime's own crypto.
 */
export function usarSha256(f: Sha256 | null): void {
  sha256Actual = f ?? sha256Subtle;
}

/** SHA-256 of the bytes, lower-case hex. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return hex(await sha256Actual(bytes));
}

/** JSON with every object's keys sorted: equal values give equal text whatever their key order. */
export function jsonCanonico(valor: unknown): string {
  return JSON.stringify(valor, (_k, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort()) out[k] = o[k];
    return out;
  });
}

/** Deep equality of JSON values (object key order ignored). */
export function igualesProfundo(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const y = b as unknown[];
    return a.length === y.length && a.every((v, i) => igualesProfundo(v, y[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const kx = Object.keys(x);
  if (kx.length !== Object.keys(y).length) return false;
  return kx.every((k) => Object.hasOwn(y, k) && igualesProfundo(x[k], y[k]));
}
