/**
 * The audit entry of a corte an administrator asked for by hand (POST /api/v1/cortes): who asked, the instant
 * asked for (a replay's) and what came of it — the corte published, or nothing to publish. Both outcomes are
 * recorded: asking is the administrative act (issue 14, defect 4).
 */
import { administrar, ejecutorD1 } from '../../db/administracion.ts';
import { auditarCorteManual } from '../../cortes/solicitudes-d1.ts';
import type { CorteHecho } from './publicar-corte.ts';

export const ACCION_SIN_CAMBIOS = 'CORTE_A_MANO_SIN_CAMBIOS';

export async function auditarCorteAMano(db: D1Database, operador: string, r: CorteHecho, instante: number | null): Promise<void> {
  const ahora = Date.now();
  if (r.resultado === 'publicado') {
    await auditarCorteManual(db, operador, { numero: r.numero, secuencia: r.secuencia, manifiesto: r.manifiesto, instantePedido: instante }, ahora);
    return;
  }
  const detalle = { ultimoCorte: r.numero, secuencia: r.secuencia, instantePedido: instante };
  await administrar(ejecutorD1(db), [], { operador, accion: ACCION_SIN_CAMBIOS, acta: null, detalle }, ahora);
}
