/** Reading the commit of a git checkout from the text of its files (no git binary, no file system). */

/** The commit HEAD points at, from loose refs (keyed by path under `git`), packed refs or a detached sha. */
export function commitDe(
  headTxt: string | undefined,
  loose: Record<string, string>,
  packedTxt: string | undefined,
  git: string,
): string | null {
  const h = headTxt?.trim();
  if (!h) return null;
  if (/^[0-9a-f]{40}$/.test(h)) return h;
  const ref = /^ref: (\S+)$/.exec(h)?.[1];
  if (!ref) return null;
  const suelto = loose[`${git}${ref}`]?.trim();
  if (suelto && /^[0-9a-f]{40}$/.test(suelto)) return suelto;
  for (const linea of (packedTxt ?? '').split('\n')) {
    const [sha, nombre] = linea.trim().split(' ');
    if (nombre === ref && sha && /^[0-9a-f]{40}$/.test(sha)) return sha;
  }
  return null;
}

