/**
 * The runtime's native zlib (`node:zlib`: Node, and workerd with nodejs_compat) for two jobs:
 *   - the open-data zip's DEFLATE and CRC-32: twice as fast as fflate's JS DEFLATE at the same level, and
 *     smaller, and able to end a piece in a sync flush (the results CSVs' trozos, domain/corte/trozos-csv.ts);
 *     the domain core cannot import it itself (it stays free of runtime modules), so the corte job injects it;
 *   - the Brotli copy of published text, made once (worker/cortes/variantes.ts) instead of on every request, and
 *     the plain bytes and gzip made back from it where they are asked for.
 */
import { brotliCompressSync, brotliDecompressSync, constants, crc32, deflateRawSync, gunzipSync, gzipSync } from 'node:zlib';
import type { Compresor } from '../domain/corte/abiertos.ts';

export const compresorZlib: Compresor = {
  deflateRaw: (bytes, nivel) => deflateRawSync(bytes, { level: nivel }),
  crc32: (bytes) => crc32(bytes),
  // A sync flush instead of Z_FINISH: the piece ends byte-aligned in an empty stored block, with no final block.
  deflateRawTrozo: (bytes, nivel, ventana) => deflateRawSync(bytes, { level: nivel, windowBits: ventana, finishFlush: constants.Z_SYNC_FLUSH }),
};

/** gzip at zlib's default level (6): level 9 saves ~1 % more on JSON for twice the CPU. */
export function gzip(bytes: Uint8Array): Uint8Array {
  return gzipSync(bytes, { level: 6 });
}

/**
 * Brotli at `calidad` (0–11), in text mode; the size hint lets the encoder size its window to the input
 * (variantes.ts says which quality the variants use and why).
 */
export function brotli(bytes: Uint8Array, calidad: number): Uint8Array {
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: calidad,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
    },
  });
}

export function brotliPlano(bytes: Uint8Array): Uint8Array {
  return brotliDecompressSync(bytes);
}

export function gunzipPlano(bytes: Uint8Array): Uint8Array {
  return gunzipSync(bytes);
}
