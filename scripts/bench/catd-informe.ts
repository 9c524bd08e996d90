/**
 * The report of `npm run bench:catd` (catd-pantallas.ts): what one operator waits for on the CATD screens, next
 * to the same request made straight to the API, as percentiles and the difference; and which requests a screen
 * made per acta. Pure: measurements in, markdown out.
 */
import { unDecimal } from '../lib/formato.ts';
import { percentil } from '../lib/percentil.ts';

const vecesFmt = new Intl.NumberFormat('es-MX', { maximumFractionDigits: 1 });
const formatoVeces = (x: number) => vecesFmt.format(x);
const ms = unDecimal;

export interface Resumen {
  n: number;
  p50: number;
  p95: number;
}

export function resumir(ms: readonly number[]): Resumen {
  return { n: ms.length, p50: percentil(ms, 0.5), p95: percentil(ms, 0.95) };
}

/**
 * A request as the report names it: method and path, the acta's clave as {clave} and the query left out, so the
 * requests of different actas count as the same one.
 */
export function nombreDePeticion(metodo: string, url: string): string {
  const ruta = new URL(url, 'http://x').pathname.replace(/\/actas\/[^/]+/, '/actas/{clave}');
  return `${metodo.toUpperCase()} ${ruta}`;
}

/** How many of each request per acta, most frequent first: `1 × POST /api/v1/acopio` (a fraction when not every acta made it). */
export function peticionesPorActa(porActa: readonly (readonly string[])[]): string {
  if (porActa.length === 0) return '—';
  const cuenta = new Map<string, number>();
  for (const lista of porActa) for (const p of lista) cuenta.set(p, (cuenta.get(p) ?? 0) + 1);
  const total = porActa.reduce((s, l) => s + l.length, 0) / porActa.length;
  const partes = [...cuenta]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([p, c]) => `${formatoVeces(c / porActa.length)} × \`${p}\``);
  return `${formatoVeces(total)}: ${partes.join(', ')}`;
}


/** One row: what is waited for, measured against the API alone (null: the API row itself, or a part of a row). */
export interface FilaLatencia {
  que: string;
  medida: Resumen;
  contra: Resumen | null;
}

/** The difference and the ratio of the medians, `+12.3 ms (×1.4)`; the p95 difference after a slash. */
export function diferencia(m: Resumen, base: Resumen): string {
  const signo = (x: number) => (x >= 0 ? '+' : '−');
  const d50 = m.p50 - base.p50;
  const d95 = m.p95 - base.p95;
  const razon = base.p50 > 0 ? ` (×${unDecimal(m.p50 / base.p50)})` : '';
  return `${signo(d50)}${ms(Math.abs(d50))}${razon} / ${signo(d95)}${ms(Math.abs(d95))}`;
}

export function tablaLatencias(filas: readonly FilaLatencia[]): string {
  const lineas = [
    '| what the operator waits for | n | p50 ms | p95 ms | over the API alone: p50 (ratio) / p95 ms |',
    '|---|---:|---:|---:|---|',
  ];
  for (const f of filas) {
    lineas.push(`| ${f.que} | ${f.medida.n} | ${ms(f.medida.p50)} | ${ms(f.medida.p95)} | ${f.contra ? diferencia(f.medida, f.contra) : ''} |`);
  }
  return lineas.join('\n');
}
