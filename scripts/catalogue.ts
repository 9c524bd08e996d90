/**
 * The catalogue in and out of the local D1 (docs/catalogo.md):
 *
 *   npm run catalogue -- import <carpeta>
 *   npm run catalogue -- export <carpeta>
 *   npm run catalogue -- from-prep <resultados.csv> [candidaturas.csv] [<resultados2.csv> [candidaturas2.csv] …] --out <carpeta>
 *
 * import validates every file before writing anything and lists every problem with archivo:línea:columna;
 * re-importing the same catalogue changes nothing; a changed catalogue replaces the old one in one D1 batch
 * (one transaction) and prints what changed; after the first corte it is refused: the catalogue is frozen at
 * puesta en ceros. Bad input never crashes: every failure is a Spanish message and a non-zero exit code.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { catalogueSqlScript } from '../worker/db/catalogo-carga.ts';
import { CatalogueSchema, type Catalogue } from '../worker/domain/catalogo/esquema.ts';
import { describirCambios, diffCatalogues, sinCambios } from '../worker/domain/catalogo/archivos/diferencias.ts';
import { formatProblema, type ProblemaArchivo } from '../worker/domain/catalogo/archivos/problemas.ts';
import { filesToCatalogue, type ArchivoEntrada } from '../worker/domain/catalogo/archivos/leer.ts';
import { normalizeCatalogue } from '../worker/domain/catalogo/archivos/normalizar.ts';
import { catalogueToFiles } from '../worker/domain/catalogo/archivos/escribir.ts';
import { catalogueFromPrep, type OpcionesFromPrep } from './catalogo/desde-prep/derivar.ts';
import { DB_NAME, PERSIST_DIR, wrangler } from './lib/local.ts';

export interface Salida {
  log: (linea: string) => void;
  error: (linea: string) => void;
}

const consola: Salida = { log: (l) => console.log(l), error: (l) => console.error(l) };

/** Where the local D1 lives (tests use their own directory). */
export interface LocalD1 {
  persistDir: string;
}

export const LOCAL: LocalD1 = { persistDir: PERSIST_DIR };

// ---- local D1 through wrangler ------------------------------------------------------------------------------

function d1Args(d1: LocalD1): string[] {
  return ['d1', 'execute', DB_NAME, '--local', '--persist-to', d1.persistDir];
}

/** Runs several statements in one batch and returns the rows of each. */
export function d1Select(d1: LocalD1, sql: string): Record<string, unknown>[][] {
  const out = wrangler([...d1Args(d1), '--json', '--command', sql], { quiet: true });
  const parsed = JSON.parse(out) as { results: Record<string, unknown>[] }[];
  return parsed.map((r) => r.results);
}

export function d1ApplyMigrations(d1: LocalD1): void {
  mkdirSync(d1.persistDir, { recursive: true });
  wrangler(['d1', 'migrations', 'apply', DB_NAME, '--local', '--persist-to', d1.persistDir], { quiet: true });
}

/** Runs a SQL file as one batch (wrangler's local execute is a single D1 batch: all or nothing). */
export function d1RunFile(d1: LocalD1, file: string): void {
  wrangler([...d1Args(d1), '--yes', '--file', file], { quiet: true });
}

const CATALOGO_SQL = [
  'SELECT id, nombre, utc_offset_minutes, sintetico FROM entidad',
  'SELECT codigo, nombre, territorio, tipo_acta, boletas_especial, orden FROM eleccion',
  'SELECT siglas, nombre, color, tipo, orden FROM partido',
  'SELECT id, nombre FROM coalicion',
  'SELECT coalicion, partido FROM coalicion_partido',
  'SELECT id, cabecera FROM distrito',
  'SELECT id, nombre FROM municipio',
  'SELECT id, distrito, municipio FROM seccion',
  'SELECT seccion, tipo, id_casilla, ext_contigua, ubicacion, lista_nominal, representantes FROM casilla',
  'SELECT eleccion, territorio, orden, columna FROM boleta_columna ORDER BY eleccion, territorio, orden',
  'SELECT eleccion, territorio, coalicion, partido FROM boleta_coalicion',
  'SELECT eleccion, territorio, partido_ci, propietaria, suplente FROM candidatura',
  'SELECT id, nombre, ambito, territorio FROM catd',
  'SELECT catd, eleccion FROM catd_eleccion',
  "SELECT name FROM sqlite_master WHERE type = 'table'",
];

