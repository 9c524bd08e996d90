/**
 * For e2e files that build a night by hand: the publication log's INSERTs (the corte's input) and a corte through
 * the scheduled handler at a chosen instant, waited for until the pointer names it.
 */
import type { ActaPublicada } from '../../../worker/domain/acta/publicada.ts';
import type { Pila } from './pila.ts';

/** INSERTs into the publication log, sequence numbers after `desde`, and the sequence moved to the last. */
export function sqlPublicacion(actas: readonly ActaPublicada[], desde: number): string {
  const filas = actas.map(
    (a, i) => `INSERT INTO acta_publicacion (seq, clave, eleccion, payload) VALUES (${desde + i + 1}, '${a.clave}', '${a.identificacion.eleccion}', '${JSON.stringify(a).replaceAll("'", "''")}');`,
  );
  return `${filas.join('\n')}\nUPDATE secuencia SET valor = ${desde + actas.length} WHERE id = 1;\n`;
}

/**
 * Publishes a corte at epoch ms `instante` (the scheduled handler, at wrangler's own trigger path) and waits until
 * the pointer says corte `numero`: the edge cache serves the previous pointer for a few more seconds.
 */
export async function publicarCorte(pila: Pila, instante: number, numero: number): Promise<void> {
  const r = await fetch(`${pila.url}/cdn-cgi/local/scheduled?cron=${encodeURIComponent('* * * * *')}&time=${instante}`);
  if (!r.ok) throw new Error(`disparador programado: HTTP ${r.status} ${await r.text()}\n${pila.salida()}`);
  const hasta = Date.now() + 60_000;
  while (Date.now() < hasta) {
    const p = await fetch(`${pila.url}/datos/latest.json`);
    if (p.ok && ((await p.json()) as { numero: number }).numero === numero) return;
    await new Promise((listo) => setTimeout(listo, 1000));
  }
  throw new Error(`el puntero no llegó al corte ${numero}\n${pila.salida().slice(-3000)}`);
}
