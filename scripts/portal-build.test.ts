// Guards against the adapter bug where prerendered pages build as "[object Object]" with a green build
// (withastro/astro#18009): build into a temporary folder and check the page's real content is there.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, quietEnv } from './lib/local.ts';

const out = mkdtempSync(path.join(tmpdir(), 'prep-build-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('astro build', () => {
  it('renders the portal pages with their real content', () => {
    const r = spawnSync(path.join(ROOT, 'node_modules/.bin/astro'), ['build', '--silent', '--outDir', out], {
      cwd: ROOT,
      env: quietEnv,
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(path.join(out, 'client/index.html'), 'utf8');
    expect(html).not.toContain('[object Object]');
    expect(html).toContain('lang="es-MX"');
    expect(html).toContain('no tienen efectos jurídicos');
  }, 120_000);
});
