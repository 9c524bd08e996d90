/**
 * The corte state kept in the isolate between cortes, so the next corte applies only the log entries since the
 * previous one. It is valid only for the corte it was left by (keyed by that corte's manifest hash): a run
 * takes it out, and puts it back only after its own corte is recorded. A run that fails, or finds another
 * state published, starts from a full rebuild — which gives byte-identical shards (the property test).
 */
import type { EstadoCorte } from '../domain/corte/estado.ts';

export class CacheEstado {
  private entrada: { manifiesto: string; estado: EstadoCorte } | null = null;

  /** The state left by the corte with this manifest, removed from the cache; null otherwise. */
  tomar(manifiestoSha256: string | null): EstadoCorte | null {
    const e = this.entrada;
    this.entrada = null;
    return e !== null && manifiestoSha256 !== null && e.manifiesto === manifiestoSha256 ? e.estado : null;
  }

  guardar(manifiestoSha256: string, estado: EstadoCorte): void {
    this.entrada = { manifiesto: manifiestoSha256, estado };
  }

  vaciar(): void {
    this.entrada = null;
  }
}

/** The isolate's cache (module state lives as long as the isolate). */
export const cacheDelIsolate = new CacheEstado();
