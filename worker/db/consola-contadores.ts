/**
 * The console's counters, written INSIDE each capture batch (worker/db/captura-escritura.ts) so that a console
 * refresh reads them instead of scanning the actas (data/migrations/0007_consola.sql). Every statement reads the
 * acta's row itself — its CATD, election, console step and whether it was received — so the counters follow the
 * stored rows by construction: the batch takes the acta out of its old counter before the row changes and puts it
 * in its new one after. All are primary-key seeks on small tables.
 */
import type { Cambio } from '../domain/captura/cambio.ts';
import type { ActaVersionada } from '../domain/captura/estado.ts';
import { eventosDelPaso } from '../domain/consola/eventos.ts';
import { sentencia, type Sentencia } from './sentencia.ts';

/** The CATD an acta is counted under (same rule as the work queues): SQL over the row aliased `acta`. */
export const CATD_DEL_ACTA = `coalesce(acta.catd_registro, (
  SELECT min(c.id) FROM catd c JOIN catd_eleccion ce ON ce.catd = c.id AND ce.eleccion = acta.eleccion
  WHERE (c.ambito = 'distrito' AND c.territorio = acta.distrito) OR (c.ambito = 'municipio' AND c.territorio = acta.municipio)
), '')`;

const CLAVE_CONTADOR = 'catd_consola, eleccion, paso_consola, acopio_at IS NOT NULL';

/** What of a confirmed step the counters need (a structural part of captura-escritura's Confirmacion). */
export interface PasoContado {
  antes: ActaVersionada | null;
  cambio: Cambio;
  operador: string;
  entrada: { at: number; catd: string | null };
}

/** Before the acta's row changes: out of the counter it is in now. */
export function sentenciasAntesDelActa(c: PasoContado): Sentencia[] {
  if (c.antes === null) return [];
  return [
    sentencia(
      `UPDATE consola_contador SET n = n - 1 WHERE (catd, eleccion, paso, recibida) = (SELECT ${CLAVE_CONTADOR} FROM acta WHERE clave = ?)`,
      c.cambio.estado.clave,
    ),
  ];
}

/** After the acta's row changed: its CATD (once, at creation), its new counter, its events, who was active. */
export function sentenciasDespuesDelActa(c: PasoContado): Sentencia[] {
  const clave = c.cambio.estado.clave;
  const catd = c.antes === null ? [sentencia(`UPDATE acta SET catd_consola = ${CATD_DEL_ACTA} WHERE clave = ?`, clave)] : [];
  const minuto = Math.floor(c.entrada.at / 60_000);
  const eventos = eventosDelPaso(c.cambio.accion, c.antes?.estado.etapa ?? null, c.cambio.estado.etapa).flatMap((tipo) => [
    sentencia(
      `INSERT INTO consola_evento (minuto, catd, tipo, n) SELECT ?, catd_consola, ?, 1 FROM acta WHERE clave = ?
       ON CONFLICT (minuto, catd, tipo) DO UPDATE SET n = n + 1`,
      minuto, tipo, clave,
    ),
    sentencia(
      `INSERT INTO consola_evento_total (catd, tipo, n) SELECT catd_consola, ?, 1 FROM acta WHERE clave = ?
       ON CONFLICT (catd, tipo) DO UPDATE SET n = n + 1`,
      tipo, clave,
    ),
  ]);
  return [
    ...catd,
    sentencia(
      `INSERT INTO consola_contador (catd, eleccion, paso, recibida, n) SELECT ${CLAVE_CONTADOR}, 1 FROM acta WHERE clave = ?
       ON CONFLICT (catd, eleccion, paso, recibida) DO UPDATE SET n = n + 1`,
      clave,
    ),
    ...eventos,
    sentencia(
      `INSERT INTO consola_actividad (operador, catd, visto_at) VALUES (?, ?, ?)
       ON CONFLICT (operador) DO UPDATE SET catd = excluded.catd, visto_at = max(visto_at, excluded.visto_at)`,
      c.operador, c.entrada.catd, c.entrada.at,
    ),
  ];
}
