/**
 * Moving an operator to another CATD's scope for the night (docs/CONTINGENCIA.md §3): when a CATD loses its
 * connection or its building, its packages go to a nearby CATD, whose people receive, scan and capture them as
 * operators of the dark CATD's scope — and go back when it is over. Only ámbito CATD has a CATD to change: the CCV
 * already reaches every acta, a PREP Casilla device is bound to casillas, the institute to no territory. Asking
 * for the CATD it already has changes nothing (and writes no audit entry), so a repeated request is harmless.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../resultado.ts';
import { CatdIdSchema } from './operador-nuevo.ts';
import type { Ambito } from './permisos.ts';
import { rechazo, type Rechazo } from './rechazo.ts';

export const ReasignacionSchema = z.strictObject({ catd: CatdIdSchema });
export type Reasignacion = z.infer<typeof ReasignacionSchema>;

/** The operator as stored, as far as a reassignment cares. */
export interface OperadorAReasignar {
  id: string;
  ambito: Ambito;
  catd: string | null;
  activo: boolean;
}

/** What to do: move it from `antes` to `despues`, or nothing because it already has that CATD. */
export interface DecisionReasignacion {
  cambio: boolean;
  antes: string;
  despues: string;
}

export function decidirReasignacion(op: OperadorAReasignar, catd: string): Result<DecisionReasignacion, Rechazo> {
  if (!op.activo) return err(rechazo('NO_ENCONTRADO', 'OPERADOR_DESCONOCIDO', `El operador ${op.id} está dado de baja.`));
  if (op.ambito !== 'CATD' || op.catd === null) {
    return err(
      rechazo('INVALIDO', 'NO_ES_OPERADOR_CATD', `Solo un operador de ámbito CATD cambia de CATD; ${op.id} es de ámbito ${op.ambito}.`, { ambito: op.ambito }),
    );
  }
  return ok({ cambio: op.catd !== catd, antes: op.catd, despues: catd });
}
