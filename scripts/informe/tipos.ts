/**
 * The shapes of the COTAPREP / ente auditor report: what it reads (rows of the audit log, the published cortes and
 * the catalogue's counts, validated with zod where they enter from D1 and R2) and what it computes (`Informe`),
 * which both the HTML and the tests read.
 */
import { z } from 'zod';
import { FigurasSchema } from '../../worker/domain/conteo/figuras.ts';

/** The workflow steps and refusals the report reads from the audit log (the rest are administrative entries). */
export const ACCIONES_INFORME = ['ACOPIO', 'DIGITALIZACION', 'CAPTURA', 'VERIFICACION', 'COTEJO', 'RECHAZO'] as const;

/** One audit entry as read for the report: only the fields of `detalle` it needs (json_extract in SQL). */
export const EventoSchema = z.object({
  id: z.number().int(),
  /** Server time, epoch ms. */
  at: z.number().int(),
  /** The instant the step states (the client's fechaHora, else the server's): the workflow's own clock. */
  instante: z.number().int(),
  catd: z.string().nullable(),
  accion: z.enum(ACCIONES_INFORME),
  acta: z.string().nullable(),
  /** The acta's election (from its registration); null for refusals without an acta. */
  eleccion: z.string().nullable(),
  seq: z.number().int().nullable(),
  status: z.number().int(),
  /** The acta's stage after the step (detalle.etapa). */
  etapa: z.string().nullable(),
  /** CAPTURA: PRIMERA | COINCIDE | DISCREPA; VERIFICACION: CAPTURA | RECAPTURA; COTEJO: ACEPTAR | RECAPTURA | REDIGITALIZACION. */
  resultado: z.string().nullable(),
  /** RECHAZO: the refusal's code (ROL_NO_AUTORIZADO …). */
  codigo: z.string().nullable(),
});
export type Evento = z.infer<typeof EventoSchema>;

/** A published corte (D1 `corte`) and, per election, the figures its entidad shard published (R2). */
export const CorteLeidoSchema = z.object({
  numero: z.number().int().min(1),
  secuencia: z.number().int().min(0),
  /** The corte's cut instant (epoch ms). */
  instante: z.number().int(),
  publicadoAt: z.number().int(),
  final: z.boolean(),
  actasProcesadas: z.number().int(),
  shardsEscritos: z.number().int(),
  shardsReusados: z.number().int(),
  bytesEscritos: z.number().int(),
  milisegundos: z.number().int(),
  modo: z.string(),
  motivo: z.string(),
  /** Election code → its published figures; an election whose shard could not be read is absent. */
  figuras: z.record(z.string(), FigurasSchema),
});
export type CorteLeido = z.infer<typeof CorteLeidoSchema>;

export interface EleccionLeida {
  codigo: string;
  nombre: string;
  /** Expected actas in the catalogue. */
  esperadas: number;
}

export interface DatosInforme {
  entidad: { nombre: string; utcOffsetMinutes: number };
  elecciones: EleccionLeida[];
  catds: { id: string; nombre: string }[];
  /** Step and refusal entries of the audit log, in id order. */
  eventos: Evento[];
  cortes: CorteLeido[];
  /** The tip of the audit chain when read: what a reader pins to know nothing was cut off the end. */
  punta: { id: number; hash: string };
  /** Entries of the audit log in total (administrative ones included). */
  entradasBitacora: number;
}

export interface Percentiles {
  n: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export interface Histograma {
  /** Lower bound of each bin (ms); bin i holds [limites[i], limites[i+1]), the last one everything above. */
  limites: number[];
  conteos: number[];
}

export interface Etapa {
  clave: 'acopio-digitalizacion' | 'digitalizacion-captura' | 'captura-verificacion' | 'verificacion-publicacion' | 'acopio-publicacion';
  nombre: string;
  percentiles: Percentiles;
  histograma: Histograma;
}

export interface AvanceCorte {
  numero: number;
  instante: number;
  /** Percentages as published (0–100). */
  capturadas: number;
  contabilizadas: number;
}

export interface Conciliacion {
  eleccion: string;
  nombre: string;
  esperadas: number;
  /** Per the audit log: distinct actas with a step, and the stage each one's last step left it in. */
  registradasBitacora: number;
  verificadas: number;
  sinActa: number;
  pendientes: { digitalizacion: number; captura: number; verificacion: number };
  /** Verified in the log after the last corte's sequence (not yet in a published corte). */
  sinPublicar: number;
  /** The last corte's published figures for this election, or null if none could be read. */
  corte: { numero: number; esperadas: number; registradas: number; capturadas: number; contabilizadas: number; noContabilizadas: number; fueraCatalogo: number } | null;
}

export interface Informe {
  entidad: { nombre: string; utcOffsetMinutes: number };
  desde: number | null;
  periodo: { inicio: number; fin: number } | null;
  punta: { id: number; hash: string };
  entradasBitacora: number;
  eventosLeidos: number;
  /** Actas received (first acopio) per CATD per hour of the entidad's local time: `horas` are epoch ms of each hour's start. */
  acopioPorHora: { horas: number[]; filas: { catd: string; nombre: string; conteos: number[]; total: number }[] };
  avance: { eleccion: string; nombre: string; serie: AvanceCorte[] }[];
  etapas: Etapa[];
  incidencias: {
    discrepancias: number;
    actasConDiscrepancia: number;
    verificacionesManuales: number;
    recapturasVerificacion: number;
    recapturasCotejo: number;
    redigitalizacionesCotejo: number;
    cotejosAceptados: number;
    rechazos: { codigo: string; status: number; n: number }[];
    porCatd: { catd: string; discrepancias: number; recapturas: number; rechazos: number }[];
  };
  cortes: CorteLeido[];
  conciliacion: Conciliacion[];
}
