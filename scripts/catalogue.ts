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
import { guionSqlCatalogo } from '../worker/db/catalogo-carga.ts';
import { PARTES_SQL, partesDeFilas } from '../worker/db/catalogo-partes.ts';
import { CLAVE_TEXTO, sqlPartes, unirPartes } from '../worker/db/catalogo-mapa.ts';
import { avisosMapa, leerMapaSecciones } from '../worker/domain/catalogo/mapa-secciones.ts';
import { CatalogoSchema, type Catalogo } from '../worker/domain/catalogo/esquema.ts';
import { describirCambios, diferenciasCatalogos, sinCambios } from '../worker/domain/catalogo/archivos/diferencias.ts';
import { formatProblema, type ProblemaArchivo } from '../worker/domain/catalogo/archivos/problemas.ts';
import { archivosACatalogo, type ArchivoEntrada } from '../worker/domain/catalogo/archivos/leer.ts';
import { normalizarCatalogo } from '../worker/domain/catalogo/archivos/normalizar.ts';
import { catalogoAArchivos } from '../worker/domain/catalogo/archivos/escribir.ts';
import { FORMATO, leerHuso } from '../worker/domain/catalogo/archivos/especificacion.ts';
import { BOLETAS_ESPECIAL_POR_DEFECTO, catalogoDesdePrep, type OpcionesDesdePrep } from './catalogo/desde-prep/derivar.ts';
import { elegirSubcomando, interfaz, leerArgumentos, responder, textoDeUso, type Interfaz, type Salida } from './lib/argumentos.ts';
import { aplicarMigraciones, consultarD1LocalLotes, ejecutarArchivoD1Local } from './lib/d1-local.ts';
import { DIR_PERSISTENCIA } from './lib/local.ts';

export type { Salida };

const consola: Salida = { log: (l) => console.log(l), error: (l) => console.error(l) };

/** Where the local D1 lives (tests use their own directory). */
export interface BaseLocal {
  persistDir: string;
}

export const BASE_LOCAL: BaseLocal = { persistDir: DIR_PERSISTENCIA };

/** Runs several statements in one batch and returns the rows of each. */
export function consultarD1(d1: BaseLocal, sql: string): Record<string, unknown>[][] {
  return consultarD1LocalLotes(d1.persistDir, sql);
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
  'SELECT seccion, tipo, id_casilla, ext_contigua, ubicacion, lista_nominal, representantes, elecciones FROM casilla',
  'SELECT eleccion, territorio, orden, columna FROM boleta_columna ORDER BY eleccion, territorio, orden',
  'SELECT eleccion, territorio, coalicion, partido FROM boleta_coalicion',
  'SELECT eleccion, territorio, partido_ci, propietaria, suplente FROM candidatura',
  'SELECT id, nombre, ambito, territorio FROM catd',
  'SELECT catd, eleccion FROM catd_eleccion',
  "SELECT name FROM sqlite_master WHERE type = 'table'",
  PARTES_SQL,
  sqlPartes(CLAVE_TEXTO),
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
  catalogue: Catalogo | null;
  tablas: string[];
}

