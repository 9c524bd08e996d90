/**
 * What the vigía (scripts/vigia.ts) concludes from one look at a PREP from outside, and when it calls the
 * webhook. Pure: the probes (scripts/vigia/sondeo.ts) bring the observations, the clock comes in as a number.
 *
 * Why outside: a Worker whose cron stopped firing cannot report that it stopped; only something that reads what
 * the public reads (`latest.json`, `/health`) can see the night stall.
 */

/** What one round of probes saw. */
export interface Observacion {
  /** When the probes ran (ms since the epoch). */
  instante: number;
  /** The newest corte as `latest.json` names it, or why it could not be read. */
  publicacion: { tipo: 'corte'; numero: number; instante: number; final: boolean } | { tipo: 'ausente' } | { tipo: 'ilegible'; motivo: string };
  /** `/health`: answered ok, or why not. */
  salud: { ok: true } | { ok: false; motivo: string };
}

export type CodigoProblema = 'PUBLICACION_AUSENTE' | 'PUBLICACION_ILEGIBLE' | 'CORTES_DETENIDOS' | 'WORKER_SIN_RESPUESTA';

export interface Problema {
  codigo: CodigoProblema;
  mensaje: string;
}

export interface Umbrales {
  /** A corte older than this (ms) while the night is not over means the cortes stalled. */
  maxEdadCorteMs: number;
  /** While problems last, the webhook is called again after this long (ms). */
  repetirMs: number;
}

const minutos = (ms: number) => new Intl.NumberFormat('es-MX', { maximumFractionDigits: 1 }).format(ms / 60_000);

/** The problems one observation shows; none when the PREP looks alive (or its final corte is out). */
export function problemasDe(o: Observacion, u: Umbrales): Problema[] {
  const problemas: Problema[] = [];
  const p = o.publicacion;
  if (p.tipo === 'ausente') problemas.push({ codigo: 'PUBLICACION_AUSENTE', mensaje: 'No hay latest.json publicado.' });
  if (p.tipo === 'ilegible') problemas.push({ codigo: 'PUBLICACION_ILEGIBLE', mensaje: `latest.json no se pudo leer: ${p.motivo}` });
  if (p.tipo === 'corte' && !p.final) {
    const edad = o.instante - p.instante;
    if (edad > u.maxEdadCorteMs) {
      problemas.push({
        codigo: 'CORTES_DETENIDOS',
        mensaje: `El corte más reciente (número ${p.numero}) tiene ${minutos(edad)} min; el máximo es ${minutos(u.maxEdadCorteMs)} min.`,
      });
    }
  }
  if (!o.salud.ok) problemas.push({ codigo: 'WORKER_SIN_RESPUESTA', mensaje: `/health no respondió bien: ${o.salud.motivo}` });
  return problemas;
}

/** What the vigía remembers between rounds: the problems it last reported, and when. */
export interface EstadoVigia {
  codigos: readonly CodigoProblema[];
  avisadoAt: number | null;
}

export const ESTADO_INICIAL: EstadoVigia = { codigos: [], avisadoAt: null };

/** The webhook's body. */
export interface Aviso {
  fuente: 'prep-vigia';
  estado: 'alerta' | 'recuperado';
  base: string;
  instante: string;
  problemas: Problema[];
}

/**
 * Whether this round calls the webhook: when the set of problems changed (a new one, or all gone: "recuperado"),
 * and again every `repetirMs` while they last. `siEntregado` is the state to keep only once the webhook took the
 * aviso, so that one it refused is sent again next round instead of being forgotten.
 */
export function decidirAviso(
  anterior: EstadoVigia,
  problemas: Problema[],
  o: Observacion,
  base: string,
  u: Umbrales,
): { aviso: Aviso | null; siEntregado: EstadoVigia } {
  const codigos = [...new Set(problemas.map((p) => p.codigo))].sort();
  const cambio = codigos.join() !== [...anterior.codigos].sort().join();
  const repetir = codigos.length > 0 && anterior.avisadoAt !== null && o.instante - anterior.avisadoAt >= u.repetirMs;
  if (!cambio && !repetir) return { aviso: null, siEntregado: anterior };
  const estado = codigos.length > 0 ? 'alerta' : 'recuperado';
  return {
    aviso: { fuente: 'prep-vigia', estado, base, instante: new Date(o.instante).toISOString(), problemas },
    siEntregado: { codigos, avisadoAt: o.instante },
  };
}
