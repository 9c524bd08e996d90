/**
 * What the tests of the published recipes (pandas.test.ts, r.test.ts) share: a corte written to a folder as the
 * Worker serves it (the recipes run against it with `file://` URLs in place of `https://`), each election's two
 * recipes for it, and what a newsroom's sums of the rows they load must equal: the entidad shard and INE's summary
 * line. Each test runs the recipes with its own interpreter and hands back `Leido`. Test support only.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { ActaPublicada } from '../../worker/domain/acta/publicada.ts';
import { type DatosReceta, type EntidadShard, rutaLatest, shardIds } from '../../worker/domain/contrato/index.ts';
import { desdeUtf8, utf8 } from '../../worker/domain/corte/bytes.ts';
import { prepararCorte } from '../../worker/domain/corte/corte.ts';
import { EstadoCorte } from '../../worker/domain/corte/estado.ts';
import { construirModelo, type CorteModelo } from '../../worker/domain/corte/modelo.ts';
import { catalogoEjemplo, FIXTURE_APERTURA_MS, fixtureActas } from './eleccion.ts';
import { arbActasNoche, arbCatalogoNoche, INSTANTE_CORTE, modeloNoche } from './noche-generada.ts';

/** What one recipe's rows add up to, as the interpreter computed it (only counted actas: `CONTABILIZADA == 1`). */
export interface Sumas {
  filas: number;
  contabilizadas: number;
  votos: Record<string, number>;
  TOTAL_VOTOS_C_CS: number;
  TOTAL_VOTOS_S_CS: number;
  LISTA_NOMINAL_ACTAS_CONTABILIZADAS: number;
  /** Vote and total columns the recipe did not load as numbers. */
  no_numericas: string[];
  /** CLAVE_ACTA of every row, without INE's leading `'`, sorted. */
  claves: string[];
  /** The first three FECHA_HORA_CAPTURA as read. */
  fechas: string[];
}

/** Per election code: both layouts' sums and INE's summary line (lines 3–4 of its CSV) by column. */
export type Leido = Record<string, { ordenado: Sumas; ine: Sumas; resumen: Record<string, number> }>;

/** One election for the interpreter: its two recipes (each leaves `df`), its vote columns, INE's CSV URL. */
export interface EleccionReceta {
  codigo: string;
  columnas: string[];
  ordenado: string;
  ine: string;
  resumenIne: string;
}

export interface Recetas {
  ordenado: (d: DatosReceta) => string;
  ine: (d: DatosReceta) => string;
}

/** A night to load: a model and its actas at a corte's instant. */
export interface Noche {
  modelo: CorteModelo;
  actas: readonly ActaPublicada[];
  instante: number;
}

/** The fixture election: Ilegible, Sin dato, pending and fuera de catálogo actas. */
export function nocheFixture(): Noche {
  const m = construirModelo(catalogoEjemplo);
  if (!m.ok) throw new Error(JSON.stringify(m.error));
  return { modelo: m.value, actas: fixtureActas.map((f) => f.acta), instante: FIXTURE_APERTURA_MS + 60 * 60_000 };
}

/** Generated nights: catalogues, ballots, split secciones and actas drawn at random (seeded). */
export function nochesGeneradas(cuantas: number): Noche[] {
  return fc
    .sample(
      arbCatalogoNoche.chain(({ catalogo }) => {
        const modelo = modeloNoche(catalogo);
        return arbActasNoche(modelo).map((actas) => ({ modelo, actas }));
      }),
      { numRuns: cuantas, seed: 15 },
    )
    .map((n) => ({ ...n, instante: INSTANTE_CORTE }));
}

const carpetas: string[] = [];

/** Removes every folder `corteEnCarpeta` wrote (the tests call it in `afterAll`). */
export function borrarCarpetas(): void {
  for (const c of carpetas.splice(0)) rmSync(c, { recursive: true, force: true });
}

/** A corte written to a folder under its published keys, with each election's recipes for it. */
export async function corteEnCarpeta(n: Noche, recetas: Recetas) {
  const estado = EstadoCorte.completo(n.modelo, n.actas).estado;
  const p = await prepararCorte(estado, { numero: 1, instante: n.instante, secuencia: 1, final: false, anterior: null, cambios: [] });
  const dir = mkdtempSync(path.join(tmpdir(), 'prep-recetas-'));
  carpetas.push(dir);
  const escribir = (ruta: string, bytes: Uint8Array) => {
    mkdirSync(path.dirname(path.join(dir, ruta)), { recursive: true });
    writeFileSync(path.join(dir, ruta), bytes);
  };
  const e = n.modelo.entidad.id;
  escribir(rutaLatest(e), utf8(JSON.stringify(p.puntero)));
  for (const a of p.csvContenidos) escribir(a.ruta, a.contenido);
  const base = `file://${dir}`;
  const elecciones: EleccionReceta[] = n.modelo.elecciones.map((em) => {
    const codigo = em.eleccion.codigo;
    const receta = { base, entidad: e, eleccion: codigo };
    const ruta = p.csv.find((c) => c.codigo === codigo)!.resultados.ruta;
    return { codigo, columnas: [...em.columnas], ordenado: recetas.ordenado(receta), ine: recetas.ine(receta), resumenIne: `${base}/${ruta}` };
  });
  const entidad = (codigo: string) => JSON.parse(desdeUtf8(p.contenidos.get(shardIds.entidad(codigo))!)) as EntidadShard;
  return { elecciones, entidad };
}

/** Both layouts' sums are the entidad shard's figures and votes; INE's summary line says the same. */
export function comprobarSumas(modelo: CorteModelo, entidad: (codigo: string) => EntidadShard, leido: Leido): void {
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
