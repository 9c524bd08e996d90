/**
 * A build's identity (docs/CONTROL-DE-CAMBIOS.md): the commit, the Worker bundle's digest and the portal's, computed
 * after both are built and written into the portal's assets as identidad.json, where the Worker reads it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Entorno, IdentidadConstruccion } from '../../worker/domain/contrato/index.ts';
import { IdentidadConstruccionSchema } from '../../worker/domain/corte/shards.ts';
import { commitDe } from './commit.ts';
import { ARCHIVO_IDENTIDAD, digestoPortal } from './portal.ts';
import { empaquetarWorker } from './worker.ts';

export interface Construccion {
  identidad: IdentidadConstruccion;
  /** Where the bundle was written. */
  bundle: string;
  archivosPortal: number;
}

export function calcularIdentidad(o: { raiz: string; portal: string; bundle: string; entorno?: Entorno }): Construccion {
  const worker = empaquetarWorker({ raiz: o.raiz, outdir: o.bundle, entorno: o.entorno, assets: o.portal });
  const portal = digestoPortal(o.portal);
  return {
    identidad: { commit: commitDe(o.raiz), workerSha256: worker.sha256, portalSha256: portal.sha256 },
    bundle: o.bundle,
    archivosPortal: portal.archivos.length,
  };
}

export function escribirIdentidad(portal: string, identidad: IdentidadConstruccion): void {
  writeFileSync(path.join(portal, ARCHIVO_IDENTIDAD), `${JSON.stringify(identidad, null, 2)}\n`);
}

export function leerIdentidad(portal: string): IdentidadConstruccion | null {
  try {
    return IdentidadConstruccionSchema.parse(JSON.parse(readFileSync(path.join(portal, ARCHIVO_IDENTIDAD), 'utf8')));
  } catch {
    return null;
  }
}

/** "commit …, Worker sha256 …, portal sha256 …": one line for people. */
export function textoIdentidad(i: IdentidadConstruccion): string {
  return `commit ${i.commit}, Worker sha256 ${i.workerSha256}, portal sha256 ${i.portalSha256}`;
}
