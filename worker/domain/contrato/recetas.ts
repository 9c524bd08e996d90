/**
 * The few lines a newsroom pastes to load an election's results of the newest corte: pandas and R, for the tidy
 * CSV (`<ELECCION>_ORDENADO.csv`, read without options) and INE's layout (title and summary lines first). Shown by
 * the LEEME and the datos abiertos page from this one place, and run as written by the pandas test
 * (worker/domain/corte/pandas.test.ts), so the text a reader copies is the text that was tested.
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

/** R (jsonlite), tidy CSV: three lines. */
export function recetaR(d: DatosReceta): string {
  return [
    'library(jsonlite)',
    `p <- fromJSON("${puntero(d)}")`,
    `df <- read.csv(paste0("${d.base}/", p$elecciones$csv$ordenado[p$elecciones$codigo == "${d.eleccion}"]), encoding = "UTF-8")`,
  ].join('\n');
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
