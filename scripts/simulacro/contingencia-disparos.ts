/**
 * The cron's companion under a drill: the same one invocation per simulated minute as Cron.acompanar (cron.ts),
 * except the minutes the drill says the cron does not fire (a stopped cron fires nothing, and says nothing).
 */
import type { Cron } from './cron.ts';
import type { EstadoNoche } from './estado.ts';
import { MINUTO } from './reloj.ts';

const dormir = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function acompanarConPausas(cron: Cron, estado: EstadoNoche, duracionMin: number, dispara: (minuto: number) => boolean, terminada: () => boolean): Promise<void> {
  let ultimo = -1;
  while (!terminada()) {
    const m = Math.floor(estado.minuto);
    if (m > ultimo && m < duracionMin) {
      ultimo = m;
      if (dispara(m)) await cron.disparar(estado.apertura + m * MINUTO);
    } else await dormir(5);
  }
}