type Fila = Record<string, unknown>;
const n = (v: unknown) => Number(v);
const t = (v: unknown) => String(v);

function agrupar<K, V>(filas: Fila[], clave: (f: Fila) => K, valor: (f: Fila) => V): Map<K, V[]> {
  const m = new Map<K, V[]>();
  for (const f of filas) {
    const k = clave(f);
    const l = m.get(k) ?? [];
    l.push(valor(f));
    m.set(k, l);
  }
  return m;
}

export interface EstadoLocal {
  /** The loaded catalogue (canonical form), or null when none is loaded. */
  catalogue: Catalogue | null;
  tablas: string[];
}

/** Reads the whole catalogue back from the local D1 in one batch and parses it with the catalogue schema. */
export function readLocalCatalogue(d1: LocalD1): EstadoLocal {
  const r = d1Select(d1, CATALOGO_SQL.join(';\n'));
  const [ent, ele, par, coa, coaP, dis, mun, sec, cas, bCol, bCoa, can, cat, catE, tab] = r as Fila[][] as [
    Fila[], Fila[], Fila[], Fila[], Fila[], Fila[], Fila[], Fila[], Fila[], Fila[], Fila[], Fila[], Fila[], Fila[], Fila[],
  ];
  const tablas = tab.map((f) => t(f.name));
  const e = ent[0];
  if (!e) return { catalogue: null, tablas };
  const partidosDe = agrupar(coaP, (f) => t(f.coalicion), (f) => t(f.partido));
  const boletaCoal = agrupar(bCoa, (f) => `${t(f.eleccion)}|${n(f.territorio)}|${t(f.coalicion)}`, (f) => t(f.partido));
  const columnas = agrupar(bCol, (f) => `${t(f.eleccion)}|${n(f.territorio)}`, (f) => t(f.columna));
  const eleccionesDe = agrupar(catE, (f) => t(f.catd), (f) => t(f.eleccion));
  const raw = {
    entidad: { id: n(e.id), nombre: t(e.nombre), utcOffsetMinutes: n(e.utc_offset_minutes), sintetico: n(e.sintetico) === 1 },
    elecciones: ele.map((f) => ({
      codigo: t(f.codigo),
      nombre: t(f.nombre),
      territorio: t(f.territorio),
      tipoActa: t(f.tipo_acta),
      boletasEspecial: n(f.boletas_especial),
      orden: n(f.orden),
    })),
    partidos: par.map((f) => ({ siglas: t(f.siglas), nombre: t(f.nombre), color: t(f.color), tipo: t(f.tipo), orden: n(f.orden) })),
    coaliciones: coa.map((f) => ({ id: t(f.id), nombre: t(f.nombre), partidos: partidosDe.get(t(f.id)) ?? [] })),
    distritos: dis.map((f) => ({ id: n(f.id), cabecera: t(f.cabecera) })),
    municipios: mun.map((f) => ({ id: n(f.id), nombre: t(f.nombre) })),
    secciones: sec.map((f) => ({ id: n(f.id), distrito: n(f.distrito), municipio: n(f.municipio) })),
    casillas: cas.map((f) => ({
      seccion: n(f.seccion),
      tipo: t(f.tipo),
      id: n(f.id_casilla),
      extContigua: n(f.ext_contigua),
      ubicacion: n(f.ubicacion),
      listaNominal: n(f.lista_nominal),
      representantes: n(f.representantes),
    })),
    boletas: [...columnas].map(([k, cols]) => {
      const [eleccion, territorio] = k.split('|') as [string, string];
      const coaliciones = [...boletaCoal]
        .filter(([kc]) => kc.startsWith(`${k}|`))
        .map(([kc, partidos]) => ({ coalicion: kc.slice(k.length + 1), partidos }));
      return { eleccion, territorio: Number(territorio), columnas: cols, coaliciones };
    }),
    candidaturas: can.map((f) => ({
      eleccion: t(f.eleccion),
      territorio: n(f.territorio),
      partidoCi: t(f.partido_ci),
      propietaria: t(f.propietaria),
      suplente: t(f.suplente),
    })),
    catds: cat.map((f) => ({ id: t(f.id), nombre: t(f.nombre), ambito: t(f.ambito), territorio: n(f.territorio), elecciones: eleccionesDe.get(t(f.id)) ?? [] })),
  };
  const parsed = CatalogueSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`el catálogo de la base local no es válido: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return { catalogue: normalizeCatalogue(parsed.data), tablas };
}

/**
 * The table whose rows mean "the first corte was published": the cortes' table when the migrations have it,
 * else the publication log (any published acta means the night has begun).
 */
export function tablaDeCortes(tablas: readonly string[]): string {
  return tablas.find((x) => x === 'corte' || x === 'cortes') ?? 'acta_publicacion';
}

/**
 * A statement that aborts the whole batch when `tabla` has a row: the migrations' guard table (0003: an insert
 * into `guardia` raises GUARDIA:<motivo>), or, on a database without it, a NOT NULL violation.
 */
function guardaCongelado(tabla: string, tablas: readonly string[]): string {
  return tablas.includes('guardia')
    ? `INSERT INTO guardia (motivo) SELECT 'CATALOGO_CONGELADO' WHERE EXISTS (SELECT 1 FROM ${tabla});`
    : `INSERT INTO configuracion (clave, valor) SELECT 'catalogo_congelado', NULL WHERE EXISTS (SELECT 1 FROM ${tabla});`;
}

const ES_CONGELADO = /GUARDIA:CATALOGO_CONGELADO|NOT NULL constraint failed: configuracion\.valor/;

// ---- import -------------------------------------------------------------------------------------------------

export type ResultadoImport =
  | { estado: 'rechazado'; problemas: ProblemaArchivo[] }
  | { estado: 'sin-cambios'; catalogue: Catalogue }
  | { estado: 'congelado'; tabla: string }
  | { estado: 'cargado'; catalogue: Catalogue; ms: number }
  | { estado: 'reemplazado'; catalogue: Catalogue; cambios: string[]; ms: number };

/** The folder's top-level files; a missing folder or a file instead of a folder is a problem, not a crash. */
export function leerCarpeta(carpeta: string): { archivos: ArchivoEntrada[] } | { problema: ProblemaArchivo } {
  if (!existsSync(carpeta)) return { problema: { archivo: carpeta, codigo: 'CARPETA', mensaje: 'la carpeta no existe' } };
  if (!statSync(carpeta).isDirectory()) return { problema: { archivo: carpeta, codigo: 'CARPETA', mensaje: 'no es una carpeta: indique la carpeta que contiene los archivos CSV del catálogo' } };
  const archivos: ArchivoEntrada[] = [];
  for (const e of readdirSync(carpeta, { withFileTypes: true })) {
    if (!e.isFile()) continue;
    try {
      archivos.push({ nombre: e.name, bytes: new Uint8Array(readFileSync(path.join(carpeta, e.name))) });
    } catch (error) {
      return { problema: { archivo: path.join(carpeta, e.name), codigo: 'LECTURA', mensaje: `no se pudo leer el archivo (${(error as NodeJS.ErrnoException).code ?? String(error)})` } };
    }
  }
  return { archivos };
}

/** Validates a catalogue's files, then loads it into the local D1 in one batch (see the file comment). */
export function importCatalogue(archivos: readonly ArchivoEntrada[], d1: LocalD1 = LOCAL): ResultadoImport {
  const leido = filesToCatalogue(archivos);
  if (!leido.ok) return { estado: 'rechazado', problemas: leido.error };
  return loadIntoLocal(leido.value, d1);
}

/** Loads an already valid catalogue (the seed and the tests come through here too). */
export function loadIntoLocal(catalogue: Catalogue, d1: LocalD1 = LOCAL): ResultadoImport {
  d1ApplyMigrations(d1);
  const actual = readLocalCatalogue(d1);
  const diff = actual.catalogue ? diffCatalogues(actual.catalogue, catalogue) : null;
  if (diff && sinCambios(diff)) return { estado: 'sin-cambios', catalogue };
  const tabla = tablaDeCortes(actual.tablas);
  const sql = catalogueSqlScript(catalogue);
  const sha256 = createHash('sha256').update(sql).digest('hex');
  const marca = `INSERT OR REPLACE INTO configuracion (clave, valor) VALUES ('catalogo_sha256', '${sha256}');\n`;
  const archivo = path.join(path.dirname(path.resolve(d1.persistDir)), `catalogo-import-${process.pid}.sql`);
  mkdirSync(path.dirname(archivo), { recursive: true });
  writeFileSync(archivo, `${guardaCongelado(tabla, actual.tablas)}\n${sql}${marca}`);
  const t0 = performance.now();
  try {
    d1RunFile(d1, archivo);
  } catch (e) {
    if (ES_CONGELADO.test(String(e))) return { estado: 'congelado', tabla };
    throw e;
  } finally {
    rmSync(archivo, { force: true });
  }
  const ms = Math.round(performance.now() - t0);
  if (!diff) return { estado: 'cargado', catalogue, ms };
  const cambios = describirCambios(diff);
  // Operators belong to CATDs by id (no foreign key): say which ones lost theirs.
  const quitados = diff.tablas.catds.quitadas;
  if (quitados.length > 0 && actual.tablas.includes('operador')) {
    const lista = quitados.map((c) => `'${c.replaceAll("'", "''")}'`).join(', ');
    const [huerfanos = []] = d1Select(d1, `SELECT id, catd FROM operador WHERE catd IN (${lista}) ORDER BY id`);
    if (huerfanos.length > 0) {
      cambios.push(`aviso: ${huerfanos.length} operador(es) de CATD que ya no existen: ${huerfanos.map((h) => `${String(h.id)} (${String(h.catd)})`).join(', ')}`);
    }
  }
  return { estado: 'reemplazado', catalogue, cambios, ms };
}

