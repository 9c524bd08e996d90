/**
 * The institute's administrator during a drill: requests to the administration API with the night's admin token
 * (publish a corte by hand, create operators and issue their secrets, read the console), and the vigía's view
 * of the PREP from outside (latest.json and /health, as scripts/vigia/sondeo.ts reads them).
 */
import { PunteroSchema } from '../../worker/domain/corte/shards.ts';
import type { Observacion } from '../vigia/evaluacion.ts';

export class Administrador {
  private readonly url: string;
  private readonly token: string;

  constructor(url: string, token: string) {
    this.url = url.replace(/\/+$/, '');
    this.token = token;
  }

  /** One request to the API as the administrator; the status and the parsed body (null when not JSON). */
  async pedir(metodo: 'GET' | 'POST', ruta: string, json?: unknown): Promise<{ status: number; cuerpo: unknown }> {
    const r = await fetch(`${this.url}${ruta}`, {
      method: metodo,
      headers: { authorization: `Bearer ${this.token}`, ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    const texto = await r.text();
    let cuerpo: unknown = null;
    try {
      cuerpo = JSON.parse(texto);
    } catch {
      cuerpo = texto.slice(0, 300);
    }
    return { status: r.status, cuerpo };
  }

  /** Like pedir, but any status other than `esperados` is a failure of the drill. */
  async exigir(metodo: 'GET' | 'POST', ruta: string, json: unknown, esperados: readonly number[]): Promise<{ status: number; cuerpo: unknown }> {
    const r = await this.pedir(metodo, ruta, json);
    if (!esperados.includes(r.status)) throw new Error(`${metodo} ${ruta} respondió HTTP ${r.status}: ${JSON.stringify(r.cuerpo).slice(0, 300)}`);
    return r;
  }

  /** What the vigía would see at simulated instant `instante`: the published pointer and /health. */
  async observar(instante: number): Promise<Observacion> {
    const [latest, salud] = await Promise.all([fetch(`${this.url}/datos/latest.json`, { cache: 'no-store' }), fetch(`${this.url}/health`)]);
    await salud.body?.cancel();
    let publicacion: Observacion['publicacion'];
    if (latest.status === 404) {
      await latest.body?.cancel();
      publicacion = { tipo: 'ausente' };
    } else {
      const p = PunteroSchema.safeParse(await latest.json().catch(() => null));
      publicacion = p.success ? { tipo: 'corte', numero: p.data.numero, instante: p.data.instante, final: p.data.final } : { tipo: 'ilegible', motivo: `HTTP ${latest.status}` };
    }
    return { instante, publicacion, salud: salud.ok ? { ok: true } : { ok: false, motivo: `HTTP ${salud.status}` } };
  }
}
