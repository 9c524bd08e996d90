/**
 * What the leaders' map paints: for each territory row its leading candidatura (the table's own `lider`), and for
 * each candidatura that leads somewhere its catalogue colour plus a motif no other leader on the map has, so the
 * map reads without colour too. Motifs go to the leaders in catalogue order (coalitions first, then parties and
 * independents): distinct for up to nine leaders, which is more than one map ever has in practice.
 */
import type { FilaTerritorio } from './modelo.ts';
import { lider, nombreCandidatura, type Catalogo } from './opciones.ts';

/** Drawn over the colour, in the colour that contrasts with it; `lisa` has none. */
export const MOTIVOS = ['lisa', 'diagonal', 'puntos', 'horizontal', 'cuadricula', 'vertical', 'contradiagonal', 'cruzada', 'ajedrez'] as const;
export type Motivo = (typeof MOTIVOS)[number];

export interface Estilo {
  /** The candidatura id (siglas or coalition id). */
  id: string;
  nombre: string;
  /** Catalogue colour (#rrggbb): a coalition's first party's. */
  color: string;
  /** The motif's colour: black or white, whichever contrasts more with `color`. */
  tinta: string;
  motivo: Motivo;
}

export interface EntradaLeyenda extends Estilo {
  /** How many territories it leads. */
  territorios: number;
}

export interface MapaLideres {
  /** By territory id: the leader's style, or null when no candidatura leads (no votes yet, or a tie). */
  lideres: Map<number, Estilo | null>;
  /** The candidaturas that lead somewhere, most territories first. */
  leyenda: EntradaLeyenda[];
}

const GRIS = '#6b6b6b';

/** WCAG relative luminance of #rrggbb. */
function luminancia(hex: string): number {
  const canal = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * canal(1) + 0.7152 * canal(3) + 0.0722 * canal(5);
}

/** Black or white, whichever has the higher contrast ratio against `hex`. */
export function tintaDe(hex: string): string {
  const l = luminancia(hex);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}

/** Place of a candidatura in the catalogue: coalitions first, then parties (and independents); unknown ids last. */
function posicion(id: string, cat: Catalogo): number {
  const i = [...cat.coaliciones.map((c) => c.id), ...cat.partidos.map((p) => p.siglas)].indexOf(id);
  return i >= 0 ? i : Number.MAX_SAFE_INTEGER;
}

/** A candidatura's colour (a coalition's first party's) and the `indice`-th motif. */
export function estiloDe(id: string, cat: Catalogo, indice: number): Estilo {
  const coalicion = cat.coaliciones.find((c) => c.id === id);
  const siglas = coalicion ? coalicion.partidos[0] : id;
  const hex = cat.partidos.find((p) => p.siglas === siglas)?.color;
  const color = hex && /^#[0-9a-f]{6}$/i.test(hex) ? hex.toLowerCase() : GRIS;
  return { id, nombre: nombreCandidatura(id, cat), color, tinta: tintaDe(color), motivo: MOTIVOS[indice % MOTIVOS.length]! };
}

/** The leader of every row and the legend of those who lead. */
export function mapaLideres(filas: readonly Pick<FilaTerritorio, 'id' | 'candidaturas'>[], cat: Catalogo): MapaLideres {
  const porFila = filas.map((f) => [f.id, lider(f.candidaturas)?.id ?? null] as const);
  const cuenta = new Map<string, number>();
  for (const [, l] of porFila) if (l !== null) cuenta.set(l, (cuenta.get(l) ?? 0) + 1);
  const ids = [...cuenta.keys()].sort((a, b) => posicion(a, cat) - posicion(b, cat) || a.localeCompare(b));
  const estilos = new Map(ids.map((id, i) => [id, { ...estiloDe(id, cat, i), territorios: cuenta.get(id)! }]));
  const lideres = new Map(porFila.map(([id, l]) => [id, l === null ? null : estilos.get(l)!]));
  const leyenda = [...estilos.values()].sort((a, b) => b.territorios - a.territorios || a.nombre.localeCompare(b.nombre, 'es-MX'));
  return { lideres, leyenda };
}
