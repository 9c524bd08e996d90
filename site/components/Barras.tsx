/**
 * Votes as an accessible HTML bar chart: a real table (name, votes, percentage) that a screen reader reads as
 * such, with a decorative bar per row. Bars carry the option's colours (from the catalogue; a coalition shows
 * its parties' colours side by side) plus a distinct pattern per row, and every value is written as text, so the
 * chart reads the same without colour.
 */
import { entero, participacionDe, porcentaje } from '../lib/formato.ts';

export interface Barra {
  clave: string;
  /** Visible name: siglas or the coalition's name. */
  etiqueta: string;
  /** A second line: the parties of a coalition, the candidate… */
  detalle?: string | undefined;
  votos: number;
  /** Catalogue colours (#rrggbb); none for no registradas / nulos. */
  colores: readonly string[];
}

const PATRONES = [
  '',
  'repeating-linear-gradient(45deg, rgba(255,255,255,.55) 0 2px, transparent 2px 7px)',
  'repeating-linear-gradient(0deg, rgba(255,255,255,.55) 0 2px, transparent 2px 6px)',
  'radial-gradient(rgba(255,255,255,.65) 1.5px, transparent 1.6px) 0 0 / 6px 6px',
  'repeating-linear-gradient(90deg, rgba(255,255,255,.55) 0 2px, transparent 2px 6px)',
  'repeating-linear-gradient(-45deg, rgba(0,0,0,.35) 0 2px, transparent 2px 7px)',
  'repeating-linear-gradient(45deg, rgba(255,255,255,.5) 0 2px, transparent 2px 5px), repeating-linear-gradient(-45deg, rgba(255,255,255,.5) 0 2px, transparent 2px 5px)',
];
const GRIS = '#6b6b6b';

/** CSS background for a bar: hard-stop stripes of its colours, overlaid with the row's pattern. */
export function fondoBarra(colores: readonly string[], indice: number): string {
  const cs = colores.length > 0 ? colores : [GRIS];
  const paso = 100 / cs.length;
  const base =
    cs.length === 1
      ? cs[0]!
      : `linear-gradient(90deg, ${cs.map((c, i) => `${c} ${(i * paso).toFixed(2)}% ${((i + 1) * paso).toFixed(2)}%`).join(', ')})`;
  const patron = PATRONES[indice % PATRONES.length];
  return patron ? `${patron}, ${base}` : base;
}

interface Props {
  /** Caption of the table (what is counted and where). */
  titulo: string;
  barras: readonly Barra[];
  /** Denominator of the percentages (total votes of the territory). */
  total: number;
  /** Heading of the first column. */
  columna?: string;
}

/** The head of a table of votes: the option, its votes and its percentage (also the no-script summary's). */
export function EncabezadoVotos({ columna }: { columna: string }) {
  return (
    <thead>
      <tr>
        <th scope="col">{columna}</th>
        <th scope="col" class="num">
          Votos
        </th>
        <th scope="col" class="num">
          Porcentaje
        </th>
      </tr>
    </thead>
  );
}

export default function Barras({ titulo, barras, total, columna = 'Opción' }: Props) {
  return (
    <table class="barras">
      <caption>{titulo}</caption>
      <EncabezadoVotos columna={columna} />
      <tbody>
        {barras.map((b, i) => {
          const pct = participacionDe(b.votos, total);
          return (
            <tr key={b.clave} data-clave={b.clave}>
              <th scope="row">
                <span class="etiqueta">{b.etiqueta}</span>
                {b.detalle ? <span class="detalle">{b.detalle}</span> : null}
                <span class="pista" aria-hidden="true">
                  <span class="barra" style={{ width: `${Math.max(pct, pct > 0 ? 0.5 : 0)}%`, background: fondoBarra(b.colores, i) }} />
                </span>
              </th>
              <td class="num">{entero(b.votos)}</td>
              <td class="num">{porcentaje(pct)}</td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          <td class="num">{entero(total)}</td>
          <td class="num">{porcentaje(total > 0 ? 100 : 0)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
