/**
 * Benchmark of the catalogue import at national scale (INE 2024: 170,648 casillas in 32 entidades). The
 * system partitions by entidad (one D1 per entidad, docs/ARQUITECTURA.md §1.2), so a national import is 32 imports, each
 * through the same path as `npm run catalogue -- import`: the generated catalogue is written as the documented
 * CSV files, read back and validated, and loaded into its own local D1 in one batch.
 *   node scripts/catalogue-bench.ts [--entidades 1,14,15] [--dir .state/bench-catalogo]
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { generarNacional } from './generador/generar.ts';
import { guionSqlCatalogo } from '../worker/db/catalogo-carga.ts';
import { archivosACatalogo } from '../worker/domain/catalogo/archivos/leer.ts';
import { catalogoAArchivos } from '../worker/domain/catalogo/archivos/escribir.ts';
import { cargarEnLocal, leerCatalogoLocal } from './catalogue.ts';
import { DIR_ESTADO } from './lib/local.ts';
import { interfaz, leerArgumentos, responder } from './lib/argumentos.ts';

const INTERFAZ = interfaz({
  comando: 'node scripts/catalogue-bench.ts',
  descripcion: 'Mide la importación del catálogo a escala nacional: un catálogo sintético por entidad, escrito como archivos CSV, leído y cargado en su propia D1 local.',
  opciones: {
    entidades: { tipo: 'texto', valor: '1,14,15', ayuda: 'solo estas entidades (por omisión: las 32)' },
    dir: { tipo: 'texto', valor: 'CARPETA', ayuda: 'dónde crear las bases locales (por omisión: .state/bench-catalogo)' },
  },
});

interface Argumentos {
  dir: string;
  /** Only these entidades (default: the 32). */
  solo: number[] | undefined;
}

/** The arguments, or what to print instead (help, a usage error) and its exit code. */
function argumentosDe(argv: readonly string[]): Argumentos | { codigo: 0 | 2; texto: string } {
  const l = leerArgumentos(argv, INTERFAZ);
  if (l.tipo === 'salida') return l;
  const { entidades, dir } = l.valores;
  const solo = entidades?.split(',').map((x) => x.trim());
  const invalida = solo?.find((x) => !/^\d+$/.test(x) || Number(x) < 1 || Number(x) > 32);
  if (invalida !== undefined) return { codigo: 2, texto: `error: --entidades debe ser una lista de enteros entre 1 y 32 separados por comas (se recibió «${invalida}»)` };
  return { dir: path.resolve(dir ?? path.join(DIR_ESTADO, 'bench-catalogo')), solo: solo?.map(Number) };
}

const ms = (t0: number) => Math.round(performance.now() - t0);

/** Generates the national catalogue and imports each entidad's into its own local D1, printing one table row each. */
function medir({ dir, solo }: Argumentos): void {
  const t0 = performance.now();
  const todas = generarNacional(2024);
  console.log(`generarNacional: ${todas.length} entidades, ${todas.reduce((a, c) => a + c.casillas.length, 0)} casillas en ${ms(t0)} ms`);
  rmSync(dir, { recursive: true, force: true });

  let totalCasillas = 0;
  let totalActas = 0;
  let totalSql = 0;
  const filas: string[] = [];
  const tTotal = performance.now();
  for (const catalogo of todas) {
    if (solo && !solo.includes(catalogo.entidad.id)) continue;
    const tArchivos = performance.now();
    const archivos = catalogoAArchivos(catalogo).map((a) => ({ nombre: a.nombre, bytes: new TextEncoder().encode(a.texto) }));
    const leido = archivosACatalogo(archivos);
    if (!leido.ok) throw new Error(`${catalogo.entidad.nombre}: ${leido.error.slice(0, 3).map((p) => p.mensaje).join('; ')}`);
    const msArchivos = ms(tArchivos);
    const bytesSql = new TextEncoder().encode(guionSqlCatalogo(leido.value)).length;
    const d1 = { persistDir: path.join(dir, String(catalogo.entidad.id).padStart(2, '0')) };
    const tCarga = performance.now();
    const r = cargarEnLocal(leido.value, d1);
    const msCarga = ms(tCarga);
    if (r.estado !== 'cargado') throw new Error(`${catalogo.entidad.nombre}: ${r.estado}`);
    const vuelta = leerCatalogoLocal(d1).catalogue;
    if (vuelta?.casillas.length !== catalogo.casillas.length) throw new Error(`${catalogo.entidad.nombre}: read back ${vuelta?.casillas.length} casillas`);
    const actas = catalogo.casillas.length * catalogo.elecciones.length;
    totalCasillas += catalogo.casillas.length;
    totalActas += actas;
    totalSql += bytesSql;
    const linea = `| ${String(catalogo.entidad.id).padStart(2, '0')} ${catalogo.entidad.nombre} | ${catalogo.casillas.length} | ${actas} | ${(bytesSql / 1e6).toFixed(1)} | ${msArchivos} | ${msCarga} (D1 ${r.ms}) |`;
    filas.push(linea);
    console.log(linea);
  }
  console.log(`\n| total | ${totalCasillas} | ${totalActas} | ${(totalSql / 1e6).toFixed(1)} | | ${ms(tTotal)} |`);
  console.log(`\n${filas.length} importaciones, ${totalCasillas} casillas, ${totalActas} actas esperadas en ${ms(tTotal)} ms`);
}

export function main(argv: readonly string[]): number {
  const args = argumentosDe(argv);
  if ('texto' in args) return responder(args);
  try {
    medir(args);
    return 0;
  } catch (e) {
    console.error(`error inesperado: ${e instanceof Error ? e.message : String(e)}`);
    return 70;
  }
}

if (import.meta.main) process.exit(main(process.argv.slice(2)));
