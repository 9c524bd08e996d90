/**
 * A corte asked for through the API (by hand, or the final one once confirmed): the instant check, the run, and
 * each outcome as its answer or its API error.
 */
import type { Context } from 'hono';
import { assertNever } from '../../domain/assert.ts';
import { almacenR2 } from '../../cortes/almacen.ts';
import { publicacionDelWorker } from '../../cortes/identidad.ts';
import { ejecutarCorte, type Estadisticas } from '../../cortes/publicar.ts';
import { ultimoCorte } from '../../cortes/registro-d1.ts';
import type { EntornoApi } from '../entorno.ts';
import { ErrorApi } from '../errores.ts';
import { almacenQueOlvida } from '../publico/rutas.ts';

export type CorteHecho =
  | { resultado: 'publicado'; numero: number; secuencia: number; final: boolean; manifiesto: string; estadisticas: Estadisticas }
  | { resultado: 'sin_cambios'; numero: number; secuencia: number };

/** Refuses an instant before the last corte's (a replay must move forward). */
export async function comprobarInstante(db: D1Database, instante: number | null): Promise<void> {
  if (instante === null) return;
  const ultimo = await ultimoCorte(db);
  if (ultimo !== null && !ultimo.final && instante < ultimo.instante) {
    throw new ErrorApi(409, 'INSTANTE_ANTERIOR', `El instante pedido es anterior al del último corte (${ultimo.numero}).`, { numero: ultimo.numero, instante: ultimo.instante });
  }
}

/** Who asked for a corte through the API and, for the final one, the administrator who confirmed it. */
export interface Solicitantes {
  solicitadoPor: string;
  confirmadoPor?: string;
}

export async function publicarCorte(c: Context<EntornoApi>, final: boolean, instante: number | null, quien: Solicitantes): Promise<CorteHecho> {
  await comprobarInstante(c.env.DB, instante);
  const publicacion = await publicacionDelWorker(c.env);
  const r = await ejecutarCorte(
    { db: c.env.DB, almacen: almacenQueOlvida(almacenR2(c.env.BUCKET), c.req.url), publicacion },
    { instante: instante ?? Date.now(), final, motivo: 'administrador', turno: null, ...quien },
  );
  switch (r.tipo) {
    case 'publicado':
      return { resultado: 'publicado', numero: r.numero, secuencia: r.secuencia, final: r.final, manifiesto: r.manifiesto, estadisticas: r.estadisticas };
    case 'sin_cambios':
      return { resultado: 'sin_cambios', numero: r.numero, secuencia: r.secuencia };
    case 'ocupado':
      throw new ErrorApi(409, 'CORTE_EN_CURSO', 'Otro corte se está publicando; intente en un momento.');
    case 'cerrado':
      throw new ErrorApi(409, 'PUBLICACION_CERRADA', `El corte final (${r.numero}) ya se publicó.`, { numero: r.numero });
    case 'sin_catalogo':
      throw new ErrorApi(409, 'SIN_CATALOGO', 'No hay catálogo cargado.');
    default:
      return assertNever(r, 'resultado de corte');
  }
}
