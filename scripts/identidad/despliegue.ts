/**
 * What `npm run deploy` records of a deployment, so that `npm run auditoria` can compare a rebuild with it: the
 * bundle wrangler bundled for the environment (`<salida>/worker`) and the identity it was deployed with
 * (`<salida>/identidad.json`, with the environment). The default `<salida>` is `.state/despliegue/<entorno>`.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Entorno, IdentidadConstruccion } from '../../worker/domain/contrato/index.ts';
import { EntornoSchema, IdentidadConstruccionSchema } from '../../worker/domain/corte/shards.ts';
import { z } from 'zod';
import { commitDe } from './commit.ts';
import { escribirIdentidad } from './identidad.ts';
import { digestoPortal } from './portal.ts';
import { empaquetarWorker } from './worker.ts';

export const RegistroDespliegueSchema = z.strictObject({ entorno: EntornoSchema, identidad: IdentidadConstruccionSchema });
export type RegistroDespliegue = z.infer<typeof RegistroDespliegueSchema>;

export const dirBundle = (salida: string) => path.join(salida, 'worker');
const archivoRegistro = (salida: string) => path.join(salida, 'identidad.json');

/**
 * Bundles the Worker for `entorno`, digests the portal, writes the identity into the portal's assets (the Worker
 * serves it from there) and records both under `salida`. Returns the identity.
 */
export function prepararDespliegue(o: { raiz: string; entorno: Entorno; portal: string; salida: string }): IdentidadConstruccion {
  rmSync(dirBundle(o.salida), { recursive: true, force: true });
  mkdirSync(o.salida, { recursive: true });
  const worker = empaquetarWorker({ raiz: o.raiz, outdir: dirBundle(o.salida), entorno: o.entorno, assets: o.portal });
  const identidad = { commit: commitDe(o.raiz), workerSha256: worker.sha256, portalSha256: digestoPortal(o.portal).sha256 };
  escribirIdentidad(o.portal, identidad);
  const registro: RegistroDespliegue = { entorno: o.entorno, identidad };
  writeFileSync(archivoRegistro(o.salida), `${JSON.stringify(registro, null, 2)}\n`);
  return identidad;
}

export function leerRegistro(salida: string): RegistroDespliegue | null {
  try {
    return RegistroDespliegueSchema.parse(JSON.parse(readFileSync(archivoRegistro(salida), 'utf8')));
  } catch {
    return null;
  }
}

/** Version tag and message of a real deploy (`wrangler deploy --tag --message`): what `wrangler deployments` shows. */
export function etiquetasVersion(i: IdentidadConstruccion): { tag: string; message: string } {
  // Cloudflare limits a version's message to 100 characters: 40 hex digits of each digest identify it beyond doubt.
  return { tag: i.commit.slice(0, 12) + (i.commit.endsWith('-modificado') ? '-mod' : ''), message: `worker ${i.workerSha256.slice(0, 40)} portal ${i.portalSha256.slice(0, 40)}` };
}