function resumen(c: Catalogue): string {
  return `${c.entidad.nombre} (entidad ${c.entidad.id}): ${c.elecciones.length} elecciones, ${c.distritos.length} distritos, ${c.municipios.length} municipios, ${c.secciones.length} secciones, ${c.casillas.length} casillas, ${c.casillas.length * c.elecciones.length} actas esperadas, ${c.catds.length} CATD`;
}

function imprimirProblemas(ps: readonly ProblemaArchivo[], out: Salida): void {
  for (const p of ps) out.error(formatProblema(p));
}

function comandoImport(carpeta: string, out: Salida, d1: LocalD1): number {
  const c = leerCarpeta(carpeta);
  if ('problema' in c) {
    imprimirProblemas([c.problema], out);
    return 2;
  }
  const r = importCatalogue(c.archivos, d1);
  switch (r.estado) {
    case 'rechazado':
      imprimirProblemas(r.problemas.map((p) => ({ ...p, archivo: p.archivo === '.' ? carpeta : path.join(carpeta, p.archivo) })), out);
      out.error(`catálogo rechazado: ${r.problemas.length} problema(s); no se escribió nada.`);
      return 1;
    case 'sin-cambios':
      out.log(`el catálogo ya está cargado: sin cambios. ${resumen(r.catalogue)}`);
      return 0;
    case 'congelado':
      out.error(
        `el catálogo está congelado desde la puesta en ceros: ${r.tabla === 'acta_publicacion' ? 'ya hay actas publicadas' : 'ya se publicó un corte'} (tabla ${r.tabla}). ` +
          'No se cambió nada. Para cargar otro catálogo, empiece una base local nueva.',
      );
      return 3;
    case 'cargado':
      out.log(`catálogo cargado en ${r.ms} ms. ${resumen(r.catalogue)}`);
      return 0;
    case 'reemplazado':
      out.log(`catálogo reemplazado en ${r.ms} ms. ${resumen(r.catalogue)}`);
      for (const l of r.cambios) out.log(`  ${l}`);
      return 0;
  }
}

