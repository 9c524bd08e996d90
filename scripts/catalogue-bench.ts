/**
 * Benchmark of the catalogue import at national scale (INE 2024: 170,648 casillas in 32 entidades). The
 * system partitions by entidad (one D1 per entidad, DESIGN.md), so a national import is 32 imports, each
 * through the same path as `npm run catalogue -- import`: the generated catalogue is written as the documented
 * CSV files, read back and validated, and loaded into its own local D1 in one batch.
 *   node scripts/catalogue-bench.ts [--entidades 1,14,15] [--dir .state/bench-catalogo]
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { generateNational } from './generador/generar.ts';
import { catalogueSqlScript } from '../worker/db/catalogo-carga.ts';
import { filesToCatalogue } from '../worker/domain/catalogo/archivos/leer.ts';
import { catalogueToFiles } from '../worker/domain/catalogo/archivos/escribir.ts';
import { loadIntoLocal, readLocalCatalogue } from './catalogue.ts';
import { STATE_DIR } from './lib/local.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const dir = path.resolve(arg('dir') ?? path.join(STATE_DIR, 'bench-catalogo'));
const solo = arg('entidades')?.split(',').map(Number);
const ms = (t0: number) => Math.round(performance.now() - t0);

const t0 = performance.now();
const todas = generateNational(2024);
console.log(`generateNational: ${todas.length} entidades, ${todas.reduce((a, c) => a + c.casillas.length, 0)} casillas en ${ms(t0)} ms`);
rmSync(dir, { recursive: true, force: true });

let totalCasillas = 0;
let totalActas = 0;
let totalSql = 0;
const filas: string[] = [];
const tTotal = performance.now();
for (const cat of todas) {
  if (solo && !solo.includes(cat.entidad.id)) continue;
  const tArchivos = performance.now();
  const archivos = catalogueToFiles(cat).map((a) => ({ nombre: a.nombre, bytes: new TextEncoder().encode(a.texto) }));
  const leido = filesToCatalogue(archivos);
  if (!leido.ok) throw new Error(`${cat.entidad.nombre}: ${leido.error.slice(0, 3).map((p) => p.mensaje).join('; ')}`);
  const msArchivos = ms(tArchivos);
  const bytesSql = new TextEncoder().encode(catalogueSqlScript(leido.value)).length;
  const d1 = { persistDir: path.join(dir, String(cat.entidad.id).padStart(2, '0')) };
  const tCarga = performance.now();
  const r = loadIntoLocal(leido.value, d1);
  const msCarga = ms(tCarga);
  if (r.estado !== 'cargado') throw new Error(`${cat.entidad.nombre}: ${r.estado}`);
  const vuelta = readLocalCatalogue(d1).catalogue;
  if (vuelta?.casillas.length !== cat.casillas.length) throw new Error(`${cat.entidad.nombre}: read back ${vuelta?.casillas.length} casillas`);
  const actas = cat.casillas.length * cat.elecciones.length;
  totalCasillas += cat.casillas.length;
  totalActas += actas;
  totalSql += bytesSql;
  const linea = `| ${String(cat.entidad.id).padStart(2, '0')} ${cat.entidad.nombre} | ${cat.casillas.length} | ${actas} | ${(bytesSql / 1e6).toFixed(1)} | ${msArchivos} | ${msCarga} (D1 ${r.ms}) |`;
  filas.push(linea);
  console.log(linea);
}
console.log(`\n| total | ${totalCasillas} | ${totalActas} | ${(totalSql / 1e6).toFixed(1)} | | ${ms(tTotal)} |`);
console.log(`\n${filas.length} importaciones, ${totalCasillas} casillas, ${totalActas} actas esperadas en ${ms(tTotal)} ms`);
