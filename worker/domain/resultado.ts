/**
 * Errors callers must handle are values, not exceptions (docs/ARQUITECTURA.md §4): a function that can fail for reasons
 * outside the programmer's control (a malformed key, a bad corte line) returns a `Result`.
 */
export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}
