/**
 * Cortes on the simulated clock, through the real cron path: the publication window is set to the simulated
 * night (PUT /api/v1/cortes/configuracion, confirmed by a second administrator) and the Worker's scheduled handler is invoked once per simulated
 * minute with that minute as its scheduled time (`/cdn-cgi/local/scheduled?cron=…&time=<ms>`, miniflare's
 * trigger endpoint under wrangler dev; the older `/__scheduled` of `--test-scheduled` ignores `time` and would use
 * the real clock); it decides by itself when a corte is due. After each invocation the published pointer
 * (/datos/latest.json) says which corte is the latest. At the close, the same path publishes the final corte.
 */
import { PunteroSchema } from '../../worker/domain/corte/shards.ts';
import type { EstadoNoche } from './estado.ts';
import { MINUTO } from './reloj.ts';

const dormir = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface OpcionesCron {
  url: string;
  /** The administrator's bearer token (the window is an admin setting). */
  tokenAdmin: string;
  /** A second administrator's token: the window change is applied when another admin confirms it (issue 17). */
  tokenConfirma: string;
  /** Election day (local date). */
  jornada: string;
  /** Publication window length in minutes. */
  duracionMin: number;
  cadenciaMin: number;
}

export class Cron {
  private readonly o: OpcionesCron;
  private readonly estado: EstadoNoche;
  private etagPuntero: string | null = null;

  constructor(o: OpcionesCron, estado: EstadoNoche) {
    this.o = o;
    this.estado = estado;
  }

  /** Sets the publication window to the simulated night (from 20:00 of the jornada). */
  async configurar(): Promise<void> {
    const r = await fetch(`${this.o.url}/api/v1/cortes/configuracion`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${this.o.tokenAdmin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ jornada: this.o.jornada, inicioMinutos: 20 * 60, duracionMinutos: this.o.duracionMin, cadenciaMinutos: this.o.cadenciaMin }),
    });
    if (r.status !== 202) throw new Error(`no se pudo solicitar la ventana de cortes: HTTP ${r.status} ${await r.text()}`);
    const { id } = (await r.json()) as { id: string };
    const c = await fetch(`${this.o.url}/api/v1/cortes/solicitudes/${id}/confirmar`, { method: 'POST', headers: { authorization: `Bearer ${this.o.tokenConfirma}` } });
    if (!c.ok) throw new Error(`no se pudo confirmar la ventana de cortes: HTTP ${c.status} ${await c.text()}`);
  }

  /** One cron invocation at simulated instant `ms` (the scheduled handler decides whether a corte is due). */
  async disparar(ms: number): Promise<void> {
    const r = await fetch(`${this.o.url}/cdn-cgi/local/scheduled?cron=${encodeURIComponent('* * * * *')}&time=${ms}`);
    const texto = await r.text();
    if (!r.ok) throw new Error(`el disparador programado respondió HTTP ${r.status}: ${texto.slice(0, 200)}`);
    this.estado.cortes.ticks++;
    await this.leerPuntero();
  }

  /** Invokes the cron once per simulated minute of the window as the clock reaches it, until `terminada()`. */
  async acompanar(terminada: () => boolean): Promise<void> {
    let ultimo = -1;
    while (!terminada()) {
      const m = Math.floor(this.estado.minuto);
      if (m > ultimo && m < this.o.duracionMin) {
        ultimo = m;
        await this.disparar(this.estado.apertura + m * MINUTO);
      } else await dormir(5);
    }
  }

  /**
   * At the close: the tick that publishes the final corte, then the pointer until it says so. A cron corte reaches
   * the edge cache's copy of the pointer within its freshness (worker/api/publico/cache-borde.ts: 5 s on the
   * simulated clock), so the first read after the tick may still be the corte before.
   */
  async dispararFinal(ms: number, esperaMs = 30_000): Promise<void> {
    await this.disparar(ms);
    const limite = Date.now() + esperaMs;
    while (!this.estado.final && Date.now() < limite) {
      await dormir(500);
      await this.leerPuntero();
    }
  }

  /** Reads /datos/latest.json (conditionally: most invocations publish nothing) into the night's state. */
  private async leerPuntero(): Promise<void> {
    const r = await fetch(`${this.o.url}/datos/latest.json`, { headers: this.etagPuntero ? { 'if-none-match': this.etagPuntero } : {} });
    if (r.status === 304 || r.status === 404) {
      await r.body?.cancel();
      return;
    }
    if (!r.ok) throw new Error(`/datos/latest.json respondió HTTP ${r.status}`);
    this.etagPuntero = r.headers.get('etag');
    const p = PunteroSchema.parse(await r.json());
    const c = this.estado.cortes;
    // Cortes are numbered 1, 2, … with no gap (worker/cortes/registro-d1.ts): the count does not depend on having
    // read every pointer (the edge cache may show one a few seconds late, and the next tick reads the newer one).
    c.publicados = p.numero;
    c.ultimo = p.numero;
    c.instante = p.instante;
    c.secuencia = p.secuencia;
    this.estado.final = p.final;
  }
}
