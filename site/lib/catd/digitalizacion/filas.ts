/**
 * One image on the digitalización desk, from the moment its file is chosen until the server has it: its bytes,
 * sniffed type, SHA-256 computed here, the clave (from the file name or typed) and, once sent, the SHA-256 the
 * server computed. A replacement (redigitalización) remembers which image it replaces.
 */
import type { Digitalizacion, MimeImagen } from '../../../../worker/domain/contrato/index.ts';
import { claveDeNombre, esClaveImagen, sha256Hex, tipoPorContenido } from './archivo.ts';

export type EstadoFila = 'leyendo' | 'lista' | 'enviando' | 'enviada' | 'error';

export interface Fila {
  id: number;
  nombre: string;
  bytes: number;
  digitalizacion: Digitalizacion;
  clave: string;
  /** The clave came from the file name. */
  claveDelNombre: boolean;
  datos: ArrayBuffer | null;
  mime: MimeImagen | null;
  sha256: string | null;
  /** The SHA-256 of the image this one replaces (redigitalización), or null. */
  reemplaza: string | null;
  estado: EstadoFila;
  mensaje: string | null;
  shaServidor: string | null;
  etapa: string | null;
}

let siguiente = 0;

export function filaNueva(archivo: { name: string; size: number }, digitalizacion: Digitalizacion, clave: string | null, reemplaza: string | null): Fila {
  const deNombre = clave === null ? claveDeNombre(archivo.name) : null;
  return {
    id: ++siguiente,
    nombre: archivo.name,
    bytes: archivo.size,
    digitalizacion,
    clave: clave ?? deNombre ?? '',
    claveDelNombre: deNombre !== null,
    datos: null,
    mime: null,
    sha256: null,
    reemplaza,
    estado: 'leyendo',
    mensaje: null,
    shaServidor: null,
    etapa: null,
  };
}

/** The row once its file is read: ready, or refused here when it is not an image the API takes. */
export async function leida(f: Fila, datos: ArrayBuffer): Promise<Fila> {
  const mime = tipoPorContenido(new Uint8Array(datos, 0, Math.min(16, datos.byteLength)));
  if (mime === null) {
    return { ...f, estado: 'error', mensaje: 'El archivo no es una imagen JPEG, PNG ni un PDF (o está dañado): elija otro archivo.' };
  }
  return { ...f, datos, mime, sha256: await sha256Hex(datos), estado: 'lista' };
}

/** Why a ready row cannot be sent yet, or null. */
export function faltaParaEnviar(f: Fila): string | null {
  if (f.estado !== 'lista') return null;
  if (f.clave === '') return 'Escriba la clave del acta.';
  return esClaveImagen(f.clave) ? null : 'La clave debe ser una CLAVE_ACTA (p. ej. 140338B01004) o FC-<n>.';
}

export const listaParaEnviar = (f: Fila) => f.estado === 'lista' && faltaParaEnviar(f) === null;
