/**
 * The HTTP client of a simulacro's operators: one write to the capture API with its Idempotency-Key, retried with
 * the same key when the connection drops, when the API reports a lost race (409 CONFLICTO_CONCURRENTE) or a rate
 * limit (429), as a CATD's terminal would. A planned "dropped connection" either aborts the request before its
 * answer arrives (the server may or may not have done it) or throws the answer away; the retry must then have
 * exactly one effect.
 */

export interface Peticion {
  ruta: string;
  token: string;
  json?: unknown;
  bytes?: Uint8Array;
  tipo?: string;
  idempotencia: string;
  /** Simulate a dropped connection on the first attempt. */
  caida?: 'abortar' | 'perder';
}

export interface Respuesta {
  status: number;
  cuerpo: unknown;
  /** Idempotent-Replayed: the API returned the stored answer of an earlier attempt. */
  repetida: boolean;
  /** Attempts beyond the first (dropped connections, lost races, rate limits, network errors). */
  reintentos: number;
  conflictos: number;
  ms: number;
}

const MAX_INTENTOS = 12;
const dormir = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Cliente {
  readonly base: string;
  constructor(base: string) {
    this.base = base.replace(/\/+$/, '');
  }

  async post(p: Peticion): Promise<Respuesta> {
    const t0 = performance.now();
    let reintentos = 0;
    let conflictos = 0;
    let caida = p.caida;
    for (let intento = 0; ; intento++) {
      // identity: wrangler dev's entry would otherwise gzip every answer on the Worker's own thread (~0.2 CPU-ms
      // each, measured with scripts/bench/perfil-workerd.ts); in production the edge compresses, not the Worker.
      const headers: Record<string, string> = { authorization: `Bearer ${p.token}`, 'idempotency-key': p.idempotencia, 'accept-encoding': 'identity' };
      let body: BodyInit;
      if (p.bytes !== undefined) {
        headers['content-type'] = p.tipo ?? 'application/octet-stream';
        body = p.bytes as Uint8Array<ArrayBuffer>;
      } else {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(p.json ?? {});
      }
      const control = new AbortController();
      let temporizador: NodeJS.Timeout | undefined;
      if (caida === 'abortar') temporizador = setTimeout(() => control.abort(), 1 + Math.floor(Math.random() * 15));
      try {
        const r = await fetch(this.base + p.ruta, { method: 'POST', headers, body, signal: control.signal });
        const texto = await r.text();
        clearTimeout(temporizador);
        if (caida !== undefined) {
          // The answer "never arrived": the terminal retries with the same key.
          caida = undefined;
          reintentos++;
          continue;
        }
        const cuerpo = texto.length > 0 && (r.headers.get('content-type') ?? '').includes('json') ? JSON.parse(texto) : texto;
        const codigo = (cuerpo as { error?: { code?: string } })?.error?.code;
        if (intento < MAX_INTENTOS && (r.status === 429 || (r.status === 409 && codigo === 'CONFLICTO_CONCURRENTE') || r.status === 503)) {
          if (r.status === 409) conflictos++;
          reintentos++;
          const espera = Number(r.headers.get('retry-after') ?? 0) * 1000;
          await dormir(Math.max(espera, 5 * 2 ** Math.min(intento, 6) * (0.5 + Math.random())));
          continue;
        }
        return { status: r.status, cuerpo, repetida: r.headers.get('idempotent-replayed') === 'true', reintentos, conflictos, ms: performance.now() - t0 };
      } catch (e) {
        clearTimeout(temporizador);
        if (caida !== undefined) {
          caida = undefined;
          reintentos++;
          continue;
        }
        if (intento >= MAX_INTENTOS) throw e;
        reintentos++;
        await dormir(20 * 2 ** Math.min(intento, 6));
      }
    }
  }
}
