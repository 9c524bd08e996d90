/**
 * Seeds the local D1 with the synthetic Jalisco 2024 catalogue through the same path an institute's catalogue
 * takes (`npm run catalogue -- import`): the generator's catalogue is written as the documented CSV files, read
 * back and validated, then loaded in one step. Unchanged → nothing written; an imported real (non-synthetic)
 * catalogue is never replaced by the synthetic one; after the first corte the catalogue is frozen.
 *   npm run seed [-- --seed N]
 */
import { generarJalisco } from './generador/generar.ts';
import { catalogoAArchivos } from '../worker/domain/catalogo/archivos/escribir.ts';
import { importarCatalogo, leerCatalogoLocal } from './catalogue.ts';
import { argumentosOSalir, interfaz } from './lib/argumentos.ts';
import { aplicarMigraciones } from './lib/d1-local.ts';
import { DIR_PERSISTENCIA } from './lib/local.ts';

export type Siembra = 'cargado' | 'reemplazado' | 'sin-cambios' | 'congelado' | 'catalogo-propio';

/** `persistTo`: another local state than the project's (.state/wrangler), e.g. a test's temporary one. */
export async function sembrarLocal(semilla = 2024, persistTo = DIR_PERSISTENCIA): Promise<{ cargado: boolean; estado: Siembra }> {
  aplicarMigraciones(persistTo);
  const d1 = { persistDir: persistTo };
  const actual = leerCatalogoLocal(d1).catalogue;
  if (actual && !actual.entidad.sintetico) return { cargado: false, estado: 'catalogo-propio' };
  const codificador = new TextEncoder();
  const archivos = catalogoAArchivos(generarJalisco(semilla)).map((f) => ({ nombre: f.nombre, bytes: codificador.encode(f.texto) }));
  const r = importarCatalogo(archivos, d1);
  switch (r.estado) {
    case 'rechazado':
      throw new Error(`el catálogo sintético no pasó la validación:\n${r.problemas.map((p) => p.mensaje).join('\n')}`);
    case 'cargado':
    case 'reemplazado':
      return { cargado: true, estado: r.estado };
    case 'sin-cambios':
    case 'congelado':
      return { cargado: false, estado: r.estado };
  }
}

const USO = interfaz({
  comando: 'npm run seed --',
  descripcion: 'Aplica las migraciones de D1 y carga el catálogo sintético de Jalisco en la D1 local (.state/).',
  opciones: {
    seed: { tipo: 'entero', min: 0, max: 2 ** 31 - 1, omision: 2024, ayuda: 'semilla del catálogo sintético' },
  },
});

const MENSAJES: Record<Siembra, string> = {
  cargado: 'catálogo sintético de Jalisco cargado',
  reemplazado: 'catálogo sintético de Jalisco reemplazado',
  'sin-cambios': 'el catálogo ya estaba cargado (sin cambios)',
  congelado: 'el catálogo está congelado: ya hay cortes publicados',
  'catalogo-propio': 'hay un catálogo importado por el instituto: no se reemplaza con el sintético',
};

if (import.meta.main) {
  const { valores } = argumentosOSalir(process.argv.slice(2), USO);
  const t0 = performance.now();
  const r = await sembrarLocal(valores.seed);
  console.log(`${MENSAJES[r.estado]} (${Math.round(performance.now() - t0)} ms)`);
}
