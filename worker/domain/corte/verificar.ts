/**
 * Verifying a published corte from the outside (`npm run verify`): every object against the SHA-256 the
 * manifest gives it, the manifest against the pointer, the chain of manifests back to the first corte, and
 * every summary figure recomputed from the CSV rows (reparsed, never trusted from the JSON), then the CSV rows
 * against the shards; corte instants only move forward along the chain; and, given the audit log, that the log
 * still extends the tip each manifest recorded. Pure: objects are read through `Fuente` (HTTP, a folder, R2 or a
 * map in tests) and the log through `LectorBitacora`.
 * Each group of checks reports what matches, or stops at its first mismatch and names it.
 */
import { unzipSync } from 'fflate';
import type { z } from 'zod';
import { observacionesTexto } from '../acta/clasificar.ts';
import { ILEGIBLE, SIN_DATO, type Valor } from '../acta/esquema.ts';
import { claveActaPublicada, sinApostrofo } from '../claves/clave.ts';
import { actaDeFila, direccionShard, esAplicable, FIGURAS, filasDeSecciones, grupoDeSeccion, SECCIONES_POR_GRUPO, LONGITUD_DIRECCION, LEYENDA_SIMULACRO, leyendaDe, resultadosDeFila, RUTA_LATEST_RAIZ, rutaManifiesto, rutaShard, tablaDeBloque, VERSION_DIFERENCIAS, type Diferencias, type Figuras, type GruposDeSecciones } from '../contrato/index.ts';
import { nombreZip } from './abiertos.ts';
import { NOMBRE_LEEME } from './leeme.ts';
import { figurasFila } from '../conteo/figuras-csv.ts';
import { verificarCadena, type FilaBitacora } from '../bitacora/cadena.ts';
import { desdeUtf8, jsonCanonico, sha256Hex } from './bytes.ts';
import {
  DiferenciasClavesSchema,
  DiferenciasSchema,
  EntidadShardSchema,
  GrupoSeccionesShardSchema,
  ManifiestoSchema,
  PunteroSchema,
  SeccionShardSchema,
  TerritorioShardSchema,
  TerritoriosShardSchema,
  type EntidadShard,
  type GrupoSeccionesShard,
  type Manifiesto,
  type TerritorioShard,
  type SeccionShard,
  type ShardRef,
  type ActaFila,
  type ActaShard,
} from './shards.ts';
import { compararResumen, leerCsvResultados, recalcular, type CsvLeido } from './verificar-csv.ts';
import { compararDiferencias } from './verificar-diferencias.ts';
import { comprobarCsvPorEleccion } from './verificar-csv-eleccion.ts';
import { problemasCdf } from '../exportes/cdf-integridad.ts';
import { resumenesDeShards } from '../exportes/cdf-resumenes.ts';
import type { ReporteCdf } from '../exportes/cdf-tipos.ts';

export interface Fuente {
  /** The bytes of the object at this R2 key (served at `/<ruta>`), or null when there is none. */
  leer(ruta: string): Promise<Uint8Array | null>;
}

/** The audit log's rows with id > desde, in id order, at most `limite` (the local D1 for `npm run verify`). */
export type LectorBitacora = (desde: number, limite: number) => Promise<readonly FilaBitacora[]>;

export interface Comprobacion {
  ok: boolean;
  /** What was checked (Spanish, for people). */
  que: string;
  detalle: string;
}

export interface Informe {
  ok: boolean;
  comprobaciones: Comprobacion[];
  primerFallo: Comprobacion | null;
}

class Fallo extends Error {}

/** Objects read at once when the source is remote. */
const CONCURRENCIA = 16;

async function leerTodos(fuente: Fuente, rutas: readonly string[]): Promise<(Uint8Array | null)[]> {
  const out: (Uint8Array | null)[] = new Array(rutas.length).fill(null);
  let i = 0;
  const trabajador = async () => {
    while (i < rutas.length) {
      const k = i++;
      out[k] = await fuente.leer(rutas[k]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCIA, rutas.length) }, trabajador));
  return out;
}

async function exigirHash(bytes: Uint8Array | null, esperado: { sha256: string; bytes?: number }, nombre: string): Promise<Uint8Array> {
  if (bytes === null) throw new Fallo(`${nombre}: no existe`);
  const sha = await sha256Hex(bytes);
  if (sha !== esperado.sha256) throw new Fallo(`${nombre}: su SHA-256 es ${sha}, el manifiesto dice ${esperado.sha256}`);
  if (esperado.bytes !== undefined && bytes.length !== esperado.bytes) throw new Fallo(`${nombre}: mide ${bytes.length} bytes, el manifiesto dice ${esperado.bytes}`);
  return bytes;
}

