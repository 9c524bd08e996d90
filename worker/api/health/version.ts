/**
 * The version metadata binding (wrangler.toml `[version_metadata]`): the platform's own record of which uploaded
 * version of the Worker answers. /health shows it beside the build identity so that the ente auditor can match the
 * id with `wrangler deployments list` and the tag with the audited commit (docs/CONTROL-DE-CAMBIOS.md §4).
 */
import { z } from '@hono/zod-openapi';
import type { VersionPlataforma } from '../../domain/contrato/index.ts';

export const VersionPlataformaSchema = z
  .object({
    id: z.string().openapi({ description: 'Id de la versión en Cloudflare (aleatorio en cada arranque de wrangler dev)' }),
    tag: z.string().openapi({ description: 'Etiqueta de la versión: `npm run deploy` pone el commit (12 caracteres); vacía en wrangler dev' }),
    timestamp: z.string().openapi({ description: 'Instante en que se subió la versión' }),
  })
  .openapi('VersionPlataforma');

/** The binding's values, or null when the runtime provides none (a Worker configured without the binding). */
export function versionDe(metadatos: Partial<WorkerVersionMetadata> | undefined): VersionPlataforma | null {
  const r = VersionPlataformaSchema.safeParse(metadatos ?? null);
  return r.success ? { id: r.data.id, tag: r.data.tag, timestamp: r.data.timestamp } : null;
}