/** Reads the whole catalogue back from the local D1 in one batch and parses it with the catalogue schema. */
export function leerCatalogoLocal(d1: BaseLocal): EstadoLocal {
  const r = consultarD1(d1, CATALOGO_SQL.join(';\n'));
  const [ent, ele, par, coa, coaP, dis, mun, sec, cas, bCol, bCoa, can, cat, catE, tab, partes = [], mapa = []] = r as Fila[][] as [
    Fila[], Fila[], Fila[], Fila[], Fila[], Fila[], Fila[], Fila[], Fila[], Fila[], Fila[], Fila[], Fila[], Fila[], Fila[], Fila[]?, Fila[]?,
  ];
  const mapaSecciones = unirPartes(mapa as { clave: unknown; valor: unknown }[]);
  const tablas = tab.map((f) => t(f.name));
  const e = ent[0];
  if (!e) return { catalogue: null, tablas };
  const partidosDe = agrupar(coaP, (f) => t(f.coalicion), (f) => t(f.partido));
  const boletaCoal = agrupar(bCoa, (f) => `${t(f.eleccion)}|${n(f.territorio)}|${t(f.coalicion)}`, (f) => t(f.partido));
  const columnas = agrupar(bCol, (f) => `${t(f.eleccion)}|${n(f.territorio)}`, (f) => t(f.columna));
  const eleccionesDe = agrupar(catE, (f) => t(f.catd), (f) => t(f.eleccion));
  const crudo = {
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
      ...(f.elecciones === null || f.elecciones === undefined ? {} : { elecciones: t(f.elecciones).split('+') }),
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
    ...(partes.length > 0 ? { partes: partesDeFilas(partes) } : {}),
    ...(mapaSecciones === null ? {} : { mapaSecciones }),
  };
  const leido = CatalogoSchema.safeParse(crudo);
  if (!leido.success) {
    throw new Error(`el catálogo de la base local no es válido: ${leido.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return { catalogue: normalizarCatalogo(leido.data), tablas };
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

export type ResultadoImportacion =
  | { estado: 'rechazado'; problemas: ProblemaArchivo[] }
  | { estado: 'sin-cambios'; catalogue: Catalogo }
  | { estado: 'congelado'; tabla: string }
  | { estado: 'cargado'; catalogue: Catalogo; ms: number }
  | { estado: 'reemplazado'; catalogue: Catalogo; cambios: string[]; ms: number };

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
export function importarCatalogo(archivos: readonly ArchivoEntrada[], d1: BaseLocal = BASE_LOCAL): ResultadoImportacion {
  const leido = archivosACatalogo(archivos);
  if (!leido.ok) return { estado: 'rechazado', problemas: leido.error };
  return cargarEnLocal(leido.value, d1);
}

/** Loads an already valid catalogue (the seed and the tests come through here too). */
export function cargarEnLocal(catalogue: Catalogo, d1: BaseLocal = BASE_LOCAL): ResultadoImportacion {
  aplicarMigraciones(d1.persistDir);
  const actual = leerCatalogoLocal(d1);
  const diff = actual.catalogue ? diferenciasCatalogos(actual.catalogue, catalogue) : null;
  if (diff && sinCambios(diff)) return { estado: 'sin-cambios', catalogue };
  const tabla = tablaDeCortes(actual.tablas);
  const sql = guionSqlCatalogo(catalogue);
  const sha256 = createHash('sha256').update(sql).digest('hex');
  const marca = `INSERT OR REPLACE INTO configuracion (clave, valor) VALUES ('catalogo_sha256', '${sha256}');\n`;
  const archivo = path.join(path.dirname(path.resolve(d1.persistDir)), `catalogo-import-${process.pid}.sql`);
  mkdirSync(path.dirname(archivo), { recursive: true });
  writeFileSync(archivo, `${guardaCongelado(tabla, actual.tablas)}\n${sql}${marca}`);
  const t0 = performance.now();
  try {
    ejecutarArchivoD1Local(d1.persistDir, archivo);
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
    const [huerfanos = []] = consultarD1(d1, `SELECT id, catd FROM operador WHERE catd IN (${lista}) ORDER BY id`);
    if (huerfanos.length > 0) {
      cambios.push(`aviso: ${huerfanos.length} operador(es) de CATD que ya no existen: ${huerfanos.map((h) => `${String(h.id)} (${String(h.catd)})`).join(', ')}`);
    }
  }
  return { estado: 'reemplazado', catalogue, cambios, ms };
}

function resumen(c: Catalogo): string {
  return `${c.entidad.nombre} (entidad ${c.entidad.id}): ${c.elecciones.length} elecciones, ${c.distritos.length} distritos, ${c.municipios.length} municipios, ${c.secciones.length} secciones, ${c.casillas.length} casillas, ${c.casillas.reduce((n, x) => n + (x.elecciones ?? c.elecciones).length, 0) + (c.partes?.length ?? 0)} actas esperadas, ${c.catds.length} CATD`;
}

/** The warnings of the catalogue's boundaries against its secciones (none without boundaries). */
export function avisosDelMapa(c: Catalogo) {
  if (c.mapaSecciones === undefined) return [];
  const t = leerMapaSecciones(c.mapaSecciones);
  return t.ok ? avisosMapa(t.value, c.secciones) : [];
}

function imprimirProblemas(ps: readonly ProblemaArchivo[], salida: Salida): void {
  for (const p of ps) salida.error(formatProblema(p));
}

function comandoImportar(carpeta: string, salida: Salida, d1: BaseLocal): number {
  const c = leerCarpeta(carpeta);
  if ('problema' in c) {
    imprimirProblemas([c.problema], salida);
    return 2;
  }
  const r = importarCatalogo(c.archivos, d1);
  if (r.estado !== 'rechazado' && r.estado !== 'congelado') for (const a of avisosDelMapa(r.catalogue)) salida.log(`aviso ${a.regla}: ${a.mensaje}`);
  switch (r.estado) {
    case 'rechazado':
      imprimirProblemas(r.problemas.map((p) => ({ ...p, archivo: p.archivo === '.' ? carpeta : path.join(carpeta, p.archivo) })), salida);
      salida.error(`catálogo rechazado: ${r.problemas.length} problema(s); no se escribió nada.`);
      return 1;
    case 'sin-cambios':
      salida.log(`el catálogo ya está cargado: sin cambios. ${resumen(r.catalogue)}`);
      return 0;
    case 'congelado':
      salida.error(
        `el catálogo está congelado desde la puesta en ceros: ${r.tabla === 'acta_publicacion' ? 'ya hay actas publicadas' : 'ya se publicó un corte'} (tabla ${r.tabla}). ` +
          'No se cambió nada. Para cargar otro catálogo, empiece una base local nueva.',
      );
      return 3;
    case 'cargado':
      salida.log(`catálogo cargado en ${r.ms} ms. ${resumen(r.catalogue)}`);
      return 0;
    case 'reemplazado':
      salida.log(`catálogo reemplazado en ${r.ms} ms. ${resumen(r.catalogue)}`);
      for (const l of r.cambios) salida.log(`  ${l}`);
      return 0;
  }
}

// ---- export -------------------------------------------------------------------------------------------------

export function comandoExportar(carpeta: string, salida: Salida, d1: BaseLocal): number {
  aplicarMigraciones(d1.persistDir);
  const { catalogue } = leerCatalogoLocal(d1);
  if (!catalogue) {
    salida.error('no hay catálogo cargado en la base local: cárguelo con npm run catalogue -- import <carpeta>');
    return 1;
  }
  return escribirArchivos(carpeta, catalogue, salida, `catálogo exportado a ${carpeta}. ${resumen(catalogue)}`);
}

/**
 * Writes the catalogue's files into `carpeta`. A folder holding other CSV files is refused: they would be read
 * as part of the catalogue on the next import.
 */
function escribirArchivos(carpeta: string, catalogue: Catalogo, salida: Salida, mensaje: string): number {
  if (existsSync(carpeta) && !statSync(carpeta).isDirectory()) {
    salida.error(`${carpeta}: no es una carpeta`);
    return 2;
  }
  const archivos = catalogoAArchivos(catalogue);
  const nuestros = new Set(archivos.map((a) => a.nombre));
  if (existsSync(carpeta)) {
    const ajenos = readdirSync(carpeta).filter((f) => f.toLowerCase().endsWith('.csv') && !nuestros.has(f));
    if (ajenos.length > 0) {
      salida.error(`${carpeta}: la carpeta contiene otros archivos CSV (${ajenos.join(', ')}); use una carpeta vacía. No se escribió nada.`);
      return 1;
    }
  }
  mkdirSync(carpeta, { recursive: true });
  for (const a of archivos) writeFileSync(path.join(carpeta, a.nombre), a.texto);
  salida.log(mensaje);
  return 0;
}

// ---- from-prep ----------------------------------------------------------------------------------------------

const INTERFAZ_DESDE_PREP = interfaz({
  comando: 'npm run catalogue -- from-prep',
  descripcion:
    'Deriva un catálogo de una base de datos del PREP publicada (un CSV de resultados por elección, cada uno seguido\n' +
    'opcionalmente de su CSV de candidaturas) y lo escribe como archivos CSV del catálogo en --out (docs/catalogo.md).',
  posicionales: { texto: '<resultados.csv> [candidaturas.csv] [<resultados2.csv> [candidaturas2.csv] …]', min: 1, max: Number.POSITIVE_INFINITY },
  opciones: {
    out: { tipo: 'texto', valor: 'CARPETA', ayuda: 'carpeta donde escribir el catálogo (obligatoria)' },
    entidad: { tipo: 'entero', min: 1, max: 32, ayuda: 'solo las filas de esta entidad (los archivos nacionales traen las 32)' },
    huso: { tipo: 'texto', valor: 'UTC-6', ayuda: 'huso horario de la entidad (por omisión: el de la línea del corte)' },
    'boletas-especial': { tipo: 'entero', min: 0, max: 99_999, ayuda: `boletas aprobadas por casilla especial (por omisión: ${BOLETAS_ESPECIAL_POR_DEFECTO})` },
    eleccion: { tipo: 'texto', valor: 'COD1,COD2', ayuda: 'código de cada elección, uno por archivo de resultados y en su orden' },
  },
  ejemplos: ['npm run catalogue -- from-prep DIP_LOC_2024.csv DIP_LOC_CANDIDATURAS_2024.csv AYUN_2024.csv --out catalogo/'],
});

function comandoDesdePrep(args: readonly string[], salida: Salida): number {
  const l = leerArgumentos(args, INTERFAZ_DESDE_PREP);
  if (l.tipo === 'salida') return responder(l, salida);
  const { out: carpeta, entidad, huso, 'boletas-especial': boletasEspecial, eleccion } = l.valores;
  if (!carpeta) {
    salida.error(`error: falta --out <carpeta>\n\n${textoDeUso(INTERFAZ_DESDE_PREP)}`);
    return 2;
  }
  // The reader takes --huso as text: its value is checked here, in the same words as the reader's checks.
  if (huso !== undefined && typeof leerHuso(huso) !== 'number') {
    salida.error(`error: --huso debe ser ${FORMATO.huso} (se recibió «${huso}»)`);
    return 2;
  }
  const opciones: OpcionesDesdePrep = {
    ...(entidad !== undefined ? { entidad } : {}),
    ...(huso !== undefined ? { huso } : {}),
    ...(boletasEspecial !== undefined ? { boletasEspecial } : {}),
    ...(eleccion !== undefined ? { codigos: eleccion.split(',').map((x) => x.trim().toUpperCase()) } : {}),
  };
  const entradas: ArchivoEntrada[] = [];
  for (const r of l.posicionales) {
    if (!existsSync(r) || !statSync(r).isFile()) {
      salida.error(`${r}: el archivo no existe`);
      return 2;
    }
    entradas.push({ nombre: r, bytes: new Uint8Array(readFileSync(r)) });
  }
  const d = catalogoDesdePrep(entradas, opciones);
  if (!d.ok) {
    imprimirProblemas(d.error, salida);
    salida.error(`no se pudo derivar el catálogo: ${d.error.length} problema(s); no se escribió nada.`);
    return 1;
  }
  // Each warning ends with its rule code, the key to its entry in docs/catalogo.md (from-prep).
  for (const a of d.value.avisos) salida.log(`aviso: ${formatProblema(a)} [${a.codigo}]`);
  return escribirArchivos(carpeta, d.value.catalogue, salida, `catálogo derivado en ${carpeta}. ${resumen(d.value.catalogue)}`);
}

// ---- main ---------------------------------------------------------------------------------------------------

const SUBCOMANDOS = {
  comando: 'npm run catalogue --',
  descripcion: 'El catálogo de la elección como archivos CSV (docs/catalogo.md), dentro y fuera de la base D1 local.',
  subcomandos: {
    import: '<carpeta>: valida los CSV del catálogo y los carga en la base local',
    export: '<carpeta>: escribe el catálogo cargado en archivos CSV',
    'from-prep': '<resultados.csv> … --out <carpeta>: deriva el catálogo de una base de datos del PREP publicada',
  },
};

/** import and export: one folder, no option. */
const interfazCarpeta = (subcomando: string, descripcion: string) =>
  interfaz({ comando: `npm run catalogue -- ${subcomando}`, descripcion, posicionales: { texto: '<carpeta>', min: 1, max: 1 }, opciones: {} });
const INTERFAZ_IMPORT = interfazCarpeta('import', 'Valida los CSV del catálogo de la carpeta y, si no hay problemas, los carga en la base D1 local en un solo lote.');
const INTERFAZ_EXPORT = interfazCarpeta('export', 'Escribe el catálogo cargado en la base D1 local como archivos CSV en la carpeta.');

function comandoConCarpeta(args: readonly string[], i: Interfaz<Record<string, never>>, salida: Salida, comando: (carpeta: string) => number): number {
  const l = leerArgumentos(args, i);
  if (l.tipo === 'salida') return responder(l, salida);
  return comando(l.posicionales[0]!);
}

export function main(argv: readonly string[], salida: Salida = consola, d1: BaseLocal = BASE_LOCAL): number {
  try {
    const s = elegirSubcomando(argv, SUBCOMANDOS);
    if (s.tipo === 'salida') return responder(s, salida);
    switch (s.nombre) {
      case 'import':
        return comandoConCarpeta(s.resto, INTERFAZ_IMPORT, salida, (carpeta) => comandoImportar(carpeta, salida, d1));
      case 'export':
        return comandoConCarpeta(s.resto, INTERFAZ_EXPORT, salida, (carpeta) => comandoExportar(carpeta, salida, d1));
      default:
        return comandoDesdePrep(s.resto, salida);
    }
  } catch (e) {
    salida.error(`error inesperado: ${e instanceof Error ? e.message : String(e)}`);
    return 70;
  }
}

if (import.meta.main) process.exit(main(process.argv.slice(2)));