function json(bytes: Uint8Array, nombre: string): unknown {
  try {
    return JSON.parse(desdeUtf8(bytes));
  } catch {
    throw new Fallo(`${nombre}: no es JSON UTF-8`);
  }
}

function esquema<T>(s: z.ZodType<T>, x: unknown, nombre: string): T {
  const r = s.safeParse(x);
  if (!r.success) throw new Fallo(`${nombre}: no cumple su esquema (${r.error.message.slice(0, 300)})`);
  return r.data;
}

function igual(a: unknown, b: unknown): boolean {
  return jsonCanonico(a) === jsonCanonico(b);
}

/** What a verification keeps for its later groups. */
interface Contexto {
  manifiesto: Manifiesto;
  /** Every manifest of the chain, newest first (filled by the chain group). */
  cadena: Manifiesto[];
  secciones: Map<number, SeccionShard>;
  entidades: Map<string, EntidadShard>;
  /** Distrito and municipio shards by id. */
  territorios: Map<string, TerritorioShard>;
  csv: Map<string, Uint8Array>;
  /** The corte's change feed, when it carries rows (checked against each CSV). */
  diferencias?: Diferencias;
}

async function comprobarManifiesto(fuente: Fuente, rutaPuntero: string): Promise<{ detalle: string; manifiesto: Manifiesto }> {
  const pb = await fuente.leer(rutaPuntero);
  if (pb === null) throw new Fallo(`no existe ${rutaPuntero}`);
  const p = esquema(PunteroSchema, json(pb, rutaPuntero), rutaPuntero);
  const ruta = p.manifiesto.ruta;
  if (ruta !== rutaManifiesto(p.entidad.id, p.manifiesto.sha256)) throw new Fallo(`${rutaPuntero}: la ruta del manifiesto no es su SHA-256`);
  const bytes = await exigirHash(await fuente.leer(ruta), { sha256: p.manifiesto.sha256 }, `manifiesto del corte ${p.numero} (${ruta})`);
  const m = esquema(ManifiestoSchema, json(bytes, ruta), ruta);
  for (const k of ['numero', 'instante', 'corte', 'secuencia', 'final', 'entorno', 'simulacro'] as const) {
    if (m[k] !== p[k]) throw new Fallo(`${rutaPuntero}: ${k} = ${String(p[k])}, el manifiesto dice ${String(m[k])}`);
  }
  const porId = new Map(m.shards.map((s) => [s.id, s]));
  for (const e of p.elecciones) {
    if (porId.get(`${e.codigo}/entidad`)?.ruta !== e.ruta) throw new Fallo(`${rutaPuntero}: la entrada de ${e.codigo} no es el shard del manifiesto`);
  }
  if (porId.get('territorios')?.ruta !== p.territorios) throw new Fallo(`${rutaPuntero}: territorios no es el shard del manifiesto`);
  comprobarListaDeGrupos(p.secciones, m.shards, rutaPuntero);
  if (p.abiertos.sha256 !== m.abiertos.sha256 || p.diferencias !== m.diferencias.ruta) throw new Fallo(`${rutaPuntero}: sus datos abiertos o su diferencia no son los del manifiesto`);
  comprobarEtiquetas(m);
  return { manifiesto: m, detalle: `corte ${m.numero} (${m.corte}), secuencia ${m.secuencia}${m.final ? ', final' : ''}; manifiesto ${p.manifiesto.sha256}; ${textoOrigen(m)}` };
}

/** A pointer's or entidad shard's `secciones` lists exactly the manifest's `secciones/<g>` shards, each at its group's index. */
function comprobarListaDeGrupos(secciones: GruposDeSecciones, shards: readonly ShardRef[], donde: string): void {
  if (secciones.porGrupo !== SECCIONES_POR_GRUPO) throw new Fallo(`${donde}: agrupa ${secciones.porGrupo} secciones por grupo, no ${SECCIONES_POR_GRUPO}`);
  const delManifiesto = new Map<number, string>();
  for (const s of shards) {
    const g = /^secciones\/(\d+)$/.exec(s.id);
    if (g) delManifiesto.set(Number(g[1]), direccionShard(s.sha256));
  }
  const n = Math.max(secciones.grupos.length, ...[...delManifiesto.keys()].map((g) => g + 1));
  for (let g = 0; g < n; g++) {
    const h = secciones.grupos[g] ?? null;
    if (h !== (delManifiesto.get(g) ?? null)) throw new Fallo(`${donde}: su grupo de secciones ${g} apunta a ${String(h)}, que no es el shard secciones/${g} del manifiesto`);
  }
}

