/**
 * The cells of a published PREP database (docs/REGLAS.md §3, §7) read back into what the capture API takes: vote and
 * total cells (integer, Ilegible, Sin dato, `-` not applicable), FECHA_HORA_* instants, the sin acta reason
 * written in OBSERVACIONES, MECANISMOS_TRASLADO, ORIGEN / DIGITALIZACION / TIPO_DOCUMENTO. Tolerant of the
 * spellings institutes have used (case, accents, `Sin datos`, `Sin Acta (Paquete no entregado)`), strict about
 * anything else: a cell that is none of these is reported, never guessed.
 */
import { z } from 'zod';
import { ILEGIBLE, SIN_DATO, ValorSchema, type MotivoSinActa, type Valor } from '../../worker/domain/acta/esquema.ts';
import type { ImagenActa } from '../../worker/domain/acta/publicada.ts';
import { normalizarNombre } from '../catalogo/desde-prep/encabezados.ts';
import { esNoAplica } from '../catalogo/desde-prep/resultados.ts';

/** What a vote or total cell holds. */
export type Celda = { tipo: 'valor'; valor: Valor } | { tipo: 'no_aplica' } | { tipo: 'invalida'; motivo: string };

// The cell rule lives with the results reader (the catalogue derivation uses it too); re-exported for the replay.
export { esNoAplica };

const MAXIMO = 99_999;

/** A vote or total cell: a non-negative integer, Ilegible, Sin dato, or `-`. */
export function leerCelda(texto: string | undefined): Celda {
  if (esNoAplica(texto)) return { tipo: 'no_aplica' };
  const t = texto!.trim();
  if (/^\d+$/.test(t)) {
    const n = Number(t);
    return ValorSchema.safeParse(n).success ? { tipo: 'valor', valor: n } : { tipo: 'invalida', motivo: `«${t}» pasa de ${MAXIMO}` };
  }
  const n = normalizarNombre(t);
  if (n === 'ILEGIBLE') return { tipo: 'valor', valor: ILEGIBLE };
  if (n === 'SIN_DATO' || n === 'SIN_DATOS' || n === 'SINDATO') return { tipo: 'valor', valor: SIN_DATO };
  return { tipo: 'invalida', motivo: `«${t}» no es un entero ≥ 0, Ilegible, Sin dato ni -` };
}

