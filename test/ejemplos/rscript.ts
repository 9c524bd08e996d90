/**
 * Debian's R (r-base-core, installed by .ci/run), for the test that loads the open-data CSVs with the R recipes
 * as a newsroom does: base R only, no CRAN packages. Test support only.
 */
import { spawnSync } from 'node:child_process';

/** `Rscript` when it runs, else null. */
export function rscript(): string | null {
  const r = spawnSync('Rscript', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? 'Rscript' : null;
}

/** Without R: a clear message here, a failure in CI (where .ci/run installs it). */
export function sinR(archivo: string): void {
  const aviso = 'R no está instalado: apt-get install -y r-base-core (.ci/run lo instala)';
  if (process.env.CI) throw new Error(aviso);
  console.warn(`${archivo}: se omite lo que usa R: ${aviso}`);
}