/** A `pruebas` corte must say SIMULACRO everywhere a reader looks first; a `produccion` one must not. */
function comprobarEtiquetas(m: Manifiesto): void {
  if (m.simulacro !== leyendaDe(m.entorno)) throw new Fallo(`manifiesto: entorno ${m.entorno} con leyenda ${JSON.stringify(m.simulacro)}`);
  const zip = nombreZip(m.instante, m.entidad.utcOffsetMinutes, m.entorno);
  if (m.abiertos.nombre !== zip) throw new Fallo(`manifiesto: el zip de un corte de ${m.entorno} se llama ${zip}, no ${m.abiertos.nombre}`);
}

function textoOrigen(m: Manifiesto): string {
  const entorno = m.entorno === 'pruebas' ? 'SIMULACRO (entorno pruebas)' : 'entorno produccion';
  const c = m.construccion;
  return c ? `${entorno}; construcción commit ${c.commit}, Worker sha256 ${c.workerSha256}, portal sha256 ${c.portalSha256}` : `${entorno}; sin identidad de construcción`;
}

/** Every LEEME of a `pruebas` zip opens with the simulacro's legend; no LEEME of a `produccion` zip mentions it. */
function comprobarLeemes(m: Manifiesto, archivos: Record<string, Uint8Array>): void {
  for (const [nombre, bytes] of Object.entries(archivos)) {
    if (!nombre.endsWith(`/${NOMBRE_LEEME}`)) continue;
    const cabeza = desdeUtf8(bytes).slice(0, 400);
    if (m.entorno === 'pruebas' && !cabeza.includes(LEYENDA_SIMULACRO)) throw new Fallo(`${nombre}: es de un corte de pruebas y no empieza con la leyenda SIMULACRO`);
    if (m.entorno === 'produccion' && cabeza.includes(LEYENDA_SIMULACRO)) throw new Fallo(`${nombre}: es de un corte de produccion y dice SIMULACRO`);
  }
}

function esquemaDeShard(id: string): z.ZodType<unknown> {
  if (id === 'territorios') return TerritoriosShardSchema;
  if (id.startsWith('secciones/')) return GrupoSeccionesShardSchema;
  if (id.startsWith('seccion/')) return SeccionShardSchema;
  if (id.endsWith('/entidad')) return EntidadShardSchema;
  return TerritorioShardSchema;
}

