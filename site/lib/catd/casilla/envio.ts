/**
 * One try of sending a PREP Casilla photo (docs/REGLAS.md §2.2: ORIGEN CASILLA, DIGITALIZACION MOVIL, ACTA_PREP),
 * with its Idempotency-Key and the SHA-256 the phone computed, and what the answer means for the queue. The
 * request is the same on every try (same key, same fechaHora: the time the photo was taken), so the server can
 * replay the answer of a try whose response was lost.
 */
import { ErrorCatd, pedir, SIN_CONEXION } from '../api.ts';
import { mensajeDeError } from '../mensajes.ts';
import type { Resultado } from './cola.ts';
import type { Foto } from './tipos.ts';

interface ActaRespuesta {
  estado: { imagen: { sha256: string; atServidor: number } | null } | null;
}

/** The route and query of a PREP Casilla photo of `clave` taken at `tomadaAt`. */
export function rutaFoto(clave: string, tomadaAt: number): string {
  const q = new URLSearchParams({ origen: 'CASILLA', digitalizacion: 'MOVIL', tipoDocumento: 'ACTA_PREP', fechaHora: new Date(tomadaAt).toISOString() });
  return `/api/v1/actas/${encodeURIComponent(clave)}/imagen?${q}`;
}

const TRANSITORIOS = new Set([408, 425, 429]);

/** A failed try as the queue reads it: wait and retry, sign in again, or a refusal to show. */
export function resultadoDeError(e: unknown, f: Pick<Foto, 'sha256'>): Resultado {
  if (!(e instanceof ErrorCatd)) return { tipo: 'reintentar', mensaje: 'Falló el envío; se intentará de nuevo.' };
  if (e.code === SIN_CONEXION) return { tipo: 'reintentar', mensaje: 'Sin señal: la foto espera en este teléfono.' };
  if (e.status === 401 || e.code === 'CSRF_INVALIDO') return { tipo: 'sin_sesion', motivo: e.status === 401 ? e.code : 'CSRF_INVALIDO' };
  // The very same image is already the acta's (sent from here under an earlier session's key): it is there.
  const ya = (e.detalles as { sha256?: unknown } | null)?.sha256;
  if (e.code === 'IMAGEN_YA_REGISTRADA' && ya === f.sha256) return { tipo: 'enviada', sha256: f.sha256, at: null };
  if (e.status >= 500 || TRANSITORIOS.has(e.status) || e.code.startsWith('HTTP_')) return { tipo: 'reintentar', mensaje: mensajeDeError(e) };
  return { tipo: 'rechazada', mensaje: mensajeDeError(e) };
}

/** The queue's `Enviar`: one POST through the CATD fetch wrapper (401 handled here, not by leaving the page). */
export async function enviarFoto(f: Foto & { datos: ArrayBuffer }): Promise<Resultado> {
  try {
    const v = await pedir<ActaRespuesta>('POST', rutaFoto(f.clave, f.tomadaAt), {
      binario: { datos: f.datos, tipo: f.mime },
      encabezados: { 'idempotency-key': f.id, 'x-sha256': f.sha256 },
      alPerderSesion: 'lanzar',
    });
    const img = v.estado?.imagen ?? null;
    return { tipo: 'enviada', sha256: img?.sha256 ?? f.sha256, at: img?.atServidor ?? null };
  } catch (e) {
    return resultadoDeError(e, f);
  }
}
