/**
 * The night over time (issue 15), as pure computation: which past cortes to read, what each contributes (% actas
 * contabilizadas, each candidatura's share, who leads), which candidaturas get a line, and where every point
 * falls in the chart. The loading is publicacionHistoria.ts's; the drawing is components/Noche.tsx.
 */
import { porcentajeTruncado, valorPorcentaje } from '../../worker/domain/contrato/index.ts';
import { respuestaDe } from './respuesta.ts';
import type { Resultados } from './modelo.ts';

/** At most this many cortes are read: each is one more entidad shard (and its manifest) to fetch. */
export const MAXIMO_CORTES = 12;

/** One corte of the chart: its figures as its entidad shard published them. */
export interface PuntoNoche {
  numero: number;
  /** Epoch ms. */
  instante: number;
  final: boolean;
  /** PORCENTAJE_ACTAS_CONTABILIZADAS (12.3456). */
  contabilizadas: number;
  /** Each candidatura with votes: its truncated 4-decimal share of TOTAL_VOTOS_C_CS, as the answer block shows it. */
  porcentajes: Record<string, number>;
  /** The candidatura with most votes; null with no votes or a tie. */
  lider: string | null;
}

/**
 * `maximo` items spread evenly over `lista`, the first and the last always among them (the night's start and
 * where it stands now); the whole list when it is short enough.
 */
export function muestrear<T>(lista: readonly T[], maximo = MAXIMO_CORTES): T[] {
  if (lista.length <= maximo) return [...lista];
  if (maximo <= 1) return lista.slice(-1);
  const indices = new Set<number>();
  for (let i = 0; i < maximo; i++) indices.add(Math.round((i * (lista.length - 1)) / (maximo - 1)));
  return [...indices].sort((a, b) => a - b).map((i) => lista[i]!);
}

export function puntoDe(corte: { numero: number; instante: number; final: boolean }, r: Resultados): PuntoNoche {
  const total = r.figuras.TOTAL_VOTOS_C_CS;
  const respuesta = respuestaDe(r.candidaturas, total);
  const porcentajes: Record<string, number> = {};
  // Every candidatura with votes, not only the first two: a line must not vanish when its candidatura drops to third.
  for (const [id, votos] of Object.entries(r.candidaturas)) if (votos > 0) porcentajes[id] = valorPorcentaje(porcentajeTruncado(votos, total));
  return {
    numero: corte.numero,
    instante: corte.instante,
    final: corte.final,
    contabilizadas: r.figuras.PORCENTAJE_ACTAS_CONTABILIZADAS,
    porcentajes,
    lider: respuesta.tipo === 'lider' ? respuesta.primero.id : null,
  };
}

/**
 * The candidaturas drawn: every one that led at some corte, and the newest corte's second place, so even a night
 * with a single leader shows the race. Ordered by their share at the newest corte, highest first.
 */
export function lineasDe(puntos: readonly PuntoNoche[]): string[] {
  const ultimo = puntos.at(-1);
  if (!ultimo) return [];
  const ids = new Set(puntos.flatMap((p) => (p.lider ? [p.lider] : [])));
  const porUltimo = Object.entries(ultimo.porcentajes).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const segundo = porUltimo.find(([id]) => id !== ultimo.lider);
  if (segundo && ids.size > 0) ids.add(segundo[0]);
  const valor = (id: string) => ultimo.porcentajes[id] ?? 0;
  return [...ids].sort((a, b) => valor(b) - valor(a) || a.localeCompare(b));
}

/** The chart's box in SVG units; the plot leaves room for the axis labels. */
export const CAJA = { ancho: 320, alto: 180, izquierda: 36, derecha: 8, arriba: 8, abajo: 22 } as const;

/**
 * Where each corte falls: x by its order (cortes are not evenly spaced in time, and equal steps keep each one
 * readable), y on a fixed 0–100 % scale, so the lines of % contabilizadas and of the shares are comparable.
 */
export function coordenadas(valores: readonly number[]): { x: number; y: number }[] {
  const anchoUtil = CAJA.ancho - CAJA.izquierda - CAJA.derecha;
  const altoUtil = CAJA.alto - CAJA.arriba - CAJA.abajo;
  const paso = valores.length > 1 ? anchoUtil / (valores.length - 1) : 0;
  return valores.map((v, i) => ({
    x: Math.round((CAJA.izquierda + (valores.length > 1 ? i * paso : anchoUtil / 2)) * 100) / 100,
    y: Math.round((CAJA.arriba + altoUtil * (1 - Math.min(100, Math.max(0, v)) / 100)) * 100) / 100,
  }));
}