/** A FECHA_HORA_* cell (`DD/MM/YYYY HH:MM:SS` in the entidad's local time, or `YYYY-MM-DD HH:MM:SS`) as epoch ms. */
export function leerFechaHora(texto: string | undefined, offsetMinutes: number): number | null {
  if (esNoAplica(texto)) return null;
  const t = texto!.trim();
  let partes: number[] | null = null;
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (dmy) partes = [dmy[3], dmy[2], dmy[1], dmy[4], dmy[5], dmy[6] ?? '0'].map(Number);
  const ymd = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (ymd) partes = [ymd[1], ymd[2], ymd[3], ymd[4], ymd[5], ymd[6] ?? '0'].map(Number);
  if (partes === null) return null;
  const [anio, mes, dia, hora, minuto, segundo] = partes as [number, number, number, number, number, number];
  const local = Date.UTC(anio, mes - 1, dia, hora, minuto, segundo);
  const d = new Date(local);
  const valida =
    anio >= 2000 && anio < 2100 && d.getUTCFullYear() === anio && d.getUTCMonth() === mes - 1 && d.getUTCDate() === dia &&
    d.getUTCHours() === hora && d.getUTCMinutes() === minuto && d.getUTCSeconds() === segundo;
  return valida ? local - offsetMinutes * 60_000 : null;
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** ISO 8601 with the entidad's offset (`2024-06-02T19:11:00-07:00`): the `fechaHora` the capture API takes. */
export function fechaIso(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const abs = Math.abs(offsetMinutes);
  return `${local}${offsetMinutes < 0 ? '-' : '+'}${p2(Math.floor(abs / 60))}:${p2(abs % 60)}`;
}

/** Folded OBSERVACIONES text: lower case, no accents, single spaces. */
function plegar(texto: string): string {
  return texto
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The sin acta reason in an OBSERVACIONES cell (`Sin acta por paquete no entregado`, `Sin Acta (Casilla no
 * instalada)`, `SIN SOBRE`…): the reason, `SIN_MOTIVO` when it says sin acta without a reason we know, or null
 * when it does not say sin acta at all.
 */
export function motivoSinActa(observaciones: string | undefined): MotivoSinActa | 'SIN_MOTIVO' | null {
  if (observaciones === undefined) return null;
  const o = plegar(observaciones);
  if (/\bpaquete(s)? no entregado/.test(o)) return 'PAQUETE_NO_ENTREGADO';
  if (/\bcasilla(s)? no instalada/.test(o)) return 'CASILLA_NO_INSTALADA';
  if (/\burna(s)? electronica/.test(o)) return 'CONTINGENCIA_URNA_ELECTRONICA';
  if (/\bsin sobre\b/.test(o)) return 'SIN_SOBRE';
  if (/\bsin acta\b/.test(o)) return 'SIN_MOTIVO';
  return null;
}

/** Whether OBSERVACIONES names an inconsistency (docs/REGLAS.md §5: excede, Ilegible, Sin dato, todos los campos…). */
export function observaInconsistencia(observaciones: string | undefined): boolean {
  if (observaciones === undefined) return false;
  const o = plegar(observaciones);
  return /\bexcede\b/.test(o) || /\bilegible(s)?\b/.test(o) || /\bsin datos?\b/.test(o) || /\btodos los campos\b/.test(o);
}

/** MECANISMOS_TRASLADO: D, F or I; anything else (empty, `-`) is no mechanism. */
export function leerMecanismo(texto: string | undefined): 'D' | 'F' | 'I' | null {
  const t = (texto ?? '').trim().toUpperCase();
  return t === 'D' || t === 'F' || t === 'I' ? t : null;
}

const TIPOS_DOCUMENTO: Record<string, ImagenActa['tipoDocumento']> = {
  ACTA_PREP: 'ACTA_PREP',
  ACTA_CONSEJO: 'ACTA_CONSEJO',
  ACTA_CONSEJO_S: 'ACTA_CONSEJO_S',
  COPIA_RPPCI: 'COPIA_RPPCI',
  COPIA_PE: 'COPIA_PE',
  REPRESENTACION_DE_ACTA: 'REPRESENTACION_ACTA',
  REPRESENTACION_ACTA: 'REPRESENTACION_ACTA',
};

export const MetadatosImagenSchema = z.strictObject({
  origen: z.enum(['CASILLA', 'CATD']),
  digitalizacion: z.enum(['MOVIL', 'ESCANER']),
  tipoDocumento: z.enum(['ACTA_PREP', 'ACTA_CONSEJO', 'ACTA_CONSEJO_S', 'COPIA_RPPCI', 'COPIA_PE', 'REPRESENTACION_ACTA']),
});
export type MetadatosImagen = z.infer<typeof MetadatosImagenSchema>;

/**
 * ORIGEN, DIGITALIZACION and TIPO_DOCUMENTO of the file's image, as the digitalization route takes them, and what
 * had to be assumed (Spanish, empty when the file said it all). An image from the casilla is always taken with
 * PREP Casilla (MOVIL); without ORIGEN the image is taken at the CATD with a scanner; without TIPO_DOCUMENTO it
 * is the Acta PREP.
 */
export function leerImagen(origen: string | undefined, digitalizacion: string | undefined, tipoDocumento: string | undefined): { metadatos: MetadatosImagen; supuestos: string[] } {
  const supuestos: string[] = [];
  const o = normalizarNombre(origen ?? '');
  const d = normalizarNombre(digitalizacion ?? '');
  const t = normalizarNombre(tipoDocumento ?? '');
  let origenV: MetadatosImagen['origen'] = 'CATD';
  if (o === 'CASILLA') origenV = 'CASILLA';
  else if (o !== 'CATD') supuestos.push(`ORIGEN «${origen ?? ''}»: se usó CATD`);
  let digV: MetadatosImagen['digitalizacion'] = 'ESCANER';
  if (d === 'MOVIL' || d === 'ESCANER') digV = d;
  else supuestos.push(`DIGITALIZACION «${digitalizacion ?? ''}»: se usó ${origenV === 'CASILLA' ? 'MOVIL' : 'ESCANER'}`);
  if (origenV === 'CASILLA' && digV !== 'MOVIL') {
    if (d === 'ESCANER') supuestos.push('ORIGEN CASILLA con DIGITALIZACION ESCANER: PREP Casilla digitaliza con MOVIL');
    digV = 'MOVIL';
  }
  const tipo = TIPOS_DOCUMENTO[t];
  if (tipo === undefined) supuestos.push(`TIPO_DOCUMENTO «${tipoDocumento ?? ''}»: se usó Acta PREP`);
  return { metadatos: { origen: origenV, digitalizacion: digV, tipoDocumento: tipo ?? 'ACTA_PREP' }, supuestos };
}
