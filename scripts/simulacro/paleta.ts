/**
 * The 16 colours of a catalogue's actas: paper, print, ruling, smudge, the red of the SIMULACRO stamp, the blue
 * of the pen that writes the figures, grey, and the parties' own colours in the slots left (a catalogue with more
 * colours than slots gets the nearest one: an emblem square only has to look like its party's).
 */
import type { Partido } from '../../worker/domain/catalogo/esquema.ts';
import { COLOR } from './formulario.ts';
import type { Rgb } from './png.ts';

const FIJOS: Record<keyof typeof COLOR, Rgb> = {
  papel: 0xffffff,
  impresion: 0x1a1a1a,
  linea: 0xb8b8b8,
  mancha: 0x4a4550,
  sello: 0xc8102e,
  pluma: 0x1d3c8f,
  gris: 0x6e6e6e,
};

export interface Paleta {
  colores: Rgb[];
  /** Palette index of a party's colour by siglas. */
  indice: Map<string, number>;
}

const rgb = (hex: string): Rgb => Number.parseInt(hex.slice(1), 16);

function distancia(a: Rgb, b: Rgb): number {
  const d = (s: number) => ((a >> s) & 0xff) - ((b >> s) & 0xff);
  return d(16) ** 2 + d(8) ** 2 + d(0) ** 2;
}

export function paletaDe(partidos: readonly Partido[]): Paleta {
  const colores: Rgb[] = [];
  for (const [k, i] of Object.entries(COLOR)) colores[i] = FIJOS[k as keyof typeof COLOR];
  const indice = new Map<string, number>();
  for (const p of [...partidos].sort((a, b) => a.orden - b.orden)) {
    const c = rgb(p.color);
    let i = colores.indexOf(c);
    if (i < 0 && colores.length < 16) i = colores.push(c) - 1;
    if (i < 0) i = colores.reduce((mejor, x, j) => (distancia(x, c) < distancia(colores[mejor]!, c) ? j : mejor), 0);
    indice.set(p.siglas, i);
  }
  return { colores, indice };
}
