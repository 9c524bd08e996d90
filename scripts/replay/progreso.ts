/**
 * The progress of a replay's sending phase, as the simulacro shows its night: actas done out of the total,
 * requests answered by step (acopio, imagen, 1st capture, 2nd capture that verifies it, cotejo), how the actas
 * ended (verified, sin acta, fuera de catálogo, corrected, refused), requests and actas per second, elapsed time and
 * time left, retries and requests in flight. Pure: the caller says what happened and when (ms); the lines are
 * es-MX text for scripts/lib/pantalla.ts.
 */
import { barra, numero, reloj, unDecimal } from '../lib/formato.ts';
import type { ActaReplay } from './plan.ts';

/** The steps of scripts/replay/solicitudes.ts, by their `paso`. */
type TipoPaso = 'ACOPIO' | 'IMAGEN' | 'CAPTURA' | 'COTEJO';

/** How an acta's sending ended. */
export type Desenlace = 'verificada' | 'sin_acta' | 'fuera_catalogo' | 'corregida' | 'rechazada';

/** The step columns in display order; the 2nd capture is the one that verifies the acta. */
const PASOS = ['acopio', 'imagen', 'captura 1', 'captura 2 → verificada', 'cotejo'] as const;
export type ClasePaso = (typeof PASOS)[number];

/** The rate shown and the time left come from the last this many ms (a steady figure that still follows changes). */
export const VENTANA_MS = 15_000;

export interface ProgresoEnvio {
  readonly actas: number;
  readonly solicitudesPlaneadas: number;
  readonly inicioMs: number;
  terminadas: number;
  solicitudes: number;
  readonly pasos: Record<ClasePaso, number>;
  readonly desenlaces: Record<Desenlace, number>;
  reintentos: number;
  enVuelo: number;
  /** (ms, requests answered) at each answer within the last VENTANA_MS, oldest first. */
  readonly muestras: Array<{ ms: number; solicitudes: number; terminadas: number }>;
}

/** `pasosPorActa`: how many requests each acta to send takes (their sum is the work to do). */
export function progresoEnvio(pasosPorActa: readonly number[], inicioMs: number): ProgresoEnvio {
  return {
    actas: pasosPorActa.length,
    solicitudesPlaneadas: pasosPorActa.reduce((s, n) => s + n, 0),
    inicioMs,
    terminadas: 0,
    solicitudes: 0,
    pasos: Object.fromEntries(PASOS.map((p) => [p, 0])) as Record<ClasePaso, number>,
    desenlaces: { verificada: 0, sin_acta: 0, fuera_catalogo: 0, corregida: 0, rechazada: 0 },
    reintentos: 0,
    enVuelo: 0,
    muestras: [{ ms: inicioMs, solicitudes: 0, terminadas: 0 }],
  };
}

/** The column of step `n` of an acta whose steps are `pasos` (a capture is the 1st or the 2nd of the acta). */
export function clasePaso(pasos: readonly { paso: TipoPaso }[], n: number): ClasePaso {
  const p = pasos[n]!.paso;
  if (p !== 'CAPTURA') return p === 'ACOPIO' ? 'acopio' : p === 'IMAGEN' ? 'imagen' : 'cotejo';
  const previas = pasos.slice(0, n).filter((x) => x.paso === 'CAPTURA').length;
  return previas === 0 ? 'captura 1' : 'captura 2 → verificada';
}

/** How an acta ended: refused, corrected (it went through a cotejo), or by what the file registered. */
export function desenlaceDe(tipo: ActaReplay['registro']['tipo'], pasos: readonly { paso: TipoPaso }[], falla: string | null): Desenlace {
  if (falla !== null) return 'rechazada';
  if (pasos.some((p) => p.paso === 'COTEJO')) return 'corregida';
  return tipo === 'sin_acta' ? 'sin_acta' : tipo === 'fuera_catalogo' ? 'fuera_catalogo' : 'verificada';
}

function muestrear(p: ProgresoEnvio, ms: number): void {
  p.muestras.push({ ms, solicitudes: p.solicitudes, terminadas: p.terminadas });
  // Keep one sample older than the window, so the window's rate always has a start.
  while (p.muestras.length > 2 && p.muestras[1]!.ms <= ms - VENTANA_MS) p.muestras.shift();
}

/** One request answered. */
export function anotarPaso(p: ProgresoEnvio, clase: ClasePaso, ms: number): void {
  p.pasos[clase]++;
  p.solicitudes++;
  muestrear(p, ms);
}

