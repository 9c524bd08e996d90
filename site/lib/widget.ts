/**
 * The difusor widget's content (issue 15): one election's summary for a news site to frame, computed from the
 * same entidad shard the portal reads, with the same leader (respuesta.ts) and the same truncated shares as the
 * bar charts. Also the snippet a difusor copies. Pure: no fetch, no DOM.
 */
import type { CorteInfo, EleccionInfo, Resultados } from './modelo.ts';
import { barrasPorCandidatura } from './barras.ts';
import type { Catalogo } from './opciones.ts';
import { fechaHora, participacionDe } from './formato.ts';
import { horaLocal } from './fallas.ts';
import { nombreCorte } from './corte.ts';
import { respuestaDe, type Respuesta } from './respuesta.ts';
import { hrefDe } from './ruta.ts';

/** Where the widget is served: the one portal path other sites may frame (worker/api/middleware/seguridad/politica.ts). */
export const RUTA_WIDGET = '/difusor/widget/';
/** The snippet's frame size: room for the card with a simulacro legend at phone width, so the host page never shifts. */
export const ANCHO_WIDGET = 400;
export const ALTO_WIDGET = 440;
/** How many candidaturas the card draws as bars. */
export const BARRAS_WIDGET = 3;

export interface BarraWidget {
  id: string;
  etiqueta: string;
  votos: number;
  /** Share of all votes (TOTAL_VOTOS_C_CS), truncated to 4 decimals, as the portal's charts show it. */
  porcentaje: number;
  colores: readonly string[];
}

export interface ResumenWidget {
  codigo: string;
  nombre: string;
  respuesta: Respuesta;
  /** The candidaturas with most votes, most first (at most BARRAS_WIDGET; none without votes). */
  barras: BarraWidget[];
  contabilizadas: number;
  /** "Corte nº 12, 02/06/2024, 20:05 (UTC-6)" or "Corte final, …". */
  corte: string;
  final: boolean;
  /** The election's full view in the portal. */
  href: string;
}

/** "Corte nº 12", or "Corte final" for the last corte of the night. */
export function etiquetaCorteWidget(c: Pick<CorteInfo, 'numero' | 'final'>): string {
  return c.final ? nombreCorte(c.numero, true) : `Corte nº ${c.numero}`;
}

export function resumenWidget(eleccion: EleccionInfo, resultados: Resultados, catalogo: Catalogo, corte: CorteInfo): ResumenWidget {
  const total = resultados.figuras.TOTAL_VOTOS_C_CS;
  // No vote columns passed: nulos and no registradas count in the total but are not candidaturas.
  const barras = barrasPorCandidatura(resultados.candidaturas, {}, catalogo)
    .filter((b) => b.votos > 0)
    .slice(0, BARRAS_WIDGET)
    .map((b) => ({ id: b.clave, etiqueta: b.etiqueta, votos: b.votos, porcentaje: participacionDe(b.votos, total), colores: b.colores }));
  return {
    codigo: eleccion.codigo,
    nombre: eleccion.nombre,
    respuesta: respuestaDe(resultados.candidaturas, total),
    barras,
    contabilizadas: resultados.figuras.PORCENTAJE_ACTAS_CONTABILIZADAS,
    corte: `${etiquetaCorteWidget(corte)}, ${fechaHora(corte.instante, corte.offsetMinutes)}`,
    final: corte.final,
    href: hrefDe({ vista: 'entidad', e: eleccion.codigo }),
  };
}

/** The election a widget URL names (`?e=GUB`), upper-cased; null when it names none. */
export function eleccionDeUrl(search: string): string | null {
  const e = new URLSearchParams(search).get('e')?.trim().toUpperCase() ?? '';
  return /^[A-Z_]{1,20}$/.test(e) ? e : null;
}

/**
 * The short note of a widget whose last check failed: what happened (fallas.ts) and that the figures shown are
 * the last received, and when; the widget retries by itself with the portal's poller.
 */
export function avisoWidget(queOcurrio: string, recibidosEn: number | null, offsetMinutes: number | null): string {
  if (recibidosEn === null || offsetMinutes === null) return `${queOcurrio} Se vuelve a intentar cada minuto.`;
  return `${queOcurrio} Cifras recibidas a las ${horaLocal(recibidosEn, offsetMinutes)}; se vuelve a intentar cada minuto.`;
}

const escapar = (s: string) => s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/** The HTML a difusor pastes into a page of theirs: a lazily loaded frame of this portal's widget. */
export function snippetWidget(origen: string, eleccion: { codigo: string; nombre: string }): string {
  const src = `${origen}${RUTA_WIDGET}?e=${encodeURIComponent(eleccion.codigo)}`;
  const titulo = `PREP: ${eleccion.nombre}, resultados preliminares`;
  return `<iframe src="${escapar(src)}" title="${escapar(titulo)}" width="${ANCHO_WIDGET}" height="${ALTO_WIDGET}" style="max-width:100%;border:0" loading="lazy"></iframe>`;
}
