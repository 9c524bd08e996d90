/**
 * A newsroom's first minute with the open data: Debian's pandas (python3-pandas) runs the recipes of the LEEME and
 * the datos abiertos page as written (contrato/recetas.ts), against a corte written to a folder as the Worker
 * serves it (`file://` URLs in place of `https://`), and the sums of every vote column and of the totals of the
 * counted actas must be the published summary: the entidad shard's and INE's summary line. `.ci/run` installs
 * python3-pandas; without it this test is skipped here, and fails in CI. The R recipes: r.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, describe, it } from 'vitest';
import { pythonConPandas, sinPandas } from '../../../test/ejemplos/python-pandas.ts';
import { borrarCarpetas, comprobarSumas, corteEnCarpeta, type Leido, type Noche, nocheFixture, nochesGeneradas } from '../../../test/ejemplos/recetas-corte.ts';
import { recetaPandas, recetaPandasIne } from '../contrato/index.ts';

const PYTHON = pythonConPandas();
if (PYTHON === null) sinPandas('pandas.test.ts');

/**
 * Runs each election's two recipes, then sums what a newsroom sums. Reads `{ elecciones: [{ codigo, columnas,
 * ordenado, ine, resumenIne }] }` on stdin; `ordenado` / `ine` are recipes that leave `df`.
 */
const SCRIPT = `
import json, sys
import pandas as pd
spec = json.load(sys.stdin)
def sumas(df, columnas):
    c = df[df["CONTABILIZADA"] == 1]
    return {
        "filas": int(len(df)),
        "contabilizadas": int(len(c)),
        "votos": {k: int(c[k].fillna(0).sum()) for k in columnas},
        "TOTAL_VOTOS_C_CS": int(c["TOTAL_VOTOS_CALCULADO"].sum()),
        "TOTAL_VOTOS_S_CS": int(c[c["TIPO_CASILLA"] != "S"]["TOTAL_VOTOS_CALCULADO"].sum()),
        "LISTA_NOMINAL_ACTAS_CONTABILIZADAS": int(c["LISTA_NOMINAL"].sum()),
        "no_numericas": [k for k in columnas + ["TOTAL_VOTOS_CALCULADO", "LISTA_NOMINAL", "CONTABILIZADA", "SECCION"] if not pd.api.types.is_numeric_dtype(df[k])],
        "claves": sorted(df["CLAVE_ACTA"].dropna().astype(str).str.lstrip("'").tolist()),
        "fechas": df["FECHA_HORA_CAPTURA"].dropna().astype(str).head(3).tolist(),
    }
salida = {}
for e in spec["elecciones"]:
    r = {}
    for variante in ("ordenado", "ine"):
        ns = {}
        exec(e[variante], ns)
        r[variante] = sumas(ns["df"], e["columnas"])
    resumen = pd.read_csv(e["resumenIne"], skiprows=2, nrows=1)
    r["resumen"] = {k: float(resumen[k].iloc[0]) for k in resumen.columns}
    salida[e["codigo"]] = r
print(json.dumps(salida))
`;

afterAll(borrarCarpetas);

function correrPandas(spec: unknown): Leido {
  const r = spawnSync(PYTHON!, ['-c', SCRIPT], { input: JSON.stringify(spec), encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`pandas falló:\n${r.stderr}`);
  return JSON.parse(r.stdout);
}

async function comprobar(n: Noche): Promise<void> {
  const { elecciones, entidad } = await corteEnCarpeta(n, { ordenado: recetaPandas, ine: recetaPandasIne });
  comprobarSumas(n.modelo, entidad, correrPandas({ elecciones }));
}

describe.skipIf(PYTHON === null)("pandas loads both CSV layouts with the recipes' own lines", () => {
  it('the fixture election: Ilegible, Sin dato, pending and fuera de catálogo actas', async () => {
    await comprobar(nocheFixture());
  });

  it('generated nights (catalogues, ballots, split secciones and actas drawn at random)', async () => {
    for (const n of nochesGeneradas(3)) await comprobar(n);
  });
});
