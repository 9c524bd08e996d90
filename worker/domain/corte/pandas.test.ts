/**
 * A newsroom's first minute with the open data: Debian's pandas (python3-pandas) runs the recipes of the LEEME and
 * the datos abiertos page as written (contrato/recetas.ts), against a corte written to a folder as the Worker
 * serves it (`file://` URLs in place of `https://`), and the sums of every vote column and of the totals of the
 * counted actas must be the published summary: the entidad shard's and INE's summary line. `.ci/run` installs
 * python3-pandas; without it this test is skipped here, and fails in CI.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { catalogoEjemplo, FIXTURE_APERTURA_MS, fixtureActas } from '../../../test/ejemplos/eleccion.ts';
import { arbActasNoche, arbCatalogoNoche, INSTANTE_CORTE, modeloNoche } from '../../../test/ejemplos/noche-generada.ts';
import { pythonConPandas, sinPandas } from '../../../test/ejemplos/python-pandas.ts';
import type { ActaPublicada } from '../acta/publicada.ts';
import { recetaPandas, recetaPandasIne, rutaLatest, shardIds, type EntidadShard } from '../contrato/index.ts';
import { desdeUtf8, utf8 } from './bytes.ts';
import { prepararCorte } from './corte.ts';
import { EstadoCorte } from './estado.ts';
import { construirModelo, type CorteModelo } from './modelo.ts';

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

interface Sumas {
  filas: number;
  contabilizadas: number;
  votos: Record<string, number>;
  TOTAL_VOTOS_C_CS: number;
  TOTAL_VOTOS_S_CS: number;
  LISTA_NOMINAL_ACTAS_CONTABILIZADAS: number;
  no_numericas: string[];
  claves: string[];
  fechas: string[];
}

const carpetas: string[] = [];
afterAll(() => {
  for (const c of carpetas) rmSync(c, { recursive: true, force: true });
});

/** A corte written to a folder under its published keys; the recipes run against it with `file://` URLs. */
async function corteEnCarpeta(modelo: CorteModelo, actas: readonly ActaPublicada[], instante: number) {
  const estado = EstadoCorte.completo(modelo, actas).estado;
  const p = await prepararCorte(estado, { numero: 1, instante, secuencia: 1, final: false, anterior: null, cambios: [] });
  const dir = mkdtempSync(path.join(tmpdir(), 'prep-pandas-'));
  carpetas.push(dir);
  const escribir = (ruta: string, bytes: Uint8Array) => {
    mkdirSync(path.dirname(path.join(dir, ruta)), { recursive: true });
    writeFileSync(path.join(dir, ruta), bytes);
  };
  escribir(rutaLatest(modelo.entidad.id), utf8(JSON.stringify(p.puntero)));
  for (const a of p.csvContenidos) escribir(a.ruta, a.contenido);
  const entidad = (codigo: string) => JSON.parse(desdeUtf8(p.contenidos.get(shardIds.entidad(codigo))!)) as EntidadShard;
  return { base: `file://${dir}`, p, entidad };
}

function correrPandas(spec: unknown): Record<string, { ordenado: Sumas; ine: Sumas; resumen: Record<string, number> }> {
  const r = spawnSync(PYTHON!, ['-c', SCRIPT], { input: JSON.stringify(spec), encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`pandas falló:\n${r.stderr}`);
  return JSON.parse(r.stdout);
}

async function comprobar(modelo: CorteModelo, actas: readonly ActaPublicada[], instante: number): Promise<void> {
  const { base, p, entidad } = await corteEnCarpeta(modelo, actas, instante);
  const e = modelo.entidad.id;
  const elecciones = modelo.elecciones.map((em) => {
    const codigo = em.eleccion.codigo;
    const receta = { base, entidad: e, eleccion: codigo };
    const ruta = p.csv.find((c) => c.codigo === codigo)!.resultados.ruta;
    return { codigo, columnas: em.columnas, ordenado: recetaPandas(receta), ine: recetaPandasIne(receta), resumenIne: `${base}/${ruta}` };
  });
  const leido = correrPandas({ elecciones });
  for (const em of modelo.elecciones) {
    const codigo = em.eleccion.codigo;
    const { resultados } = entidad(codigo);
    const f = resultados.figuras;
    const { ordenado, ine, resumen } = leido[codigo]!;
    for (const s of [ordenado, ine]) {
      expect(s.no_numericas, codigo).toEqual([]);
      // One row per expected acta (per part of a split casilla) and per fuera de catálogo acta.
      expect(s.filas, codigo).toBe(em.actas.length + f.ACTAS_FUERA_CATALOGO);
      expect(s.contabilizadas, codigo).toBe(f.ACTAS_CONTABILIZADAS);
      expect(s.TOTAL_VOTOS_C_CS, codigo).toBe(f.TOTAL_VOTOS_C_CS);
      expect(s.TOTAL_VOTOS_S_CS, codigo).toBe(f.TOTAL_VOTOS_S_CS);
      expect(s.LISTA_NOMINAL_ACTAS_CONTABILIZADAS, codigo).toBe(f.LISTA_NOMINAL_ACTAS_CONTABILIZADAS);
      // Every vote column, against the entidad shard (which omits zeros).
      expect(s.votos, codigo).toEqual(Object.fromEntries(em.columnas.map((c) => [c, resultados.votos[c] ?? 0])));
    }
    // Both layouts have the same rows and keys; INE's summary line says what the shard says.
    expect(ordenado.filas).toBe(ine.filas);
    expect(ordenado.claves).toEqual(ine.claves);
    for (const k of ['ACTAS_CONTABILIZADAS', 'TOTAL_VOTOS_C_CS', 'TOTAL_VOTOS_S_CS', 'LISTA_NOMINAL_ACTAS_CONTABILIZADAS'] as const) expect(resumen[k], `${codigo} ${k}`).toBe(f[k]);
    for (const x of ordenado.fechas) expect(x).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
  }
}

describe.skipIf(PYTHON === null)("pandas loads both CSV layouts with the recipes' own lines", () => {
  it('the fixture election: Ilegible, Sin dato, pending and fuera de catálogo actas', async () => {
    const m = construirModelo(catalogoEjemplo);
    if (!m.ok) throw new Error(JSON.stringify(m.error));
    await comprobar(m.value, fixtureActas.map((f) => f.acta), FIXTURE_APERTURA_MS + 60 * 60_000);
  });

  it('generated nights (catalogues, ballots, split secciones and actas drawn at random)', async () => {
    const noches = fc.sample(
      arbCatalogoNoche.chain(({ catalogo }) => {
        const modelo = modeloNoche(catalogo);
        return arbActasNoche(modelo).map((actas) => ({ modelo, actas }));
      }),
      { numRuns: 3, seed: 15 },
    );
    for (const { modelo, actas } of noches) await comprobar(modelo, actas, INSTANTE_CORTE);
  });
});
