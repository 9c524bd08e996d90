/**
 * The workflow events the console's rate alerts count (D1 `consola_evento`, one row per minute, CATD and kind):
 *   RONDA         a capture round completed (the second capture arrived: equal → verified, different → verification)
 *   DISCREPANCIA  …and its captures disagreed (the capture mismatch rate is DISCREPANCIA / RONDA)
 *   DECISION      a verifier or a supervisor decided on an acta
 *   DEVOLUCION    …and sent it back (recapture or re-digitization: the refusal rate is DEVOLUCION / DECISION)
 * Derived from the step's before and after states only, so the batch that records the step records its events.
 */
import type { AccionPaso } from '../captura/cambio.ts';
import type { Etapa } from '../captura/estado.ts';

export const TIPOS_EVENTO = ['RONDA', 'DISCREPANCIA', 'DECISION', 'DEVOLUCION'] as const;
export type TipoEvento = (typeof TIPOS_EVENTO)[number];

export function eventosDelPaso(accion: AccionPaso, antes: Etapa | null, despues: Etapa): TipoEvento[] {
  switch (accion) {
    case 'CAPTURA':
      if (antes !== 'CAPTURA') return [];
      if (despues === 'VERIFICACION') return ['RONDA', 'DISCREPANCIA'];
      return despues === 'VERIFICADA' ? ['RONDA'] : [];
    case 'VERIFICACION':
    case 'COTEJO':
      return despues === 'VERIFICADA' ? ['DECISION'] : ['DECISION', 'DEVOLUCION'];
    case 'ACOPIO':
    case 'DIGITALIZACION':
      return [];
  }
}
