/**
 * The R side of a newsroom's first minute with the open data: Debian's R (r-base-core, base R only) sources the R
 * recipes of the LEEME and the datos abiertos page as written (contrato/recetas.ts) against a corte written to a
 * folder as the Worker serves it (`file://` URLs in place of `https://`), and the sums of every vote column and of
 * the totals of the counted actas must be the published summary, as in pandas.test.ts. `.ci/run` installs
 * r-base-core; without it this test is skipped here, and fails in CI.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { borrarCarpetas, comprobarSumas, corteEnCarpeta, type EleccionReceta, type Leido, type Noche, nocheFixture, nochesGeneradas } from '../../../test/ejemplos/recetas-corte.ts';
import { rscript, sinR } from '../../../test/ejemplos/rscript.ts';
import { recetaR, recetaRIne } from '../contrato/index.ts';

const RSCRIPT = rscript();
if (RSCRIPT === null) sinR('r.test.ts');

/**
 * Sums what a newsroom sums, and writes them as JSON (base R has no JSON writer). `sumas(df, columnas)` for the
 * `df` a recipe left; `resumen(url)`: INE's summary line (header on line 3, values on line 4).
 */
const FUNCIONES = String.raw`
cadena <- function(x) paste0('"', gsub('"', '\\"', gsub("\\", "\\\\", x, fixed = TRUE), fixed = TRUE), '"', recycle0 = TRUE)
numero <- function(x) format(x, scientific = FALSE, trim = TRUE)
objeto <- function(campos) paste0("{", paste0(cadena(names(campos)), ":", unlist(campos), collapse = ","), "}")
lista <- function(v) paste0("[", paste(v, collapse = ","), "]")
# A column with no value yet (every acta pending) is logical NA in R, float NaN in pandas: both sum to 0.
numerica <- function(v) is.numeric(v) || (is.logical(v) && all(is.na(v)))
suma <- function(v) numero(sum(as.numeric(v), na.rm = TRUE))
sumas <- function(df, columnas) {
  cont <- df[!is.na(df$CONTABILIZADA) & df$CONTABILIZADA == 1, ]
  numericas <- c(columnas, "TOTAL_VOTOS_CALCULADO", "LISTA_NOMINAL", "CONTABILIZADA", "SECCION")
  objeto(list(
    filas = numero(nrow(df)),
    contabilizadas = numero(nrow(cont)),
    votos = objeto(setNames(lapply(columnas, function(k) suma(cont[[k]])), columnas)),
    TOTAL_VOTOS_C_CS = suma(cont$TOTAL_VOTOS_CALCULADO),
    TOTAL_VOTOS_S_CS = suma(cont$TOTAL_VOTOS_CALCULADO[cont$TIPO_CASILLA != "S"]),
    LISTA_NOMINAL_ACTAS_CONTABILIZADAS = suma(cont$LISTA_NOMINAL),
    no_numericas = lista(cadena(numericas[!vapply(numericas, function(k) numerica(df[[k]]), TRUE)])),
    claves = lista(cadena(sort(sub("^'", "", as.character(na.omit(df$CLAVE_ACTA)))))),
    fechas = lista(cadena(head(as.character(na.omit(df$FECHA_HORA_CAPTURA)), 3)))
  ))
}
resumen <- function(url) {
  r <- read.csv(url, skip = 2, nrows = 1)
  objeto(lapply(r[vapply(r, is.numeric, TRUE)], numero))
}
receta <- function(archivo) {
  e <- new.env()
  source(archivo, local = e)
  get("df", envir = e)
}
`;

afterAll(borrarCarpetas);

/** JSON's string literal is R's for these ASCII paths, codes and column names. */
const r = (x: string) => JSON.stringify(x);

/** One R program: each election's recipes sourced from their own files, as a reader pastes them. */
function programa(elecciones: readonly EleccionReceta[], dir: string): string {
  const partes = elecciones.map((e) => {
    const archivo = (variante: 'ordenado' | 'ine') => {
      const f = path.join(dir, `${e.codigo}-${variante}.R`);
      writeFileSync(f, `${e[variante]}\n`);
      return r(f);
    };
    const columnas = `c(${e.columnas.map(r).join(', ')})`;
    return `paste0(${r(JSON.stringify(e.codigo))}, ':{"ordenado":', sumas(receta(${archivo('ordenado')}), ${columnas}), ',"ine":', sumas(receta(${archivo('ine')}), ${columnas}), ',"resumen":', resumen(${r(e.resumenIne)}), '}')`;
  });
  return `${FUNCIONES}\ncat("{", paste(c(${partes.join(',\n')}), collapse = ","), "}", sep = "")\n`;
}

function correrR(elecciones: readonly EleccionReceta[]): Leido {
  const dir = mkdtempSync(path.join(tmpdir(), 'prep-r-'));
  const archivo = path.join(dir, 'sumas.R');
  try {
    writeFileSync(archivo, programa(elecciones, dir));
    const x = spawnSync(RSCRIPT!, ['--vanilla', archivo], { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (x.status !== 0) throw new Error(`R falló:\n${x.stderr}`);
    return JSON.parse(x.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function comprobar(n: Noche): Promise<void> {
  const { elecciones, entidad } = await corteEnCarpeta(n, { ordenado: recetaR, ine: recetaRIne });
  comprobarSumas(n.modelo, entidad, correrR(elecciones));
}

describe.skipIf(RSCRIPT === null)("base R loads both CSV layouts with the recipes' own lines", () => {
  it('the fixture election: Ilegible, Sin dato, pending and fuera de catálogo actas', async () => {
    await comprobar(nocheFixture());
  });

  it('generated nights (catalogues, ballots, split secciones and actas drawn at random)', async () => {
    for (const n of nochesGeneradas(3)) await comprobar(n);
  });
});
