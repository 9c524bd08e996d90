/**
 * The console's counters, written INSIDE each capture batch (worker/db/captura-escritura.ts) so that a console
 * refresh reads them instead of scanning the actas (data/migrations/0007_consola.sql). The acta's CATD, its counter
 * and the night's event totals are kept by SQLite triggers (data/migrations/0012_consola_disparadores.sql) that run
 * inside the statements changing `acta` and `consola_evento`: each statement of a batch is an answer the D1 binding
 * parses (issue 16), so the batch adds only what the rows cannot say — the step's events (they depend on the action);
 * who was active follows from the audit entry (0013_escritura_disparadores.sql).
 */
import type { Cambio } from '../domain/captura/cambio.ts';
import type { ActaVersionada } from '../domain/captura/estado.ts';
import { eventosDelPaso } from '../domain/consola/eventos.ts';
import { sentencia, type Sentencia } from './sentencia.ts';

/** What of a confirmed step the counters need (a structural part of captura-escritura's Confirmacion). */
export interface PasoContado {
  antes: ActaVersionada | null;
  cambio: Cambio;
  entrada: { at: number };
}

/**
 * After the acta's row changed: its events (one statement for all of them, none for most steps). Who was active
 * is noted by the audit entry's trigger (data/migrations/0013_escritura_disparadores.sql).
 */
export function sentenciasDespuesDelActa(c: PasoContado): Sentencia[] {
  const minuto = Math.floor(c.entrada.at / 60_000);
  const tipos = eventosDelPaso(c.cambio.accion, c.antes?.estado.etapa ?? null, c.cambio.estado.etapa);
  // The CATD is read from the acta's row (set by its trigger); the WHERE also settles SQLite's upsert parse.
  const eventos =
    tipos.length === 0
      ? []
      : [
          sentencia(
            `INSERT INTO consola_evento (minuto, catd, tipo, n)
             SELECT ?, acta.catd_consola, t.column1, 1 FROM acta, (VALUES ${tipos.map(() => '(?)').join(', ')}) AS t WHERE acta.clave = ?
             ON CONFLICT (minuto, catd, tipo) DO UPDATE SET n = n + 1`,
            minuto, ...tipos, c.cambio.estado.clave,
          ),
        ];
  return eventos;
}
