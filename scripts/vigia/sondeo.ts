/**
 * The vigía's probes: what a member of the public would get from `latest.json` and `/health` right now, with a
 * time limit, turned into an Observacion. Every failure is an observation (never an exception): a PREP that
 * does not answer is exactly what the vigía is there to report.
 */
import { PunteroSchema } from '../../worker/domain/corte/shards.ts';
import { RUTA_LATEST_RAIZ } from '../../worker/domain/contrato/rutas.ts';
import type { Observacion } from './evaluacion.ts';

export interface OpcionesSondeo {
  base: string;
  limiteMs: number;
  pedir?: typeof fetch;
  ahora?: () => number;
}

const motivoDe = (e: unknown) => (e instanceof Error ? (e.name === 'TimeoutError' ? 'sin respuesta a tiempo' : e.message) : String(e));

async function leerPublicacion(o: OpcionesSondeo): Promise<Observacion['publicacion']> {
  const pedir = o.pedir ?? fetch;
  try {
    // no-store: the vigía must see what the origin publishes now, not what a cache along the way kept.
    const r = await pedir(new URL(RUTA_LATEST_RAIZ, o.base), { cache: 'no-store', signal: AbortSignal.timeout(o.limiteMs) });
    if (r.status === 404) return { tipo: 'ausente' };
    if (!r.ok) return { tipo: 'ilegible', motivo: `HTTP ${r.status}` };
    const p = PunteroSchema.safeParse(await r.json());
    if (!p.success) return { tipo: 'ilegible', motivo: 'no es un puntero de corte válido' };
    return { tipo: 'corte', numero: p.data.numero, instante: p.data.instante, final: p.data.final };
  } catch (e) {
    return { tipo: 'ilegible', motivo: motivoDe(e) };
  }
}

async function leerSalud(o: OpcionesSondeo): Promise<Observacion['salud']> {
  const pedir = o.pedir ?? fetch;
  try {
    const r = await pedir(new URL('health', o.base), { cache: 'no-store', signal: AbortSignal.timeout(o.limiteMs) });
    if (!r.ok) return { ok: false, motivo: `HTTP ${r.status}` };
    const cuerpo = (await r.json()) as { status?: unknown };
    return cuerpo.status === 'ok' ? { ok: true } : { ok: false, motivo: 'no dice status ok' };
  } catch (e) {
    return { ok: false, motivo: motivoDe(e) };
  }
}

export async function observar(o: OpcionesSondeo): Promise<Observacion> {
  const [publicacion, salud] = await Promise.all([leerPublicacion(o), leerSalud(o)]);
  return { instante: (o.ahora ?? Date.now)(), publicacion, salud };
}
