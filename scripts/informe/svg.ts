/**
 * The report's charts as inline SVG (no script, no external request: the HTML prints and archives as it is).
 * Each chart is an accessible image (role="img" with a title) and the same figures are also in a table beside it.
 */
import { escapar } from './formato.ts';

const ANCHO = 640;
const ALTO = 220;
const M = { izq: 48, der: 12, arr: 12, abajo: 36 };
const PALETA = ['#1f5fa8', '#c2410c', '#15803d', '#7e22ce', '#a16207', '#0f766e'];
export const color = (i: number): string => PALETA[i % PALETA.length]!;

const n = (x: number) => Number(x.toFixed(1));

function lienzo(titulo: string, cuerpo: string, alto = ALTO): string {
  return `<svg viewBox="0 0 ${ANCHO} ${alto}" width="100%" role="img" aria-label="${escapar(titulo)}" xmlns="http://www.w3.org/2000/svg"><title>${escapar(titulo)}</title>${cuerpo}</svg>`;
}

const texto = (x: number, y: number, t: string, ancla = 'middle', clase = 'eje') =>
  `<text x="${n(x)}" y="${n(y)}" text-anchor="${ancla}" class="${clase}">${escapar(t)}</text>`;

/** Vertical bars, one per bin, labelled below; `etiquetas[i]` names bin i. */
export function barras(titulo: string, conteos: readonly number[], etiquetas: readonly string[]): string {
  const max = Math.max(1, ...conteos);
  const w = (ANCHO - M.izq - M.der) / Math.max(1, conteos.length);
  const h = ALTO - M.arr - M.abajo;
  const cuerpo = conteos
    .map((c, i) => {
      const alto = (c / max) * h;
      const x = M.izq + i * w;
      return (
        `<rect x="${n(x + 2)}" y="${n(M.arr + h - alto)}" width="${n(w - 4)}" height="${n(alto)}" fill="${color(0)}"><title>${escapar(`${etiquetas[i]}: ${c}`)}</title></rect>` +
        (c > 0 ? texto(x + w / 2, M.arr + h - alto - 3, String(c), 'middle', 'valor') : '') +
        texto(x + w / 2, ALTO - M.abajo + 14, etiquetas[i] ?? '', 'middle')
      );
    })
    .join('');
  const eje = `<line x1="${M.izq}" y1="${M.arr + h}" x2="${ANCHO - M.der}" y2="${M.arr + h}" class="linea-eje"/>`;
  return lienzo(titulo, eje + cuerpo + texto(M.izq - 6, M.arr + 8, String(max), 'end'));
}

export interface Serie {
  nombre: string;
  puntos: readonly (readonly [number, number])[];
  discontinua?: boolean;
}

/**
 * Step lines over time (a corte's figure holds until the next corte), y from 0 to `maxY`. `etiquetaX` writes an
 * instant on the axis; five ticks.
 */
export function escalones(titulo: string, series: readonly Serie[], maxY: number, etiquetaX: (t: number) => string, etiquetaY: (y: number) => string): string {
  const ts = series.flatMap((s) => s.puntos.map((p) => p[0]));
  if (ts.length === 0) return lienzo(titulo, texto(ANCHO / 2, ALTO / 2, 'Sin cortes publicados'));
  const t0 = Math.min(...ts);
  const t1 = Math.max(t0 + 1, ...ts);
  const w = ANCHO - M.izq - M.der;
  const h = ALTO - M.arr - M.abajo;
  const x = (t: number) => M.izq + ((t - t0) / (t1 - t0)) * w;
  const y = (v: number) => M.arr + h - (Math.min(v, maxY) / maxY) * h;
  const lineas = series
    .map((s, i) => {
      const d = s.puntos.map(([t, v], j) => (j === 0 ? `M${n(x(t))},${n(y(v))}` : `H${n(x(t))} V${n(y(v))}`)).join(' ');
      return `<path d="${d}" fill="none" stroke="${color(Math.floor(i / 2))}" stroke-width="2"${s.discontinua ? ' stroke-dasharray="5 3"' : ''}><title>${escapar(s.nombre)}</title></path>`;
    })
    .join('');
  const marcas = [0, 0.25, 0.5, 0.75, 1]
    .map((f) => texto(M.izq + f * w, ALTO - M.abajo + 14, etiquetaX(t0 + f * (t1 - t0)), f === 0 ? 'start' : f === 1 ? 'end' : 'middle'))
    .join('');
  const rejilla = [0, 0.5, 1]
    .map((f) => `<line x1="${M.izq}" x2="${ANCHO - M.der}" y1="${n(y(f * maxY))}" y2="${n(y(f * maxY))}" class="rejilla"/>${texto(M.izq - 6, y(f * maxY) + 4, etiquetaY(f * maxY), 'end')}`)
    .join('');
  return lienzo(titulo, rejilla + lineas + marcas);
}

/** The cortes on a time axis: one bar per corte, as tall as the actas it processed; the final one marked. */
export function lineaDeTiempo(titulo: string, cortes: readonly { instante: number; actas: number; final: boolean; numero: number }[], etiquetaX: (t: number) => string): string {
  if (cortes.length === 0) return lienzo(titulo, texto(ANCHO / 2, ALTO / 2, 'Sin cortes publicados'));
  const t0 = Math.min(...cortes.map((c) => c.instante));
  const t1 = Math.max(t0 + 1, ...cortes.map((c) => c.instante));
  const max = Math.max(1, ...cortes.map((c) => c.actas));
  const w = ANCHO - M.izq - M.der;
  const h = ALTO - M.arr - M.abajo;
  const x = (t: number) => M.izq + ((t - t0) / (t1 - t0)) * w;
  const barras = cortes
    .map((c) => {
      const alto = Math.max(2, (c.actas / max) * h);
      const fill = c.final ? color(1) : color(0);
      return `<rect x="${n(x(c.instante) - 2)}" y="${n(M.arr + h - alto)}" width="4" height="${n(alto)}" fill="${fill}"><title>${escapar(`Corte ${c.numero}: ${c.actas} actas${c.final ? ' (final)' : ''}`)}</title></rect>`;
    })
    .join('');
  const marcas = [0, 0.5, 1].map((f) => texto(M.izq + f * w, ALTO - M.abajo + 14, etiquetaX(t0 + f * (t1 - t0)), f === 0 ? 'start' : f === 1 ? 'end' : 'middle')).join('');
  const eje = `<line x1="${M.izq}" y1="${M.arr + h}" x2="${ANCHO - M.der}" y2="${M.arr + h}" class="linea-eje"/>`;
  return lienzo(titulo, eje + barras + marcas + texto(M.izq - 6, M.arr + 8, String(max), 'end'));
}
