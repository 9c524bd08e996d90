/**
 * How long a secret (bearer token, access key) may live, by the ámbito of its operator (issue 17, separation of
 * duties): an INSTITUTO operator (admin, observador) holds the keys to the whole night, so its secret dies within
 * that night — at most 12 h, 8 h when not asked (one shift, as long as a screen session). The staff of a CATD, the
 * CCV and the PREP Casilla devices keep today's ceiling of 30 days (devices and staff are set up the days before);
 * 16 h when not asked (election day from the opening of the casillas to the small hours).
 * Enforced where every secret is issued (worker/db/administracion.ts, emitirToken), for the CLI and the API alike.
 */
import { err, ok, type Result } from '../resultado.ts';
import type { Ambito } from './permisos.ts';
import { rechazo, type Rechazo } from './rechazo.ts';

export const HORA_MS = 3_600_000;

export interface VigenciaDelAmbito {
  /** Longest validity a secret of this ámbito may have, in hours. */
  maximaHoras: number;
  /** Validity when the person issuing it does not say, in hours. */
  omisionHoras: number;
}

export const VIGENCIA_POR_AMBITO: Readonly<Record<Ambito, VigenciaDelAmbito>> = {
  INSTITUTO: { maximaHoras: 12, omisionHoras: 8 },
  CATD: { maximaHoras: 720, omisionHoras: 16 },
  CCV: { maximaHoras: 720, omisionHoras: 16 },
  CASILLA: { maximaHoras: 720, omisionHoras: 16 },
};

/** The longest validity of any ámbito (the bound of the command line's and the API's own input checks). */
export const VIGENCIA_MAXIMA_HORAS = Math.max(...Object.values(VIGENCIA_POR_AMBITO).map((v) => v.maximaHoras));

export const vigenciaMaximaMs = (ambito: Ambito): number => VIGENCIA_POR_AMBITO[ambito].maximaHoras * HORA_MS;

/** Why a validity is refused: too long for the operator's ámbito (the details name the ceiling). */
export function vigenciaExcedida(ambito: Ambito, horas: number | null): Rechazo {
  const { maximaHoras } = VIGENCIA_POR_AMBITO[ambito];
  return rechazo(
    'INVALIDO',
    'VIGENCIA_EXCEDIDA',
    `Un secreto de un operador de ámbito ${ambito} dura a lo más ${maximaHoras} h${horas === null ? '' : ` (se pidieron ${horas} h)`}.`,
    { ambito, maximaHoras, horasSolicitadas: horas },
  );
}

/** The validity in ms of a secret for an operator of `ambito`: the hours asked (or the ámbito's default), if allowed. */
export function resolverVigencia(ambito: Ambito, horas?: number): Result<number, Rechazo> {
  const v = VIGENCIA_POR_AMBITO[ambito];
  const pedidas = horas ?? v.omisionHoras;
  if (!(Number.isFinite(pedidas) && pedidas > 0)) {
    return err(rechazo('INVALIDO', 'VIGENCIA_INVALIDA', 'La vigencia debe ser un número de horas mayor que cero.', { horasSolicitadas: pedidas }));
  }
  if (pedidas > v.maximaHoras) return err(vigenciaExcedida(ambito, pedidas));
  return ok(Math.round(pedidas * HORA_MS));
}

