/**
 * The platform's side of an audit (docs/CONTROL-DE-CAMBIOS.md §4): the version a running Worker reports in
 * `/health` (its version metadata binding: id, tag, upload instant) against the rebuild and against Cloudflare's
 * record of the account, as `wrangler deployments list --json` and `wrangler versions view <id> --json` print it
 * (the API's deployment and version objects; only the fields read here are checked, the rest may vary).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { IdentidadConstruccion, VersionPlataforma } from '../../worker/domain/contrato/index.ts';
export { VersionPlataformaSchema } from '../../worker/api/health/version.ts';
import type { Comparacion } from './comparar.ts';
import { etiquetasVersion } from './despliegue.ts';

/** One deployment of `wrangler deployments list --json`: which versions receive which share of the traffic. */
const DespliegueCfSchema = z.object({
  created_on: z.string(),
  versions: z.array(z.object({ version_id: z.string(), percentage: z.number() })),
});
export const DesplieguesCfSchema = z.array(DespliegueCfSchema);

/** `wrangler versions view <id> --json`: the version, with the tag and message `npm run deploy` gave it. */
export const VersionCfSchema = z.object({
  id: z.string(),
  annotations: z.object({ 'workers/tag': z.string().optional(), 'workers/message': z.string().optional() }).optional(),
});

/** What the account says, each read from a file the auditor saved with wrangler (an account is needed for that). */
export interface RegistroCuenta {
  despliegues?: z.infer<typeof DesplieguesCfSchema>;
  version?: z.infer<typeof VersionCfSchema>;
}

export function leerRegistroCuenta(archivos: { despliegues?: string | undefined; version?: string | undefined }): RegistroCuenta {
  const leer = <T>(archivo: string, esquema: z.ZodType<T>, comando: string): T => {
    const r = esquema.safeParse(JSON.parse(readFileSync(archivo, 'utf8')));
    if (!r.success) throw new Error(`${archivo} no es la salida de \`${comando}\`: ${r.error.issues[0]?.message ?? ''}`);
    return r.data;
  };
  return {
    ...(archivos.despliegues ? { despliegues: leer(archivos.despliegues, DesplieguesCfSchema, 'wrangler deployments list --json') } : {}),
    ...(archivos.version ? { version: leer(archivos.version, VersionCfSchema, 'wrangler versions view <id> --json') } : {}),
  };
}

const es = (que: string, coincide: boolean, detalle: string): Comparacion => ({ que, coincide, detalle });

/** The version that takes the traffic in the newest deployment (null: split between versions, or none). */
function versionActiva(despliegues: z.infer<typeof DesplieguesCfSchema>): string | null {
  const ultimo = [...despliegues].sort((a, b) => a.created_on.localeCompare(b.created_on)).at(-1);
  const toda = ultimo?.versions.find((v) => v.percentage === 100);
  return toda?.version_id ?? null;
}

/**
 * The comparisons of the platform version. `local`: a Worker under `wrangler dev`, whose version is invented per
 * start (random id, no tag) — reported, not judged. Deployed, the tag must be the rebuild's commit (npm run deploy
 * sets it), and the account's record, when given, must name that same version with the rebuild's tag and message.
 */
export function compararVersion(fuente: string, identidad: IdentidadConstruccion, version: VersionPlataforma | null, local: boolean, cuenta: RegistroCuenta = {}): Comparacion[] {
  if (version === null) return [es(`${fuente}: versión de la plataforma`, false, 'no informada (el wrangler.toml auditado declara el binding CF_VERSION_METADATA)')];
  const esperadas = etiquetasVersion(identidad);
  const out = [es(`${fuente}: versión de la plataforma`, true, `id ${version.id}, etiqueta «${version.tag}», subida ${version.timestamp}`)];
  if (local && version.tag === '') {
    out.push(es(`${fuente}: etiqueta de la versión`, true, 'sin etiqueta: Worker local (wrangler dev), no una versión desplegada'));
  } else {
    const igual = version.tag === esperadas.tag;
    out.push(es(`${fuente}: etiqueta de la versión (commit)`, igual, igual ? version.tag : `reconstruido ${esperadas.tag}, dice «${version.tag}»`));
  }
  if (cuenta.despliegues !== undefined) {
    const activa = versionActiva(cuenta.despliegues);
    out.push(es('wrangler deployments list: versión activa', activa === version.id, activa === version.id ? version.id : `la cuenta dice ${activa ?? 'ninguna al 100 %'}, /health dice ${version.id}`));
  }
  if (cuenta.version !== undefined) {
    const v = cuenta.version;
    const tag = v.annotations?.['workers/tag'] ?? '';
    const mensaje = v.annotations?.['workers/message'] ?? '';
    out.push(
      es('wrangler versions view: id', v.id === version.id, v.id === version.id ? v.id : `la cuenta muestra ${v.id}, /health dice ${version.id}`),
      es('wrangler versions view: etiqueta', tag === esperadas.tag, tag === esperadas.tag ? tag : `reconstruido ${esperadas.tag}, dice «${tag}»`),
      es('wrangler versions view: mensaje (SHA-256 del Worker y del portal)', mensaje === esperadas.message, mensaje === esperadas.message ? mensaje : `reconstruido «${esperadas.message}», dice «${mensaje}»`),
    );
  }
  return out;
}

/** A Worker on this machine: its version comes from wrangler dev, not from Cloudflare. */
export function esLocal(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || host.startsWith('127.');
}
