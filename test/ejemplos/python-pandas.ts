/**
 * Debian's python3 with pandas (python3-pandas, installed by .ci/run), for the tests that load the open-data CSVs
 * as a newsroom does. Test support only.
 */
import { spawnSync } from 'node:child_process';

/** The first interpreter that imports pandas: Debian's is /usr/bin/python3 (a pyenv or venv python3 may lack it). */
export function pythonConPandas(): string | null {
  for (const py of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(py, ['-c', 'import pandas'], { encoding: 'utf8' });
    if (r.status === 0) return py;
  }
  return null;
}

/** Without pandas: a clear message here, a failure in CI (where .ci/run installs it). */
export function sinPandas(archivo: string): void {
  const aviso = 'python3-pandas no está instalado: apt-get install -y python3-pandas (.ci/run lo instala)';
  if (process.env.CI) throw new Error(aviso);
  console.warn(`${archivo}: se omite lo que usa pandas: ${aviso}`);
}
