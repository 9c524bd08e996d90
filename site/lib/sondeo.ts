/**
 * Polls the `latest` pointer of the publication with a conditional GET (If-None-Match / ETag) about once a
 * minute. It never forgets the last good pointer: a network failure only marks the state as stale, so views keep
 * showing the last corte and can say how old it is. It also checks at once when the tab becomes visible again
 * or the device comes back online.
 */
import { queOcurrio, textoDeError } from './fallas.ts';

export interface EstadoSondeo<P> {
  /** The last pointer read successfully (null until the first one). */
  puntero: P | null;
  /** When the server last answered (200 or 304), epoch ms; null before the first answer. */
  confirmadoEn: number | null;
  /** Why the last check failed, a plain Spanish sentence for the reader (fallas.ts); null when it succeeded. */
  error: string | null;
  /** True when the server answered that nothing is published yet (404). */
  sinPublicacion: boolean;
}

export interface OpcionesSondeo<P> {
  url: string;
  /** Parses (and checks) the pointer's JSON; throws when it is not a pointer. */
  leer: (json: unknown) => P;
  intervaloMs?: number;
  fetch?: typeof fetch;
  ahora?: () => number;
}

type Oyente<P> = (estado: EstadoSondeo<P>) => void;

export class Sondeo<P> {
  #estado: EstadoSondeo<P> = { puntero: null, confirmadoEn: null, error: null, sinPublicacion: false };
  #etag: string | null = null;
  #oyentes = new Set<Oyente<P>>();
  #timer: ReturnType<typeof setTimeout> | null = null;
  #enCurso: Promise<void> | null = null;
  /** Bumped on every start/stop so a cycle of a previous subscription never reschedules itself. */
  #generacion = 0;
  readonly #opts: Required<OpcionesSondeo<P>>;

  constructor(opts: OpcionesSondeo<P>) {
    this.#opts = {
      intervaloMs: 60_000,
      fetch: (...a) => globalThis.fetch(...a),
      ahora: () => Date.now(),
      ...opts,
    };
  }

  get estado(): EstadoSondeo<P> {
    return this.#estado;
  }

  /** Subscribes and starts polling with the first subscriber; stops with the last. */
  suscribir(oyente: Oyente<P>): () => void {
    this.#oyentes.add(oyente);
    if (this.#oyentes.size === 1) this.#iniciar();
    // A later subscriber (a second island, the SIMULACRO banner) may have read `estado` before an answer that
    // arrived before it subscribed: it gets the current state now instead of at the next poll.
    else if (this.#estado.confirmadoEn !== null || this.#estado.error !== null) oyente(this.#estado);
    return () => {
      this.#oyentes.delete(oyente);
      if (this.#oyentes.size === 0) this.#detener();
    };
  }

  /** One conditional GET now (concurrent calls share it). */
  consultar(): Promise<void> {
    this.#enCurso ??= this.#consultar().finally(() => {
      this.#enCurso = null;
    });
    return this.#enCurso;
  }

  async #consultar(): Promise<void> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.#etag) headers['if-none-match'] = this.#etag;
    try {
      // no-store: the pointer is revalidated by us with the ETag, never served stale from the HTTP cache.
      const r = await this.#opts.fetch(this.#opts.url, { headers, cache: 'no-store' });
      if (r.status === 304) {
        this.#poner({ ...this.#estado, confirmadoEn: this.#opts.ahora(), error: null });
      } else if (r.status === 404) {
        this.#poner({ ...this.#estado, confirmadoEn: this.#opts.ahora(), error: null, sinPublicacion: this.#estado.puntero === null });
      } else if (r.ok) {
        const puntero = this.#opts.leer(await r.json());
        this.#etag = r.headers.get('etag');
        this.#poner({ puntero, confirmadoEn: this.#opts.ahora(), error: null, sinPublicacion: false });
      } else {
        this.#poner({ ...this.#estado, error: queOcurrio({ tipo: 'servidor' }) });
      }
    } catch (e) {
      this.#poner({ ...this.#estado, error: textoDeError(e) });
    }
  }

  #poner(estado: EstadoSondeo<P>): void {
    this.#estado = estado;
    for (const o of this.#oyentes) o(estado);
  }

  readonly #alVolver = () => {
    if (typeof document === 'undefined' || document.visibilityState === 'visible') void this.consultar();
  };

  #iniciar(): void {
    const generacion = ++this.#generacion;
    const ciclo = () => {
      void this.consultar().finally(() => {
        if (generacion === this.#generacion) this.#timer = setTimeout(ciclo, this.#opts.intervaloMs);
      });
    };
    ciclo();
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.#alVolver);
      document.addEventListener('visibilitychange', this.#alVolver);
    }
  }

  #detener(): void {
    this.#generacion++;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.#alVolver);
      document.removeEventListener('visibilitychange', this.#alVolver);
    }
  }
}
