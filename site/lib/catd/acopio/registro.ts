/**
 * POST /api/v1/acopio from the screen: by CLAVE_ACTA (typed or read from the QR) or by the identification read on
 * a paper that has none in the catalogue (fuera de catálogo), with the traslado mechanism, or sin acta with its
 * reason. The time is the server's (the device's clock is not trusted). One Idempotency-Key per acta, kept over
 * the retries of a cut request.
 */
import type { MecanismoTraslado, MotivoSinActa, TipoCasilla } from '../../../../worker/domain/contrato/index.ts';
import { pedir } from '../api.ts';
import { conReintentos, nuevaClave, type OpcionesReintento } from '../digitalizacion/reintentos.ts';

export interface Identificacion {
  eleccion: string;
  seccion: number;
  tipo: TipoCasilla;
  id: number;
  extContigua: number;
}

export type PedidoAcopio = ({ clave: string } | { identificacion: Identificacion }) & {
  mecanismoTraslado: MecanismoTraslado | null;
  sinActa: MotivoSinActa | null;
};

/** The API's answer (ActaVista), as far as this screen reads it. */
export interface ActaRecibida {
  clave: string;
  version: number;
  etapa: string;
  estado: {
    registro: 'captura' | 'sin_acta' | 'fuera_catalogo';
    identificacion: Identificacion;
    acopio: { at: number; atServidor: number; operador: string; mecanismoTraslado: MecanismoTraslado | null; motivoSinActa: MotivoSinActa | null } | null;
  } | null;
}

export function registrarAcopio(pedido: PedidoAcopio, o: OpcionesReintento = {}): Promise<ActaRecibida> {
  const clave = nuevaClave('acopio');
  return conReintentos(() => pedir<ActaRecibida>('POST', '/api/v1/acopio', { cuerpo: pedido, encabezados: { 'idempotency-key': clave } }), o);
}
