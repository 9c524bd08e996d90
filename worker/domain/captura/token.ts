/**
 * Bearer tokens: `prep_<id>_<secreto>`, id 16 hex characters (public: it names the token in the audit log and
 * is how it is looked up), secreto 43 base64url characters (256 random bits). Only SHA-256(token) is stored; a
 * presented token is hashed and compared with the stored hash in constant time.
 */
import { sha256Hex } from '../bitacora/cadena.ts';

const TOKEN_RE = /^prep_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface TokenNuevo {
  id: string;
  token: string;
  hash: string;
}

export function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

/** The token made of 8 random bytes (its id) and 32 random bytes (its secret), which the caller draws. */
export async function tokenDesdeBytes(idBytes: Uint8Array, secreto: Uint8Array): Promise<TokenNuevo> {
  if (idBytes.length !== 8 || secreto.length !== 32) throw new Error('un token lleva 8 bytes de id y 32 de secreto');
  const id = hex(idBytes);
  const token = `prep_${id}_${base64url(secreto)}`;
  return { id, token, hash: await sha256Hex(token) };
}

/** The token id of a well-formed token, or null. */
export function idDeToken(token: string): string | null {
  return TOKEN_RE.exec(token)?.[1] ?? null;
}

/** Constant-time equality of two strings of the same length (hex digests); different lengths are unequal. */
export function igualesTiempoConstante(a: string, b: string): boolean {
  const n = Math.max(a.length, b.length);
  let diff = a.length ^ b.length;
  for (let i = 0; i < n; i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return diff === 0;
}
