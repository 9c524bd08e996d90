/**
 * A 5×7 bitmap font, enough for what a Mexican acta prints: capital letters (lower case is drawn as capitals,
 * as actas print it), digits, the punctuation of names and claves, and the acute accent, tilde and diaeresis
 * drawn above the letter (Á É Í Ó Ú Ñ Ü). Each glyph is seven rows of five columns, '#' for ink.
 */

export const ANCHO_GLIFO = 5;
export const ALTO_GLIFO = 7;
/** Horizontal advance of one character, in font pixels (the glyph and one column of space). */
export const AVANCE = ANCHO_GLIFO + 1;
/** Rows kept above the capital height for accents. */
export const MARGEN_ACENTO = 2;

const DIBUJOS: Record<string, string> = {
  '0': '.###./#...#/#..##/#.#.#/##..#/#...#/.###.',
  '1': '..#../.##../..#../..#../..#../..#../.###.',
  '2': '.###./#...#/....#/...#./..#../.#.../#####',
  '3': '#####/...#./..#../...#./....#/#...#/.###.',
  '4': '...#./..##./.#.#./#..#./#####/...#./...#.',
  '5': '#####/#..../####./....#/....#/#...#/.###.',
  '6': '..##./.#.../#..../####./#...#/#...#/.###.',
  '7': '#####/....#/...#./..#../.#.../.#.../.#...',
  '8': '.###./#...#/#...#/.###./#...#/#...#/.###.',
  '9': '.###./#...#/#...#/.####/....#/...#./.##..',
  A: '.###./#...#/#...#/#...#/#####/#...#/#...#',
  B: '####./#...#/#...#/####./#...#/#...#/####.',
  C: '.###./#...#/#..../#..../#..../#...#/.###.',
  D: '###../#..#./#...#/#...#/#...#/#..#./###..',
  E: '#####/#..../#..../####./#..../#..../#####',
  F: '#####/#..../#..../####./#..../#..../#....',
  G: '.###./#...#/#..../#.###/#...#/#...#/.####',
  H: '#...#/#...#/#...#/#####/#...#/#...#/#...#',
  I: '.###./..#../..#../..#../..#../..#../.###.',
  J: '..###/...#./...#./...#./...#./#..#./.##..',
  K: '#...#/#..#./#.#../##.../#.#../#..#./#...#',
  L: '#..../#..../#..../#..../#..../#..../#####',
  M: '#...#/##.##/#.#.#/#.#.#/#...#/#...#/#...#',
  N: '#...#/#...#/##..#/#.#.#/#..##/#...#/#...#',
  O: '.###./#...#/#...#/#...#/#...#/#...#/.###.',
  P: '####./#...#/#...#/####./#..../#..../#....',
  Q: '.###./#...#/#...#/#...#/#.#.#/#..#./.##.#',
  R: '####./#...#/#...#/####./#.#../#..#./#...#',
  S: '.####/#..../#..../.###./....#/....#/####.',
  T: '#####/..#../..#../..#../..#../..#../..#..',
  U: '#...#/#...#/#...#/#...#/#...#/#...#/.###.',
  V: '#...#/#...#/#...#/#...#/.#.#./.#.#./..#..',
  W: '#...#/#...#/#...#/#.#.#/#.#.#/#.#.#/.#.#.',
  X: '#...#/#...#/.#.#./..#../.#.#./#...#/#...#',
  Y: '#...#/#...#/.#.#./..#../..#../..#../..#..',
  Z: '#####/....#/...#./..#../.#.../#..../#####',
  ' ': '...../...../...../...../...../...../.....',
  '.': '...../...../...../...../...../.##../.##..',
  ',': '...../...../...../...../.##../..#../.#...',
  ':': '...../.##../.##../...../.##../.##../.....',
  ';': '...../.##../.##../...../.##../..#../.#...',
  '-': '...../...../...../.###./...../...../.....',
  '+': '...../..#../..#../#####/..#../..#../.....',
  '/': '...../....#/...#./..#../.#.../#..../.....',
  '(': '...#./..#../.#.../.#.../.#.../..#../...#.',
  ')': '.#.../..#../...#./...#./...#./..#../.#...',
  '#': '.#.#./.#.#./#####/.#.#./#####/.#.#./.#.#.',
  _: '...../...../...../...../...../...../#####',
  '°': '.##../#..#./.##../...../...../...../.....',
  '·': '...../...../...../.##../...../...../.....',
  "'": '..#../..#../.#.../...../...../...../.....',
  '"': '.#.#./.#.#./...../...../...../...../.....',
  '?': '.###./#...#/....#/...#./..#../...../..#..',
  '!': '..#../..#../..#../..#../..#../...../..#..',
  '&': '.##../#..#./#.#../.#.../#.#.#/#..#./.##.#',
  '%': '##.../##..#/...#./..#../.#.../#..##/...##',
  '=': '...../...../#####/...../#####/...../.....',
};

/** Marks drawn in the two rows above a letter, by combining character. */
const MARCAS: Record<string, string> = {
  '\u0301': '...#./..#..', // acute
  '\u0303': '.##.#/#..#.', // tilde
  '\u0308': '.#.#./.....', // diaeresis
};

/** One glyph: its ink as (column, row) pairs, rows counted from the top of the capital (marks are negative). */
export type Glifo = readonly (readonly [number, number])[];

function puntos(dibujo: string, filaInicial: number): [number, number][] {
  const r: [number, number][] = [];
  dibujo.split('/').forEach((fila, y) => {
    for (let x = 0; x < fila.length; x++) if (fila[x] === '#') r.push([x, y + filaInicial]);
  });
  return r;
}

const GLIFOS = new Map<string, Glifo>(Object.entries(DIBUJOS).map(([c, d]) => [c, puntos(d, 0)]));
const cache = new Map<string, Glifo>();

/**
 * The glyph of one character as written (Á, ñ, 7 …): its base letter in capitals plus the marks above it; a
 * character the font lacks is drawn as '?'.
 */
export function glifo(caracter: string): Glifo {
  const hecho = cache.get(caracter);
  if (hecho) return hecho;
  const [base = ' ', ...marcas] = [...caracter.toUpperCase().normalize('NFD')];
  const tinta = [...(GLIFOS.get(base) ?? GLIFOS.get('?')!)];
  for (const m of marcas) if (MARCAS[m]) tinta.push(...puntos(MARCAS[m], -MARGEN_ACENTO));
  cache.set(caracter, tinta);
  return tinta;
}

/** Whether the font draws this character itself (not as '?'). */
export function tieneGlifo(caracter: string): boolean {
  const [base = ' '] = [...caracter.toUpperCase().normalize('NFD')];
  return GLIFOS.has(base);
}

/** Width in font pixels of a text written with the font (no space after the last character). */
export function anchoTexto(texto: string): number {
  const n = [...texto].length;
  return n === 0 ? 0 : n * AVANCE - 1;
}
