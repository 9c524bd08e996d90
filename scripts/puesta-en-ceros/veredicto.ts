/**
 * Whether the database may be put to zero, or closed, from what was counted in it (docs/PUESTA-EN-CEROS.md).
 * Pure: the counts come from scripts/puesta-en-ceros/lectura.ts.
 */

/** What must be zero at the puesta en ceros: everything the night produces. */
export interface ConteosNoche {
  actas: number;
  capturas: number;
  imagenes: number;
  publicaciones: number;
  cortes: number;
  /** Stored answers of the capture API. */
  idempotencia: number;
  /** Requests to change the corte window or publish the final corte. */
  solicitudes: number;
  /** The change sequence (secuencia.valor): 0 until the first change of the night. */
  secuencia: number;
  /** Every audit entry: the puesta en ceros is the first one. */
  bitacora: number;
  /** Objects in the local publication bucket (images and published files); null when it was not read. */
  objetosR2: number | null;
}

/** The entries of the chain that decide what may happen: its first entry and whether a closing exists. */
export interface EstadoCadena {
  entradas: number;
  primera: { id: number; accion: string; at: number } | null;
  cierre: { id: number; at: number } | null;
}

export const ACCION_PUESTA = 'PUESTA_EN_CEROS';
export const ACCION_CIERRE = 'CIERRE';

const NOMBRES: Record<Exclude<keyof ConteosNoche, 'bitacora'>, string> = {
  actas: 'actas registradas',
  capturas: 'capturas',
  imagenes: 'imágenes',
  publicaciones: 'publicaciones de actas',
  cortes: 'cortes',
  idempotencia: 'respuestas guardadas de la API',
  solicitudes: 'solicitudes de cambio de cortes',
  secuencia: 'cambios en la secuencia',
  objetosR2: 'objetos en el R2 de la publicación',
};

/** The refusal of a second puesta en ceros, or null. */
export function puestaYaHecha(cadena: EstadoCadena): string | null {
  return cadena.primera?.accion === ACCION_PUESTA ? `la puesta en ceros ya se hizo (entrada ${cadena.primera.id} de la bitácora)` : null;
}

/** Every reason the puesta en ceros must be refused; empty when it may proceed. */
export function problemasPuesta(c: ConteosNoche, cadena: EstadoCadena, catalogoCargado: boolean): string[] {
  const hecha = puestaYaHecha(cadena);
  if (hecha !== null) return [hecha];
  const p: string[] = [];
  if (!catalogoCargado) p.push('no hay catálogo cargado (npm run catalogue -- import <carpeta>)');
  for (const [k, nombre] of Object.entries(NOMBRES) as [keyof typeof NOMBRES, string][]) {
    const n = c[k];
    if (n !== null && n > 0) p.push(`${nombre}: ${n}`);
  }
  if (c.bitacora > 0) p.push(`entradas en la bitácora: ${c.bitacora} (la puesta en ceros debe ser la primera; el personal se da de alta después)`);
  return p;
}

/** Every reason the closing must be refused; empty when it may proceed. */
export function problemasCierre(cadena: EstadoCadena): string[] {
  if (cadena.primera?.accion !== ACCION_PUESTA) return ['no hay puesta en ceros: la primera entrada de la bitácora no es PUESTA_EN_CEROS'];
  if (cadena.cierre !== null) return [`el cierre ya se registró (entrada ${cadena.cierre.id} de la bitácora)`];
  return [];
}
