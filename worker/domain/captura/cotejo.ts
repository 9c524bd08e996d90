/**
 * Cotejo (docs/REGLAS.md §2.5): a supervisor compares a published acta with its image. ACEPTAR makes COTEJADA 1
 * (accepted at first). RECAPTURA / REDIGITALIZACION send it back with a reason: COTEJADA 3 while the correction
 * runs (the last verified figures stay published), and the next verification makes it COTEJADA 2.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../resultado.ts';
import { cambio, instante, type Cambio, type Contexto } from './cambio.ts';
import type { ActaEstado, ActaVersionada } from './estado.ts';
import { rechazo, type Rechazo } from './rechazo.ts';
import { textoLibre } from './texto-libre.ts';

export const CotejoSchema = z.discriminatedUnion('accion', [
  z.strictObject({ accion: z.literal('ACEPTAR') }),
  z.strictObject({ accion: z.enum(['RECAPTURA', 'REDIGITALIZACION']), motivo: textoLibre(3, 500) }),
]);
export type Cotejo = z.infer<typeof CotejoSchema>;

export function cotejar(actual: ActaVersionada | null, c: Cotejo, ctx: Contexto): Result<Cambio, Rechazo> {
  if (actual === null) return err(rechazo('CONFLICTO', 'ACTA_NO_VERIFICADA', 'El acta aún no se ha registrado.'));
  const e = actual.estado;
  if (e.etapa !== 'VERIFICADA') {
    return err(rechazo('CONFLICTO', 'ACTA_NO_VERIFICADA', `Solo se cotejan actas verificadas; ${e.clave} está en ${e.etapa}.`, { etapa: e.etapa }));
  }
  if (c.accion === 'ACEPTAR') {
    if (e.cotejada !== 0) {
      return err(rechazo('CONFLICTO', 'ACTA_YA_COTEJADA', `El acta ${e.clave} ya fue cotejada (COTEJADA ${e.cotejada}).`));
    }
    return ok(cambio('COTEJO', { ...e, cotejada: 1 }, { accion: 'ACEPTAR' }));
  }
  const devolucion = { por: 'COTEJO' as const, accion: c.accion, motivo: c.motivo, operador: ctx.operador.id, at: instante(ctx) };
  const estado: ActaEstado = {
    ...e,
    etapa: c.accion === 'RECAPTURA' ? 'CAPTURA' : 'DIGITALIZACION',
    etapaDesde: ctx.ahora,
    ronda: e.ronda + 1,
    cotejada: 3,
    devolucion,
  };
  return ok(cambio('COTEJO', estado, { accion: c.accion, motivo: c.motivo, ronda: estado.ronda }));
}
