// Two projects: the pure domain core (and the Node-side scripts) runs in Node; everything that
// touches D1, R2 or the Worker runs inside workerd through @cloudflare/vitest-plugin.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export default defineConfig({
  test: {
    root,
    // The JSON report is what .ci/run counts ("N passed, N failed").
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        test: {
          name: 'unit',
          root,
          environment: 'node',
          // Timeouts catch hangs, not slowness (speed lives in `npm run bench`): property tests and whole-night plans take
          // ~3 s on an idle 2-core machine and must not fail on a busy one.
          testTimeout: 30_000,
          hookTimeout: 60_000,
          include: ['worker/domain/**/*.test.ts', 'test/ejemplos/**/*.test.ts', 'scripts/**/*.test.ts', 'site/**/*.test.ts', 'test/e2e/**/*.test.ts'],
        },
      },
      {
        plugins: [
          cloudflareTest(async () => ({
            wrangler: { configPath: path.join(root, 'wrangler.toml') },
            miniflare: {
              bindings: { TEST_MIGRATIONS: await readD1Migrations(path.join(root, 'data/migrations')) },
            },
          })),
        ],
        test: {
          name: 'workers',
          root,
          include: ['worker/api/**/*.test.ts', 'worker/cortes/**/*.test.ts', 'worker/db/**/*.test.ts', 'test/**/*.test.ts'],
          // The browser tests drive Chromium from Node: they run in the unit project, not in workerd.
          exclude: ['test/e2e/**', 'test/ejemplos/**'],
          setupFiles: [path.join(root, 'test/setup/migraciones.ts')],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