/** One acta done (all its steps, or refused at one). */
export function anotarActa(p: ProgresoEnvio, d: Desenlace, ms: number): void {
  p.desenlaces[d]++;
  p.terminadas++;
  muestrear(p, ms);
}

export interface Ritmo {
  segundos: number;
  /** Over the last VENTANA_MS (the whole run while it is shorter). */
  actasPorSegundo: number;
  solicitudesPorSegundo: number;
  /** From the requests still to send at the current rate; null before there is a rate. */
  restanteMs: number | null;
}

export function ritmo(p: ProgresoEnvio, ms: number): Ritmo {
  const desde = p.muestras[0]!;
  const dt = (ms - desde.ms) / 1000;
  const solicitudesPorSegundo = dt > 0 ? (p.solicitudes - desde.solicitudes) / dt : 0;
  const actasPorSegundo = dt > 0 ? (p.terminadas - desde.terminadas) / dt : 0;
  // Requests, not actas, measure the work left: a sin acta is one request, a captured acta four.
  const faltan = Math.max(0, p.solicitudesPlaneadas - p.solicitudes);
  const restanteMs = faltan === 0 ? 0 : solicitudesPorSegundo > 0 ? (faltan / solicitudesPorSegundo) * 1000 : null;
  return { segundos: (ms - p.inicioMs) / 1000, actasPorSegundo, solicitudesPorSegundo, restanteMs };
}

/** The status lines: progress and rates; requests by step and actas by outcome; incidents. */
export function lineasProgreso(p: ProgresoEnvio, ms: number, titulo = 'envío'): string[] {
  const r = ritmo(p, ms);
  const fraccion = p.solicitudesPlaneadas === 0 ? 1 : p.solicitudes / p.solicitudesPlaneadas;
  const d = p.desenlaces;
  const pasos = PASOS.filter((c) => c !== 'cotejo' || p.pasos.cotejo > 0).map((c) => `${c} ${numero(p.pasos[c])}`);
  const desenlaces = [
    `verificadas ${numero(d.verificada)}`,
    `sin acta ${numero(d.sin_acta)}`,
    `fuera de catálogo ${numero(d.fuera_catalogo)}`,
    ...(d.corregida > 0 ? [`corregidas ${numero(d.corregida)}`] : []),
  ];
  const falta = r.restanteMs === null ? '—' : reloj(r.restanteMs);
  return [
    `${titulo} ▕${barra(fraccion)}▏ ${String(Math.floor(fraccion * 100)).padStart(3)} %  actas ${numero(p.terminadas)}/${numero(p.actas)} · ` +
      `${unDecimal(r.actasPorSegundo)} actas/s · ${unDecimal(r.solicitudesPorSegundo)} solicitudes/s · transcurrido ${reloj(ms - p.inicioMs)} · falta ${falta}`,
    `solicitudes ${numero(p.solicitudes)}/${numero(p.solicitudesPlaneadas)}: ${pasos.join(' · ')} │ actas: ${desenlaces.join(' · ')}`,
    `rechazadas ${numero(d.rechazada)} · reintentos ${numero(p.reintentos)} · en vuelo ${numero(p.enVuelo)}`,
  ];
}

/** The closing line: what was sent, how fast over the whole run, how it ended. Keeps «N actas enviadas por la API». */
export function lineaFinal(p: ProgresoEnvio, ms: number, reintentos: string): string {
  const s = (ms - p.inicioMs) / 1000;
  const porSegundo = (x: number) => unDecimal(s > 0 ? x / s : 0);
  const d = p.desenlaces;
  const partes = [
    `${numero(d.verificada)} verificadas`,
    `${numero(d.sin_acta)} sin acta`,
    `${numero(d.fuera_catalogo)} fuera de catálogo`,
    ...(d.corregida > 0 ? [`${numero(d.corregida)} corregidas`] : []),
    `${numero(d.rechazada)} rechazadas`,
  ];
  return (
    `${numero(p.terminadas)} actas enviadas por la API en ${unDecimal(s)} s (${porSegundo(p.terminadas)} actas/s, ` +
    `${numero(p.solicitudes)} solicitudes, ${porSegundo(p.solicitudes)} por segundo): ${partes.join(', ')}` +
    (reintentos ? `; reintentos: ${reintentos}` : '')
  );
}