// ---- export -------------------------------------------------------------------------------------------------

export function comandoExport(carpeta: string, out: Salida, d1: LocalD1): number {
  d1ApplyMigrations(d1);
  const { catalogue } = readLocalCatalogue(d1);
  if (!catalogue) {
    out.error('no hay catálogo cargado en la base local: cárguelo con npm run catalogue -- import <carpeta>');
    return 1;
  }
  return escribirArchivos(carpeta, catalogue, out, `catálogo exportado a ${carpeta}. ${resumen(catalogue)}`);
}

/**
 * Writes the catalogue's files into `carpeta`. A folder holding other CSV files is refused: they would be read
 * as part of the catalogue on the next import.
 */
function escribirArchivos(carpeta: string, catalogue: Catalogue, out: Salida, mensaje: string): number {
  if (existsSync(carpeta) && !statSync(carpeta).isDirectory()) {
    out.error(`${carpeta}: no es una carpeta`);
    return 2;
  }
  const archivos = catalogueToFiles(catalogue);
  const nuestros = new Set(archivos.map((a) => a.nombre));
  if (existsSync(carpeta)) {
    const ajenos = readdirSync(carpeta).filter((f) => f.toLowerCase().endsWith('.csv') && !nuestros.has(f));
    if (ajenos.length > 0) {
      out.error(`${carpeta}: la carpeta contiene otros archivos CSV (${ajenos.join(', ')}); use una carpeta vacía. No se escribió nada.`);
      return 1;
    }
  }
  mkdirSync(carpeta, { recursive: true });
  for (const a of archivos) writeFileSync(path.join(carpeta, a.nombre), a.texto);
  out.log(mensaje);
  return 0;
}

