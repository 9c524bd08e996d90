/**
 * What a running simulacro knows about its night: the simulated clock's position, what was done, what was
 * refused and what went wrong. One object, shared by the parts of the conductor that write it and read by the
 * progress display, the summary and the reconciliation.
 */

export type Paso = 'acopio' | 'foto' | 'digitalizacion' | 'captura' | 'verificacion' | 'cotejo' | 'recaptura' | 'fueraCatalogo';

export interface ErrorNoche {
  acta: string;
  paso: string;
  status: number;
  detalle: string;
}

export interface EstadoNoche {
  /** Simulated minutes since the window opened. */
  minuto: number;
  apertura: number;
  cierre: number;
  offsetMinutes: number;
  realMs: number;
  /** Successful requests per step. */
  pasos: Record<Paso, number>;
  actasPlaneadas: number;
  /** Actas whose every planned step is done. */
  actasTerminadas: number;
  verificadas: number;
  sinActa: number;
  /** Refusals the night provoked (wrong CATD, wrong role) and how many were indeed 403. */
  intentos: { ajenos: number; rol: number; rechazados: number };
  reintentos: number;
  repetidas: number;
  conflictos: number;
  correcciones: { trasPublicacion: number; antesDePublicarse: number };
  cortes: { publicados: number; ultimo: number | null; instante: number | null; secuencia: number; ticks: number };
  enVuelo: number;
  pendientes: number;
  /** The clock is waiting for the CATDs (backlog) or for the last steps (close). */
  esperando: boolean;
  errores: ErrorNoche[];
  /**
   * Steps of the script answered 409 because people at the CATD screens got there first (the hand-operated CATD of
   * `npm start`); the reconciliation checks each one is an acta people touched.
   */
  yaHechosAMano: ErrorNoche[];
  latencias: number[];
  final: boolean;
}

/** The state before the first request: the window `[apertura, cierre)` in epoch ms, nothing done yet. */
export function estadoInicial(ventana: { apertura: number; cierre: number }, offsetMinutes: number, actasPlaneadas: number): EstadoNoche {
  return {
    minuto: 0,
    apertura: ventana.apertura,
    cierre: ventana.cierre,
    offsetMinutes,
    realMs: 0,
    pasos: { acopio: 0, foto: 0, digitalizacion: 0, captura: 0, verificacion: 0, cotejo: 0, recaptura: 0, fueraCatalogo: 0 },
    actasPlaneadas,
    actasTerminadas: 0,
    verificadas: 0,
    sinActa: 0,
    intentos: { ajenos: 0, rol: 0, rechazados: 0 },
    reintentos: 0,
    repetidas: 0,
    conflictos: 0,
    correcciones: { trasPublicacion: 0, antesDePublicarse: 0 },
    cortes: { publicados: 0, ultimo: null, instante: null, secuencia: 0, ticks: 0 },
    enVuelo: 0,
    pendientes: 0,
    esperando: false,
    errores: [],
    yaHechosAMano: [],
    latencias: [],
    final: false,
  };
}
