/**
 * The cortes screen's calls (worker/api/cortes), through the CATD screens' one API client (session cookie,
 * X-CSRF-Token on writes, structured errors). The portal may not import the Worker's schemas: the answers the
 * screen reads are restated here, limited to the fields it shows.
 */
import { pedir } from '../../../lib/catd/api.ts';

export interface Configuracion {
  jornada: string | null;
  inicioMinutos: number;
  duracionMinutos: number;
  cadenciaMinutos: number;
}

export interface CorteFila {
  numero: number;
  secuencia: number;
  instante: number;
  final: boolean;
  motivo: 'programado' | 'final' | 'administrador';
  modo: 'completo' | 'incremental';
  actas: number;
  milisegundos: number;
  shardsEscritos: number;
  shardsReusados: number;
  bytesEscritos: number;
  problemas: number;
  publicadoAt: number;
  solicitadoPor: string | null;
  confirmadoPor: string | null;
}

export interface ListaCortes {
  ahora: number;
  configuracion: Configuracion;
  latencia: { actas: number; pendientes: number; p50Ms: number | null; p95Ms: number | null };
  cortes: CorteFila[];
}

export interface Solicitud {
  id: string;
  accion: { tipo: 'CONFIGURAR'; config: Configuracion } | { tipo: 'CORTE_FINAL'; instante: number | null };
  descripcion: string;
  solicitante: string;
  creadaAt: number;
  venceAt: number;
  estado: 'PENDIENTE' | 'APLICANDO' | 'APLICADA' | 'CANCELADA';
  vencida: boolean;
}

const BASE = '/api/v1/cortes';
const de = (id: string) => `${BASE}/solicitudes/${encodeURIComponent(id)}`;

export const listarCortes = () => pedir<ListaCortes>('GET', BASE);
export const listarSolicitudes = () => pedir<{ ahora: number; solicitudes: Solicitud[] }>('GET', `${BASE}/solicitudes`);
export const solicitarFinal = () => pedir<Solicitud>('POST', BASE, { cuerpo: { final: true } });
export const solicitarConfiguracion = (c: Configuracion) => pedir<Solicitud>('PUT', `${BASE}/configuracion`, { cuerpo: c });
export const confirmar = (id: string) => pedir<{ solicitud: Solicitud }>('POST', `${de(id)}/confirmar`);
export const cancelar = (id: string) => pedir<Solicitud>('POST', `${de(id)}/cancelar`);
