/**
 * Pure helpers of the long tables (TablaOrdenable) and of the acta view: the text filter (accent- and
 * case-insensitive, as people type names on a phone), the visible page of rows and its "1–50 de 1,234" label, and
 * the grouping of a SHA-256 for reading it aloud or comparing it by eye.
 */
import { entero } from './formato.ts';

const LOCALE = 'es-MX';

/** "Tlaquepaque" and "TLAQUEPÁQUE" alike: lower case (es-MX) without diacritics; ñ stays ñ. */
export function normalizar(texto: string): string {
  return texto
    .toLocaleLowerCase(LOCALE)
    .normalize('NFD')
    // Drop the combining marks except the tilde over n, so "peña" never matches "pena".
    .replace(/n\u0303/g, 'ñ')
    .replace(/[\u0300-\u036f]/g, '')
    .trim();
}

/** The rows whose text contains every word of `consulta` (all rows when it is empty), in their order. */
export function filtrar<R>(filas: readonly R[], consulta: string, textoDe: (fila: R) => string): readonly R[] {
  const palabras = normalizar(consulta).split(/\s+/).filter(Boolean);
  if (palabras.length === 0) return filas;
  return filas.filter((f) => {
    const t = normalizar(textoDe(f));
    return palabras.every((p) => t.includes(p));
  });
}

/** How many of `total` rows are shown when `mostradas` were asked for (never more than there are). */
export function visibles(total: number, mostradas: number): number {
  return Math.max(0, Math.min(total, mostradas));
}

/** "1–50 de 1,234", "0 de 0", es-MX digits. */
export function rangoTexto(mostradas: number, total: number): string {
  if (total === 0 || mostradas === 0) return `0 de ${entero(total)}`;
  return `1–${entero(mostradas)} de ${entero(total)}`;
}

/** A SHA-256 (or any long hex code) in groups of `tamano` characters: easier to read and compare by eye. */
export function grupos(codigo: string, tamano = 8): string[] {
  const r: string[] = [];
  for (let i = 0; i < codigo.length; i += tamano) r.push(codigo.slice(i, i + tamano));
  return r;
}
