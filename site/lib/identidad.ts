/**
 * The build identity as the acerca page shows it, read at run time from the file the build wrote beside the
 * assets (it cannot be inside the pages it digests: docs/CONTROL-DE-CAMBIOS.md).
 */
import { RUTA_IDENTIDAD, type IdentidadConstruccion } from '../../worker/domain/contrato/index.ts';

const SHA = /^[0-9a-f]{64}$/;

/** The identity in `json`, or null when it is not one (checked by hand: zod would weigh on the page). */
export function identidadDe(json: unknown): IdentidadConstruccion | null {
  if (typeof json !== 'object' || json === null) return null;
  const i = json as Record<string, unknown>;
  if (typeof i.commit !== 'string' || typeof i.workerSha256 !== 'string' || typeof i.portalSha256 !== 'string') return null;
  if (!SHA.test(i.workerSha256) || !SHA.test(i.portalSha256)) return null;
  return { commit: i.commit, workerSha256: i.workerSha256, portalSha256: i.portalSha256 };
}

/** "Versión: commit …, Worker sha256 …, portal sha256 …", saying in words when the tree was modified. */
export function textoIdentidad(i: IdentidadConstruccion): string {
  const commit = i.commit.endsWith('-modificado') ? `${i.commit.slice(0, -'-modificado'.length)} con cambios sin confirmar` : i.commit;
  return `Versión: commit ${commit}, Worker sha256 ${i.workerSha256}, portal sha256 ${i.portalSha256}`;
}

export async function leerIdentidad(pedir: typeof fetch = fetch): Promise<IdentidadConstruccion | null> {
  const res = await pedir(RUTA_IDENTIDAD).catch(() => null);
  return res?.ok ? identidadDe(await res.json().catch(() => null)) : null;
}
