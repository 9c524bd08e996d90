// Storage is isolated per test file: apply the D1 migrations once for each file. This is the workerd side
// (@cloudflare/vitest-plugin reads data/migrations in test/vitest.config.ts); the scripts apply them through
// wrangler with aplicarMigraciones (scripts/lib/d1-local.ts).
import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
