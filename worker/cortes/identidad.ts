/**
 * What the Worker knows about itself: its environment (the `ENTORNO` var of wrangler.toml) and its build identity,
 * the `identidad.json` the build wrote into the static assets after bundling (a bundle cannot contain its own
 * hash: docs/CONTROL-DE-CAMBIOS.md). `/health` serves both and every corte's manifest records them.
 */
import { RUTA_IDENTIDAD, type Entorno, type IdentidadConstruccion } from '../domain/contrato/index.ts';
import type { Publicacion } from '../domain/corte/corte.ts';
import { IdentidadConstruccionSchema } from '../domain/corte/shards.ts';

/** Only an explicit `produccion` is production: a missing or mistyped var labels everything as a simulacro. */
export function entornoDe(env: { ENTORNO?: string }): Entorno {
  return env.ENTORNO === 'produccion' ? 'produccion' : 'pruebas';
}

// A deployment's assets never change, so a found identity is kept for the isolate's life.
let guardada: IdentidadConstruccion | null = null;

/** The build identity among the assets; null when the assets have none (a build that skipped the identity step). */
export async function identidadDe(assets: Fetcher | undefined): Promise<IdentidadConstruccion | null> {
  if (guardada !== null || assets === undefined) return guardada;
  const res = await assets.fetch(new Request(`https://assets.local${RUTA_IDENTIDAD}`));
  if (!res.ok) return null;
  const r = IdentidadConstruccionSchema.safeParse(await res.json().catch(() => null));
  if (!r.success) {
    console.error(`${RUTA_IDENTIDAD} no cumple su esquema: no se informa identidad`);
    return null;
  }
  guardada = r.data;
  return guardada;
}

export async function publicacionDelWorker(env: Env): Promise<Publicacion> {
  return { entorno: entornoDe(env), construccion: await identidadDe(env.ASSETS) };
}