// ---- from-prep ----------------------------------------------------------------------------------------------

const USO_FROM_PREP =
  'uso: npm run catalogue -- from-prep <resultados.csv> [candidaturas.csv] [<resultados2.csv> [candidaturas2.csv] …] --out <carpeta> ' +
  '[--entidad N] [--huso UTC-6] [--boletas-especial N] [--eleccion CODIGO[,CODIGO…]]';

function comandoFromPrep(args: string[], out: Salida): number {
  const opciones: OpcionesFromPrep = {};
  let carpeta: string | undefined;
  const rutas: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const v = args[i + 1];
    if (a.startsWith('--') && v === undefined) {
      out.error(`falta el valor de ${a}. ${USO_FROM_PREP}`);
      return 2;
    }
    if (a === '--out') carpeta = args[++i];
    else if (a === '--entidad') opciones.entidad = Number(args[++i]);
    else if (a === '--huso') opciones.huso = args[++i];
    else if (a === '--boletas-especial') opciones.boletasEspecial = Number(args[++i]);
    else if (a === '--eleccion') opciones.codigos = args[++i]!.split(',').map((x) => x.trim().toUpperCase());
    else if (a.startsWith('--')) {
      out.error(`opción desconocida ${a}. ${USO_FROM_PREP}`);
      return 2;
    } else rutas.push(a);
  }
  if (!carpeta || rutas.length === 0) {
    out.error(USO_FROM_PREP);
    return 2;
  }
  const entradas: ArchivoEntrada[] = [];
  for (const r of rutas) {
    if (!existsSync(r) || !statSync(r).isFile()) {
      out.error(`${r}: el archivo no existe`);
      return 2;
    }
    entradas.push({ nombre: r, bytes: new Uint8Array(readFileSync(r)) });
  }
  const d = catalogueFromPrep(entradas, opciones);
  if (!d.ok) {
    imprimirProblemas(d.error, out);
    out.error(`no se pudo derivar el catálogo: ${d.error.length} problema(s); no se escribió nada.`);
    return 1;
  }
  for (const a of d.value.avisos) out.log(`aviso: ${formatProblema(a)}`);
  return escribirArchivos(carpeta, d.value.catalogue, out, `catálogo derivado en ${carpeta}. ${resumen(d.value.catalogue)}`);
}

// ---- main ---------------------------------------------------------------------------------------------------

const USO = [
  'uso:',
  '  npm run catalogue -- import <carpeta>      valida los CSV del catálogo y los carga en la base local',
  '  npm run catalogue -- export <carpeta>      escribe el catálogo cargado en archivos CSV',
  `  ${USO_FROM_PREP.replace('uso: ', '')}`,
  'formato de los archivos: docs/catalogo.md',
].join('\n');

export function main(argv: readonly string[], out: Salida = consola, d1: LocalD1 = LOCAL): number {
  const [cmd, ...args] = argv;
  try {
    switch (cmd) {
      case 'import':
        if (args.length !== 1) break;
        return comandoImport(args[0]!, out, d1);
      case 'export':
        if (args.length !== 1) break;
        return comandoExport(args[0]!, out, d1);
      case 'from-prep':
        return comandoFromPrep(args, out);
      default:
        break;
    }
    out.error(USO);
    return 2;
  } catch (e) {
    out.error(`error inesperado: ${e instanceof Error ? e.message : String(e)}`);
    return 70;
  }
}

if (import.meta.main) process.exit(main(process.argv.slice(2)));
