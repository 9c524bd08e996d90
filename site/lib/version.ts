/**
 * The deployed build's version, fixed at build time: package.json's version plus the git commit the portal was
 * built from, when the build runs inside a git checkout. Pages render it while prerendering (which runs in
 * workerd, without a file system), so the files are pulled in by Vite's import.meta.glob: a missing .git simply
 * matches nothing.
 */
import pkg from '../../package.json';
import { commitDe } from './git.ts';

const head = import.meta.glob<string>('../../.git/HEAD', { query: '?raw', import: 'default', eager: true });
const refs = import.meta.glob<string>('../../.git/refs/heads/**', { query: '?raw', import: 'default', eager: true });
const packed = import.meta.glob<string>('../../.git/packed-refs', { query: '?raw', import: 'default', eager: true });

const GIT = '../../.git/';

const commit = commitDe(head[`${GIT}HEAD`], refs, packed[`${GIT}packed-refs`], GIT);

export const VERSION = {
  version: pkg.version,
  commit: commit ? commit.slice(0, 12) : null,
  // No build time: the same commit must build to the same bytes (docs/CONTROL-DE-CAMBIOS.md).
} as const;

/** "0.1.0 (ab8973f1c2d3)" or "0.1.0". */
export const VERSION_TEXTO = VERSION.commit ? `${VERSION.version} (${VERSION.commit})` : VERSION.version;
