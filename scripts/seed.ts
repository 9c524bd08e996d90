/**
 * Seeds the local D1 with the synthetic Jalisco 2024 catalogue through the same path an institute's catalogue
 * takes (`npm run catalogue -- import`): the generator's catalogue is written as the documented CSV files, read
 * back and validated, then loaded in one step. Unchanged → nothing written; an imported real (non-synthetic)
 * catalogue is never replaced by the synthetic one; after the first corte the catalogue is frozen.
 *   npm run seed [-- --seed N]
 */
import { generateJalisco } from './generador/generar.ts';
import { catalogueToFiles } from '../worker/domain/catalogo/archivos/escribir.ts';
import { d1ApplyMigrations, importCatalogue, readLocalCatalogue, type LocalD1 } from './catalogue.ts';
import { PERSIST_DIR } from './lib/local.ts';

export type Siembra = 'cargado' | 'reemplazado' | 'sin-cambios' | 'congelado' | 'catalogo-propio';

/** `persistTo`: another local state than the project's (.state/wrangler), e.g. a test's temporary one. */
export async function seedLocal(seed = 2024, persistTo = PERSIST_DIR): Promise<{ loaded: boolean; estado: Siembra }> {
  const d1: LocalD1 = { persistDir: persistTo };
  d1ApplyMigrations(d1);
  const actual = readLocalCatalogue(d1).catalogue;
  if (actual && !actual.entidad.sintetico) return { loaded: false, estado: 'catalogo-propio' };
  const encoder = new TextEncoder();
  const archivos = catalogueToFiles(generateJalisco(seed)).map((f) => ({ nombre: f.nombre, bytes: encoder.encode(f.texto) }));
  const r = importCatalogue(archivos, d1);
  switch (r.estado) {
    case 'rechazado':
      throw new Error(`el catálogo sintético no pasó la validación:\n${r.problemas.map((p) => p.mensaje).join('\n')}`);
    case 'cargado':
    case 'reemplazado':
      return { loaded: true, estado: r.estado };
    case 'sin-cambios':
    case 'congelado':
      return { loaded: false, estado: r.estado };
  }
}

if (import.meta.main) {
  const i = process.argv.indexOf('--seed');
  const seed = i > 0 ? Number(process.argv[i + 1]) : 2024;
  const t0 = performance.now();
  const r = await seedLocal(seed);
  const mensajes: Record<Siembra, string> = {
    cargado: 'catálogo sintético de Jalisco cargado',
    reemplazado: 'catálogo sintético de Jalisco reemplazado',
    'sin-cambios': 'el catálogo ya estaba cargado (sin cambios)',
    congelado: 'el catálogo está congelado: ya hay cortes publicados',
    'catalogo-propio': 'hay un catálogo importado por el instituto: no se reemplaza con el sintético',
  };
  console.log(`${mensajes[r.estado]} (${Math.round(performance.now() - t0)} ms)`);
}
