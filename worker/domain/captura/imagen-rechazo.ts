/**
 * Why an uploaded image is refused (issue 14, defect 5): each rule of the structural checks has its own code, so
 * the answer (400, code `IMAGEN_<regla>`) says which one failed and where.
 */
export const REGLAS_IMAGEN = [
  'JPEG_ESTRUCTURA',
  'JPEG_TRUNCADO',
  'JPEG_SIN_IMAGEN',
  'JPEG_DATOS_TRAS_EOI',
  'PNG_ESTRUCTURA',
  'PNG_TRUNCADO',
  'PNG_CRC',
  'PNG_SIN_IDAT',
  'PNG_DATOS_TRAS_IEND',
  'PDF_ENCABEZADO',
  'PDF_SIN_EOF',
  'PDF_ESTRUCTURA',
  'PDF_CIFRADO',
  'PDF_ACCION_PROHIBIDA',
  'PDF_FLUJO_NO_INSPECCIONABLE',
] as const;

export type ReglaImagen = (typeof REGLAS_IMAGEN)[number];

export interface RechazoImagen {
  regla: ReglaImagen;
  /** Byte offset where the check failed (null: the file as a whole). */
  posicion: number | null;
  /** In Spanish, for the operator. */
  detalle: string;
}

export const rechazo = (regla: ReglaImagen, posicion: number | null, detalle: string): RechazoImagen => ({ regla, posicion, detalle });
