/**
 * The commit a build comes from: `git rev-parse HEAD`, marked `<sha>-modificado` when the work tree differs from
 * it (tracked changes or untracked files that are not ignored: either could be in the build). Outside a git
 * checkout (a source tarball) it is `sin-git`: the digests still identify the build.
 */
import { spawnSync } from 'node:child_process';

export const MARCA_MODIFICADO = '-modificado';

function git(raiz: string, args: string[]): string | null {
  const r = spawnSync('git', args, { cwd: raiz, encoding: 'utf8' });
  return r.status === 0 ? r.stdout : null;
}

export function commitDe(raiz: string): string {
  const head = git(raiz, ['rev-parse', 'HEAD'])?.trim();
  if (!head || !/^[0-9a-f]{40}$/.test(head)) return 'sin-git';
  const estado = git(raiz, ['status', '--porcelain']);
  return estado === null || estado.trim() !== '' ? `${head}${MARCA_MODIFICADO}` : head;
}
