/**
 * The one Worker: the Hono API and the public shard routes answer first (wrangler.toml `run_worker_first`);
 * any other path is the Astro portal, served from the static assets. The cron publishes cortes when due, and drops
 * the rate-limit counts of minutes gone by, and advances the audit chain's check the console shows (out of the
 * console's requests: docs/CONSOLA.md).
 */
import { crearApp as createApp } from './api/app.ts';
import { alProgramar } from './cortes/programado.ts';
import { ventanaDeTasa } from './api/middleware/limite-tasa/index.ts';
import { olvidarVentanasViejas } from './db/operadores.ts';
import { verificarEnProgramado } from './db/consola-bitacora.ts';

const app = createApp();

export default {
  async fetch(request, env, ctx) {
    return app.fetch(request, env, ctx);
  },
  async scheduled(controller, env, _ctx) {
    const limpieza = olvidarVentanasViejas(env.DB, ventanaDeTasa(Date.now())).catch((e) => console.error('tasa: no se pudo limpiar', e));
    const [programado] = await Promise.all([alProgramar(env, controller.scheduledTime), limpieza]);
    // Not in a tick that published a corte (its CPU and D1 time are the publication's): the check waits a minute.
    if (programado.corte === null) await verificarEnProgramado(env.DB, Date.now).catch((e) => console.error('bitácora: no se pudo verificar la cadena', e));
  },
} satisfies ExportedHandler<Env>;
