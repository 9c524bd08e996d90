/**
 * Where a publication comes from: the `pruebas` environment (simulacros, rehearsals, local development) or
 * `produccion` (election night), and which build published it. Every object a corte publishes in `pruebas` says
 * so in words, so that a copy taken out of context (a difusor's mirror, a screenshot, a downloaded zip) can never
 * pass for real results; the CSVs themselves keep INE's exact layout and carry no mark.
 */

export const ENTORNOS = ['pruebas', 'produccion'] as const;
export type Entorno = (typeof ENTORNOS)[number];

/** The words every `pruebas` manifest and `latest.json` carry (`simulacro`), the LEEME opens with and the portal shows. */
export const LEYENDA_SIMULACRO = 'SIMULACRO / PRUEBA: datos de un ejercicio de prueba del PREP; no son resultados de ninguna elección.';

/** The open-data zip of a `pruebas` corte is named `SIMULACRO_<YYYYMMDD_HHMM>_PREP.zip`. */
export const PREFIJO_ZIP_SIMULACRO = 'SIMULACRO_';

/** The `simulacro` field of a manifest or pointer published in `entorno`. */
export function leyendaDe(entorno: Entorno): string | null {
  return entorno === 'pruebas' ? LEYENDA_SIMULACRO : null;
}

/**
 * Where the build's identity is served from: a file written into the portal's assets after the build (it is left
 * out of the portal's own digest), which the Worker reads for `/health` and the manifests and the acerca page shows.
 */
export const RUTA_IDENTIDAD = '/identidad.json';

/**
 * The build the Worker runs (docs/CONTROL-DE-CAMBIOS.md): the git commit (`<sha>-modificado` when the work tree
 * had uncommitted changes) and the SHA-256 digests of the Worker bundle and of the portal's assets.
 */
export interface IdentidadConstruccion {
  commit: string;
  workerSha256: string;
  portalSha256: string;
}
