/**
 * The build's last step, as an Astro integration so that every portal build (`npm run build`, `npm start`, the
 * tests' build) ends with its identity: once the pages are written, wrangler's dry run bundles the Worker into
 * `<outDir>/worker` (beside `<outDir>/client`, the assets), both are digested, and identidad.json is written
 * into the assets, where the Worker serves it from. It must run after the hook that removes the Vite plugin's
 * redirect to a generated wrangler.json, or the dry run would bundle that configuration instead of wrangler.toml.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { calcularIdentidad, escribirIdentidad, textoIdentidad } from './identidad.ts';

const RAIZ = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function identidadDeConstruccion() {
  return {
    name: 'prep:identidad-de-construccion',
    hooks: {
      'astro:build:done': ({ dir, logger }: { dir: URL; logger: { info(t: string): void } }) => {
        const portal = fileURLToPath(dir);
        const c = calcularIdentidad({ raiz: RAIZ, portal, bundle: path.join(portal, '..', 'worker') });
        escribirIdentidad(portal, c.identidad);
        logger.info(`identidad de la construcción: ${textoIdentidad(c.identidad)}`);
      },
    },
  };
}
