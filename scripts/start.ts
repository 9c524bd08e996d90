/**
 * `npm start`: builds the portal, prepares the local D1 (migrations + synthetic Jalisco catalogue) and
 * serves the one Worker with wrangler dev (workerd, local D1 and R2 persisted under .state/).
 *   npm start [-- --port 8787] [-- --seed N]
 */
import { ROOT, PERSIST_DIR, run } from './lib/local.ts';
import { seedLocal } from './seed.ts';
import path from 'node:path';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const port = arg('port', '8787');
const seed = Number(arg('seed', '2024'));
const bin = (name: string) => path.join(ROOT, 'node_modules/.bin', name);

console.log('» construyendo el portal (astro build)…');
if ((await run(bin('astro'), ['build', '--silent'])) !== 0) process.exit(1);

console.log('» preparando D1 local (migraciones y catálogo sintético de Jalisco)…');
const seeded = await seedLocal(seed);
console.log(seeded.loaded ? '  catálogo cargado' : '  catálogo ya estaba cargado');

console.log(`» PREP local en http://localhost:${port}  (salud: /health, API: /api/v1/openapi.json)`);
const code = await run(bin('wrangler'), [
  'dev',
  '--local',
  '--persist-to',
  PERSIST_DIR,
  '--port',
  port,
  '--test-scheduled',
  '--show-interactive-dev-session=false',
]);
process.exit(code);
