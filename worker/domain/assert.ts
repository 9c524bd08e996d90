/**
 * Assertions for the domain core. These are for broken preconditions (programmer errors) only: errors a
 * caller is expected to handle are returned as values (see `result.ts`), never thrown.
 */

/**
 * Ends every `switch` over a domain union: a missing `case` is a compile error (`x` is not `never`), and a
 * value that slipped past the types (bad data read without parsing) throws at run time.
 */
export function assertNever(x: never, what = 'valor'): never {
  throw new Error(`valor inesperado (${what}): ${JSON.stringify(x)}`);
}

/** Throws when `condition` is falsy: for invariants the types cannot express. */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`assertion failed: ${message}`);
}
