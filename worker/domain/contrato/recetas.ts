/**
 * The few lines a newsroom pastes to load an election's results of the newest corte: pandas and R, for the tidy
 * CSV (`<ELECCION>_ORDENADO.csv`, read without options) and INE's layout (title and summary lines first). Shown by
 * the LEEME and the datos abiertos page from this one place, and run as written by the pandas and R tests
 * (worker/domain/corte/pandas.test.ts, r.test.ts), so the text a reader copies is the text that was tested.
 * The pointer (`datos/<entidad>/latest.json`) names each election's CSVs of the newest corte (`elecciones[].csv`).
 */
import { rutaLatest } from './rutas.ts';

export interface DatosReceta {
  /** The portal's origin, without a trailing slash (`https://…`; the LEEME, which has none, says `https://SITIO`). */
  base: string;
  entidad: number;
  /** The election's code (`GUB`). */
  eleccion: string;
}

/** What the LEEME writes where the portal writes its own origin. */
export const BASE_GENERICA = 'https://SITIO';

const puntero = (d: DatosReceta) => `${d.base}/${rutaLatest(d.entidad)}`;

/** pandas, tidy CSV: three lines, numbers as numbers, empty cells as NaN. */
export function recetaPandas(d: DatosReceta): string {
  return [
    'import json, urllib.request, pandas as pd',
    `p = json.load(urllib.request.urlopen("${puntero(d)}"))`,
    `df = pd.read_csv("${d.base}/" + next(e["csv"]["ordenado"] for e in p["elecciones"] if e["codigo"] == "${d.eleccion}"))`,
  ].join('\n');
}

/**
 * R's file name for one election in the pointer, as a base R regular expression: base R reads no JSON, and the
 * pointer's only string that is a path ending in `_PREP_<ELECCION>[_ORDENADO].csv` is that CSV's (csv-eleccion.ts).
 */
const patronCsv = (d: DatosReceta, sufijo: string) => `'datos/[^"]*_PREP_${d.eleccion}${sufijo}[.]csv'`;

/** The first two lines of both R recipes: the pointer as text, then the CSV's path found in it. */
const rutaEnR = (d: DatosReceta, sufijo: string) => [
  `p <- paste(readLines("${puntero(d)}", warn = FALSE), collapse = "")`,
  `csv <- regmatches(p, regexpr(${patronCsv(d, sufijo)}, p))`,
];

/**
 * R, tidy CSV: base R only (no package to install), three lines. `na.strings = ""`: an empty cell is NA in text
 * columns too (read.csv's default leaves `""` there), as in pandas.
 */
export function recetaR(d: DatosReceta): string {
  return [...rutaEnR(d, '_ORDENADO'), `df <- read.csv(paste0("${d.base}/", csv), na.strings = "", encoding = "UTF-8")`].join('\n');
}

/**
 * pandas, INE's layout (`elecciones[].csv.resultados`, also in the zip): the data header is line 5 (lines 1–4 are
 * the election, the corte and the summary), `-` / `Ilegible` / `Sin dato` are not numbers, keys keep their `'`.
 */
export function recetaPandasIne(d: DatosReceta): string {
  return [
    'import json, urllib.request, pandas as pd',
    `p = json.load(urllib.request.urlopen("${puntero(d)}"))`,
    `df = pd.read_csv("${d.base}/" + next(e["csv"]["resultados"] for e in p["elecciones"] if e["codigo"] == "${d.eleccion}"), skiprows=4, na_values=["-", "Ilegible", "Sin dato"])`,
  ].join('\n');
}

/** R, INE's layout: base R only; as for pandas, the data header is line 5 and `-` / `Ilegible` / `Sin dato` are NA. */
export function recetaRIne(d: DatosReceta): string {
  return [...rutaEnR(d, ''), `df <- read.csv(paste0("${d.base}/", csv), skip = 4, na.strings = c("-", "Ilegible", "Sin dato"), encoding = "UTF-8")`].join('\n');
}
