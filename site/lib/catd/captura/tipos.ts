/**
 * What the capture screen reads from the API (docs: /api/v1/docs): the acta's ballot (GET …/boleta) and the answer
 * of a capture (POST …/capturas, the API's ActaVista), limited to the fields the screen uses. Restated here: the
 * portal imports only the publication contract from worker/.
 */
import type { Total, Valor } from '../../../../worker/domain/contrato/index.ts';

export type TipoCampo = 'partido' | 'independiente' | 'combinacion' | 'no_registradas' | 'nulos';

export interface CampoBoleta {
  columna: string;
  nombre: string;
  tipo: TipoCampo;
}

/** The answer of GET /api/v1/actas/{clave}/boleta: never a capture's figures. */
export interface BoletaActa {
  clave: string;
  etapa: string;
  ronda: number | null;
  eleccion: { codigo: string; nombre: string };
  identificacion: { seccion: number; tipo: string; id: number; extContigua: number } | null;
  campos: CampoBoleta[];
  totales: Total[];
  /** Highest sum of votes that still counts (lista nominal + representantes …); null: no limit known. */
  limite: number | null;
  listaNominal: number | null;
  capturadaPorUsted: boolean;
}

/** The answer of a capture, as far as the screen reads it. */
export interface ActaTrasCaptura {
  clave: string;
  etapa: 'DIGITALIZACION' | 'CAPTURA' | 'VERIFICACION' | 'VERIFICADA' | 'SIN_ACTA';
  capturasRonda: { n: number; operador: string }[];
}

/** The body of POST …/capturas: every vote field of the ballot and the five totals. */
export interface CuerpoCaptura {
  votos: Record<string, Valor>;
  totales: Record<Total, Valor>;
}