async function comprobarShards(fuente: Fuente, ctx: Contexto): Promise<string> {
  const m = ctx.manifiesto;
  const contenidos = await leerTodos(fuente, m.shards.map((s) => s.ruta));
  const porId = new Map(m.shards.map((s) => [s.id, s]));
  let bytes = 0;
  const enGrupo = new Set<number>();
  for (const [i, s] of m.shards.entries()) {
    const nombre = `shard ${s.id} (${s.ruta})`;
    if (s.ruta !== rutaShard(m.entidad.id, s.id, s.sha256)) throw new Fallo(`${nombre}: su ruta no es la de su SHA-256 (sus primeras ${LONGITUD_DIRECCION} cifras hexadecimales)`);
    const b = await exigirHash(contenidos[i]!, s, nombre);
    bytes += b.length;
    const valor = esquema(esquemaDeShard(s.id), json(b, nombre), nombre);
    referencias(s, valor, porId, nombre);
    if (s.id.endsWith('/entidad')) comprobarListaDeGrupos((valor as EntidadShard).secciones, m.shards, nombre);
    if (s.id.startsWith('secciones/')) for (const f of (valor as GrupoSeccionesShard).secciones) enGrupo.add(f.id);
    if (s.id.startsWith('seccion/')) ctx.secciones.set((valor as SeccionShard).seccion, valor as SeccionShard);
    if (s.id.endsWith('/entidad')) ctx.entidades.set((valor as EntidadShard).eleccion.codigo, valor as EntidadShard);
    else if (/\/(distrito|municipio)\//.test(s.id)) ctx.territorios.set(s.id, valor as TerritorioShard);
  }
  comprobarGrupos(m.shards, enGrupo);
  const filas = comprobarSumas(ctx);
  return `${m.shards.length} shards, ${bytes} bytes: cada uno con el SHA-256, el tamaño y el esquema del manifiesto, y sus hijos en el manifiesto; cada padre es la suma de sus ${filas} filas y cada sección la de sus filas en sus distritos y en sus municipios`;
}

/**
 * Every sección shard is reachable from the pointer: a row of its group's shard (`enGrupo`: the secciones the
 * groups list; `referencias` checked each row's address).
 */
function comprobarGrupos(shards: readonly ShardRef[], enGrupo: ReadonlySet<number>): void {
  for (const s of shards) {
    const n = /^seccion\/(\d+)$/.exec(s.id);
    if (n && !enGrupo.has(Number(n[1]))) throw new Fallo(`shard ${s.id}: no está en su grupo secciones/${grupoDeSeccion(Number(n[1]))}`);
  }
}

/** Tally counters and votes per candidatura, summed element by element. */
interface Suma {
  t: number[];
  c: number[];
}

function sumar(a: Suma | undefined, f: { t: readonly number[]; c: readonly number[] }): Suma {
  if (a === undefined) return { t: [...f.t], c: [...f.c] };
  f.t.forEach((x, i) => {
    a.t[i] = (a.t[i] ?? 0) + x;
  });
  f.c.forEach((x, i) => {
    a.c[i] = (a.c[i] ?? 0) + x;
  });
  return a;
}

const vacia = (n: number, m: number): Suma => ({ t: Array<number>(n).fill(0), c: Array<number>(m).fill(0) });

/**
 * Every distrito and municipio shard's results are the sum of its sección rows, the entidad's rows are those
 * shards' results, and each sección's block is the sum of its rows in the distritos (and, apart, in the
 * municipios) of the election: a split sección's actas count in several territories, each part once.
 * Returns the rows summed.
 */
function comprobarSumas(ctx: Contexto): number {
  const porSeccion = new Map<string, Suma>();
  let n = 0;
  for (const [id, x] of ctx.territorios) {
    const filas = filasDeSecciones(x);
    let total = vacia(filas[0]?.t.length ?? 0, x.candidaturas.length);
    for (const f of filas) {
      total = sumar(total, f);
      const k = `${x.eleccion}/${x.tipo}/${f.id}`;
      porSeccion.set(k, sumar(porSeccion.get(k), f));
      n++;
    }
    if (x.secciones.length === 0) continue;
    const r = resultadosDeFila(total, x);
    if (!igual(r.figuras, x.resultados.figuras) || !igual(r.candidaturas, x.resultados.candidaturas)) throw new Fallo(`shard ${id}: sus resultados no son la suma de sus filas de sección`);
    const entidad = ctx.entidades.get(x.eleccion);
    const fila = (x.tipo === 'distrito' ? entidad?.distritos : entidad?.municipios)?.find((f) => f.id === x.id);
    if (entidad && fila && !igual(resultadosDeFila(fila, entidad), { ...x.resultados, votos: {} })) throw new Fallo(`shard ${x.eleccion}/entidad: su fila de ${id} no son los resultados de ese shard`);
  }
  for (const s of ctx.secciones.values()) {
    for (const b of s.elecciones) {
      for (const nivel of ['distrito', 'municipio']) {
        const suma = porSeccion.get(`${b.codigo}/${nivel}/${s.seccion}`);
        if (suma !== undefined && (!igual(suma.t, b.t) || !igual(suma.c, b.c))) {
          throw new Fallo(`shard seccion/${s.seccion}: las cifras de ${b.codigo} no son la suma de sus filas en los shards de ${nivel} (${JSON.stringify(suma.t)} frente a ${JSON.stringify(b.t)})`);
        }
      }
    }
  }
  return n;
}

/**
 * Rows of a parent shard must address the very shards the manifest lists (their SHA-256's first hex digits); a
 * distrito's or municipio's sección rows, which carry no address, name secciones the manifest has a shard of.
 */
function referencias(s: ShardRef, valor: unknown, porId: Map<string, ShardRef>, nombre: string): void {
  const exigir = (id: string, h: string) => {
    const hijo = porId.get(id);
    if (hijo === undefined || direccionShard(hijo.sha256) !== h) throw new Fallo(`${nombre}: su fila de ${id} apunta a ${h}, que no es el shard del manifiesto`);
  };
  const eleccion = s.id.split('/')[0]!;
  if (s.id.endsWith('/entidad')) {
    const e = valor as EntidadShard;
    for (const d of e.distritos) exigir(`${eleccion}/distrito/${d.id}`, d.h);
    for (const x of e.municipios) exigir(`${eleccion}/municipio/${x.id}`, x.h);
  } else if (/\/(distrito|municipio)\//.test(s.id)) {
    for (const [id] of (valor as TerritorioShard).secciones) if (!porId.has(`seccion/${id}`)) throw new Fallo(`${nombre}: su fila de la sección ${id} no tiene shard en el manifiesto`);
  } else if (s.id.startsWith('secciones/')) {
    const g = valor as GrupoSeccionesShard;
    if (s.id !== `secciones/${g.grupo}`) throw new Fallo(`${nombre}: dice ser el grupo ${g.grupo}`);
    for (const f of g.secciones) {
      if (grupoDeSeccion(f.id) !== g.grupo) throw new Fallo(`${nombre}: la sección ${f.id} no es de este grupo`);
      exigir(`seccion/${f.id}`, f.h);
    }
  }
}

/**
 * The zip, every file in it and the diff against the manifest. The CSVs are kept for the next groups even when
 * a hash fails, so a tampered row is still recomputed and named.
 */
async function comprobarAbiertos(fuente: Fuente, ctx: Contexto): Promise<string> {
  const a = ctx.manifiesto.abiertos;
  const zip = await fuente.leer(a.ruta);
  if (zip === null) throw new Fallo(`zip de datos abiertos (${a.ruta}): no existe`);
  let archivos: Record<string, Uint8Array>;
  try {
    archivos = unzipSync(zip);
  } catch {
    throw new Fallo(`zip de datos abiertos (${a.ruta}): no se puede descomprimir`);
  }
  const nombres = Object.keys(archivos).filter((n) => !n.endsWith('/')).sort();
  for (const n of nombres) if (n.endsWith('.csv') && !n.endsWith('_CANDIDATURAS.csv')) ctx.csv.set(n, archivos[n]!);
  await exigirHash(zip, a, `zip de datos abiertos (${a.ruta})`);
  if (!igual(nombres, a.archivos.map((x) => x.nombre).sort())) throw new Fallo(`zip de datos abiertos: contiene ${nombres.join(', ')}; el manifiesto lista otros archivos`);
  for (const x of a.archivos) await exigirHash(archivos[x.nombre]!, x, `${x.nombre} (dentro del zip)`);
  comprobarLeemes(ctx.manifiesto, archivos);
  const dif = await exigirHash(await fuente.leer(ctx.manifiesto.diferencias.ruta), ctx.manifiesto.diferencias, 'diferencias');
  const valor = json(dif, 'diferencias');
  // A diff published before the change feed lists claves only (DiferenciasClavesSchema): read, nothing to apply.
  const d = (valor as { version?: unknown }).version === VERSION_DIFERENCIAS ? esquema(DiferenciasSchema, valor, 'diferencias') : esquema(DiferenciasClavesSchema, valor, 'diferencias');
  if (d.numero !== ctx.manifiesto.numero) throw new Fallo(`diferencias: son del corte ${d.numero}`);
  // Its lines are checked with each CSV, after the CSV's own rows (a forged row is named there first).
  if (esAplicable(d)) ctx.diferencias = d;
  return `${a.nombre} (${a.bytes} bytes) y sus ${a.archivos.length} archivos; la diferencia del corte`;
}

function celda(v: Valor | null | undefined): string {
  if (v === null || v === undefined) return '-';
  if (v === ILEGIBLE) return 'Ilegible';
  if (v === SIN_DATO) return 'Sin dato';
  return String(v);
}

/** One CSV: its summary recomputed from its rows, against the shards. Returns what matched. */
function comprobarCsv(nombre: string, bytes: Uint8Array, ctx: Contexto): string {
  const m = ctx.manifiesto;
  const codigo = nombre.split('/').at(-1)!.replace(/\.csv$/, '');
  const eleccion = m.elecciones.find((e) => e.codigo === codigo);
  if (!eleccion) throw new Fallo(`${nombre}: no es de ninguna elección del manifiesto`);
  const leido = leerCsvResultados(desdeUtf8(bytes));
  if (!leido.ok) throw new Fallo(`${nombre} línea ${leido.error.linea}: ${leido.error.mensaje}`);
  const csv = leido.value;
  if (csv.titulo !== eleccion.nombre) throw new Fallo(`${nombre} línea 1: «${csv.titulo}», la elección es «${eleccion.nombre}»`);
  if (csv.corte !== m.corte) throw new Fallo(`${nombre} línea 2: «${csv.corte}», el corte es «${m.corte}»`);
  const r = recalcular(csv, { final: m.final });
  if (!r.ok) throw new Fallo(`${nombre} ${r.error.mensaje}`);
  const resumen = compararResumen(csv, r.value);
  if (resumen) throw new Fallo(`${nombre} línea 4, resumen: ${resumen.mensaje}`);
  // Row by row first, so that a forged row is named even when the totals were forged to match it.
  const filas = compararFilas(nombre, codigo, csv, ctx);
  const entidad = ctx.entidades.get(codigo);
  if (!entidad) throw new Fallo(`${nombre}: falta el shard ${codigo}/entidad`);
  compararFiguras(`${nombre} frente al shard ${codigo}/entidad`, r.value.figuras, entidad.resultados.figuras);
  if (!igual(r.value.votos, entidad.resultados.votos)) throw new Fallo(`${nombre}: los votos por columna de las filas no son los del shard ${codigo}/entidad`);
  compararTerritorios(nombre, csv, entidad, m.final);
  const dif = ctx.diferencias?.elecciones.find((e) => e.codigo === codigo);
  const otra = dif ? compararDiferencias(dif, nombre, bytes) : null;
  if (otra) throw new Fallo(otra);
  return `las 13 cifras del resumen son la suma de sus ${csv.filas.length} filas y las del shard ${codigo}/entidad, también por distrito y municipio; ${filas} filas iguales a sus actas en los shards de sección${dif ? `; las ${dif.filas.length} filas de la diferencia del corte son las suyas` : ''}`;
}

function compararFiguras(donde: string, a: Figuras, b: Figuras): void {
  const fa = figurasFila(a);
  const fb = figurasFila(b);
  FIGURAS.forEach((f, i) => {
    if (fa[i] !== fb[i]) throw new Fallo(`${donde}: ${f} = ${fa[i]} en el CSV, ${fb[i]} en el shard`);
  });
}

/** Each distrito's and municipio's figures recomputed from its CSV rows, against its row in the entidad shard. */
function compararTerritorios(nombre: string, csv: CsvLeido, entidad: EntidadShard, final: boolean): void {
  const idx = (c: string) => csv.cabecera.indexOf(c);
  for (const [col, filas, nivel] of [['ID_DISTRITO_LOCAL', entidad.distritos, 'distrito'], ['ID_MUNICIPIO', entidad.municipios, 'municipio']] as const) {
    const i = idx(col);
    for (const f of filas) {
      const propias = csv.filas.filter((x) => x.fields[i]?.value === String(f.id));
      const r = recalcular({ ...csv, filas: propias }, { final });
      if (!r.ok) throw new Fallo(`${nombre}: ${r.error.mensaje}`);
      compararFiguras(`${nombre}, ${nivel} ${f.id}`, r.value.figuras, resultadosDeFila(f, entidad).figuras);
    }
  }
}

/** Every expected acta's row against the acta in its sección shard. Returns the rows compared. */
function compararFilas(nombre: string, codigo: string, csv: CsvLeido, ctx: Contexto): number {
  const idx = new Map(csv.cabecera.map((c, i) => [c, i]));
  const col = (f: CsvLeido['filas'][number], c: string) => f.fields[idx.get(c)!]?.value ?? '';
  const usadas = new Set<ActaFila>();
  let n = 0;
  for (const f of csv.filas) {
    const clave = sinApostrofo(col(f, 'CLAVE_ACTA'));
    if (clave === '-') continue;
    const seccion = Number(col(f, 'SECCION'));
    const donde = `${nombre} línea ${f.line} (CLAVE_ACTA '${clave})`;
    const shard = ctx.secciones.get(seccion);
    const bloque = shard?.elecciones.find((e) => e.codigo === codigo);
    if (!shard || !bloque) throw new Fallo(`${donde}: no está en el shard seccion/${seccion}`);
    const propia = col(f, 'ID_DISTRITO_LOCAL') === String(shard.distrito.id) && col(f, 'ID_MUNICIPIO') === String(shard.municipio.id);
    const candidatas = partesDeLaFila(bloque.actas, clave, propia, usadas);
    if (candidatas.length === 0) throw new Fallo(`${donde}: no está en el shard seccion/${seccion}`);
    const columnas = tablaDeBloque(shard, bloque).columnas;
    const diferencias = candidatas.map((a) => diferencia(f, col, actaDeFila(a, seccion), columnas));
    const k = diferencias.indexOf(null);
    if (k < 0) throw new Fallo(`${donde}: ${diferencias[0]} en el shard seccion/${seccion}`);
    usadas.add(candidatas[k]!);
    n++;
  }
  return n;
}

/**
 * The sección shard's actas a CSV row may publish, most likely first. A split casilla's parts share the
 * institute's CLAVE_ACTA in the CSV and are `CLAVE_ACTA-n` in the shard: part 1 is counted in the sección's own
 * distrito and municipio (`propia`), the others elsewhere; each acta publishes one row (`usadas`).
 */
function partesDeLaFila(actas: readonly ActaFila[], clave: string, propia: boolean, usadas: ReadonlySet<ActaFila>): ActaFila[] {
  const libres = actas.filter((a) => !usadas.has(a) && (a[0] === clave || claveActaPublicada(a[0]) === clave));
  const primera = (a: ActaFila) => (a[0] === clave) === propia;
  return [...libres.filter(primera), ...libres.filter((a) => !primera(a))];
}

/** How a CSV row differs from a sección shard's acta (null: it does not). */
function diferencia(f: CsvLeido['filas'][number], col: (f: CsvLeido['filas'][number], c: string) => string, acta: ActaShard, columnas: readonly string[]): string | null {
  const campos: [string, string, string][] = [
    ['CONTABILIZADA', col(f, 'CONTABILIZADA'), acta.contabilizada === null ? '-' : String(acta.contabilizada)],
    ['TOTAL_VOTOS_CALCULADO', col(f, 'TOTAL_VOTOS_CALCULADO'), celda(acta.totalVotosCalculado)],
  ];
  if (acta.registrada) campos.push(['OBSERVACIONES', col(f, 'OBSERVACIONES'), observacionesTexto(acta.observaciones)]);
  for (const [i, c] of columnas.entries()) campos.push([c, col(f, c), celda(acta.votos?.[i])]);
  const d = campos.find(([, enCsv, enShard]) => enCsv !== enShard);
  return d === undefined ? null : `${d[0]} = ${d[1]} en el CSV, ${d[2]}`;
}

/** The corte's CDF export: its bytes against the manifest, its references, its counts against the shards' summaries. */
async function comprobarCdf(fuente: Fuente, ctx: Contexto): Promise<string> {
  const ref = ctx.manifiesto.cdf;
  if (ref === undefined) return 'el manifiesto no tiene (publicado antes de existir)';
  const valor = json(await exigirHash(await fuente.leer(ref.ruta), ref, ref.ruta), ref.ruta);
  let problemas: string[];
  try {
    problemas = problemasCdf(valor as ReporteCdf, resumenesDeShards(ctx.entidades, ctx.territorios.values()));
  } catch (e) {
    throw new Fallo(`${ref.ruta}: no tiene la forma de un ElectionReport (${e instanceof Error ? e.message : String(e)})`);
  }
  if (problemas.length > 0) throw new Fallo(`${ref.ruta}: ${problemas.slice(0, 3).join('; ')}${problemas.length > 3 ? ` y ${problemas.length - 3} más` : ''}`);
  return `${ref.ruta}: referencias resueltas; votos de cada contienda iguales a su resumen`;
}

async function comprobarCadena(fuente: Fuente, m: Manifiesto, cadena: Manifiesto[]): Promise<string> {
  let actual = m;
  cadena.push(m);
  while (actual.anterior !== null) {
    const a = actual.anterior;
    const nombre = `manifiesto del corte ${a.numero} (${a.ruta}), anterior del corte ${actual.numero}`;
    if (a.numero !== actual.numero - 1) throw new Fallo(`${nombre}: el corte ${actual.numero} no nombra al corte ${actual.numero - 1}`);
    if (a.ruta !== rutaManifiesto(m.entidad.id, a.sha256)) throw new Fallo(`${nombre}: su ruta no es la de su SHA-256`);
    const b = await exigirHash(await fuente.leer(a.ruta), { sha256: a.sha256 }, nombre);
    const siguiente = actual;
    actual = esquema(ManifiestoSchema, json(b, nombre), nombre);
    if (actual.numero !== a.numero) throw new Fallo(`${nombre}: dice ser el corte ${actual.numero}`);
    haciaAdelante(actual, siguiente);
    cadena.push(actual);
  }
  if (actual.numero !== 1) throw new Fallo(`manifiesto del corte ${actual.numero}: no tiene anterior y no es el corte 1`);
  return m.numero === 1 ? 'el corte 1 es el primero: no tiene anterior' : `${m.numero} manifiestos encadenados por SHA-256 del corte ${m.numero} al corte 1`;
}

/** Corte instants and audit tips only move forward along the chain. */
function haciaAdelante(previo: Manifiesto, m: Manifiesto): void {
  if (m.instante < previo.instante) {
    throw new Fallo(`corte ${m.numero} (${m.corte}, ${m.instante}): su instante es anterior al del corte ${previo.numero} (${previo.corte}, ${previo.instante})`);
  }
  const a = previo.bitacora?.id ?? 0;
  if (m.bitacora !== undefined && m.bitacora !== null && m.bitacora.id < a) {
    throw new Fallo(`corte ${m.numero}: la punta de bitácora que registra (entrada ${m.bitacora.id}) es anterior a la del corte ${previo.numero} (entrada ${a})`);
  }
}

/** A page of the log as many rows as verifying reads at once. */
const PAGINA_BITACORA = 5000;

/**
 * The audit log still extends every tip the chain recorded: the log's own hash chain is intact from the first
 * entry to its newest, and the entry at each recorded tip's id is there with that hash. Deleting the newest
 * entries (or rewriting them) therefore shows, naming the corte whose tip is gone.
 */
async function comprobarBitacora(leer: LectorBitacora, cadena: readonly Manifiesto[]): Promise<string> {
  const puntas = cadena.filter((m) => m.bitacora !== undefined && m.bitacora !== null).map((m) => ({ numero: m.numero, ...m.bitacora! }));
  const buscadas = new Set(puntas.map((p) => p.id));
  const vistas = new Map<number, string>();
  const r = await verificarCadena(async (desde, limite) => {
    const filas = await leer(desde, limite);
    for (const f of filas) if (buscadas.has(f.id)) vistas.set(f.id, f.hash);
    return filas;
  }, PAGINA_BITACORA);
  if (!r.ok) throw new Fallo(`la bitácora está rota en la entrada ${r.id} (${r.motivo}); ${r.entradas} entradas anteriores íntegras`);
  for (const p of puntas) {
    const hash = vistas.get(p.id);
    const punta = `la punta registrada por el corte ${p.numero} (entrada ${p.id}, hash ${p.hash})`;
    if (hash === undefined) throw new Fallo(`${punta} ya no está: la bitácora termina en la entrada ${r.punta.id}; se borraron entradas`);
    if (hash !== p.hash) throw new Fallo(`${punta} no coincide: la entrada ${p.id} tiene hash ${hash}; la bitácora fue reescrita`);
  }
  if (puntas.length === 0) return `íntegra (${r.entradas} entradas); ningún manifiesto registra su punta`;
  const n = puntas[0]!;
  return `íntegra (${r.entradas} entradas, última ${r.punta.id}) y extiende la punta de cada corte (${puntas.length}); la del corte ${n.numero}: entrada ${n.id}, hash ${n.hash}`;
}

/**
 * Verifies the corte the pointer at `puntero` (default `datos/latest.json`) names. Groups run in order; a group
 * stops at its first mismatch; later groups still run when they can, so every kind of damage is named.
 */
export async function verificarCorte(fuente: Fuente, opciones: { puntero?: string; bitacora?: LectorBitacora } = {}): Promise<Informe> {
  const comprobaciones: Comprobacion[] = [];
  const grupo = async (que: string, f: () => Promise<string> | string): Promise<boolean> => {
    try {
      comprobaciones.push({ ok: true, que, detalle: await f() });
      return true;
    } catch (e) {
      if (!(e instanceof Fallo)) throw e;
      comprobaciones.push({ ok: false, que, detalle: e.message });
      return false;
    }
  };
  const rutaPuntero = opciones.puntero ?? RUTA_LATEST_RAIZ;
  let manifiesto: Manifiesto | null = null;
  await grupo(`puntero ${rutaPuntero} y manifiesto`, async () => {
    const r = await comprobarManifiesto(fuente, rutaPuntero);
    manifiesto = r.manifiesto;
    return r.detalle;
  });
  if (manifiesto !== null) {
    const ctx: Contexto = { manifiesto, cadena: [], secciones: new Map(), entidades: new Map(), territorios: new Map(), csv: new Map() };
    const shardsOk = await grupo('shards', () => comprobarShards(fuente, ctx));
    await grupo('datos abiertos', () => comprobarAbiertos(fuente, ctx));
    if (shardsOk) {
      for (const [nombre, bytes] of [...ctx.csv].sort(([a], [b]) => a.localeCompare(b))) {
        await grupo(`CSV ${nombre}`, () => comprobarCsv(nombre, bytes, ctx));
      }
    }
    // After the zip's CSVs, so that a forged row is named there first.
    await grupo('datos abiertos por elección (CSV en su dirección)', async () => {
      const r = await comprobarCsvPorEleccion((ruta) => fuente.leer(ruta), ctx.manifiesto);
      if (!r.ok) throw new Fallo(r.detalle);
      return r.detalle;
    });
    if (shardsOk) await grupo('resultados NIST SP 1500-100', () => comprobarCdf(fuente, ctx));
    const cadenaOk = await grupo('cadena de manifiestos', () => comprobarCadena(fuente, ctx.manifiesto, ctx.cadena));
    const leer = opciones.bitacora;
    if (leer !== undefined && cadenaOk) await grupo('bitácora', () => comprobarBitacora(leer, ctx.cadena));
  }
  const primerFallo = comprobaciones.find((c) => !c.ok) ?? null;
  return { ok: primerFallo === null, comprobaciones, primerFallo };
}
