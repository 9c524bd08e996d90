/**
 * CLAVE_CASILLA and CLAVE_ACTA (docs/REGLAS.md §7):
 *   CLAVE_CASILLA = ID_ENTIDAD (2) + SECCION (4) + TIPO_CASILLA (1) + ID_CASILLA (2) + EXT_CONTIGUA (2)
 *   e.g. 140338B0100 (Jalisco, sección 338, básica 1, no ext contigua)
 *   CLAVE_ACTA    = CLAVE_CASILLA + TIPO_ACTA (the election's acta code), e.g. 140338B01004.
 * Published files write keys with a leading apostrophe (`'140338B0100`) so spreadsheets keep the zeros;
 * the parsers accept either form.
 * A split casilla's acta (catalogue `partes`) has one part per territory under the same CLAVE_ACTA: part 1 keeps
 * it, part n is `CLAVE_ACTA-n` everywhere inside the system (database, API paths, shards, audit) and is
 * published with the institute's CLAVE_ACTA.
 */
import { z } from 'zod';
import { assert } from '../assert.ts';
import { PARTE_MAXIMA, TipoCasillaSchema } from '../catalogo/esquema.ts';
import { err, ok, type Result } from '../resultado.ts';

/** The parts of a CLAVE_CASILLA. */
export const ClaveCasillaPartesSchema = z.strictObject({
  entidad: z.number().int().min(1).max(32),
  // 0 only for tipo M (the votes from abroad: sección 0000, casilla 00); the catalogue validation says so.
  seccion: z.number().int().min(0).max(9999),
  tipo: TipoCasillaSchema,
  id: z.number().int().min(0).max(99),
  extContigua: z.number().int().min(0).max(99),
}).refine((p) => p.tipo === 'M' || (p.seccion >= 1 && p.id >= 1), 'sección 0000 y casilla 00 solo en casillas M');
export type ClaveCasillaPartes = z.infer<typeof ClaveCasillaPartesSchema>;

export const ClaveActaPartesSchema = z.strictObject({
  casilla: ClaveCasillaPartesSchema,
  /** CLAVE_CASILLA without apostrophe. */
  claveCasilla: z.string(),
  tipoActa: z.string(),
  /** 1 for a plain CLAVE_ACTA; n for `CLAVE_ACTA-n`, part n of a split casilla's acta. */
  parte: z.number().int().min(1).max(PARTE_MAXIMA),
});
export type ClaveActaPartes = z.infer<typeof ClaveActaPartesSchema>;

/** Why a key does not parse: not the 11-character shape, a part out of range, or an unknown acta type. */
export const ClaveErrorSchema = z.strictObject({
  motivo: z.enum(['FORMATO', 'FUERA_DE_RANGO', 'TIPO_ACTA']),
  clave: z.string(),
});
export type ClaveError = z.infer<typeof ClaveErrorSchema>;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

const enRango = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

/** CLAVE_CASILLA of a casilla of entidad `entidad`. Its parts must be in range (the catalogue schema ensures it). */
export function claveCasilla(
  entidad: number,
  casilla: { readonly seccion: number; readonly tipo: ClaveCasillaPartes['tipo']; readonly id: number; readonly extContigua: number },
): string {
  const { seccion, tipo, id, extContigua } = casilla;
  assert(
    enRango(entidad, 1, 32) && enRango(seccion, 0, 9999) && enRango(id, 0, 99) && enRango(extContigua, 0, 99) &&
      TipoCasillaSchema.options.includes(tipo) && (tipo === 'M' || (seccion >= 1 && id >= 1)),
    `casilla fuera de rango para CLAVE_CASILLA: ${JSON.stringify({ entidad, seccion, tipo, id, extContigua })}`,
  );
  return `${pad(entidad, 2)}${pad(seccion, 4)}${tipo}${pad(id, 2)}${pad(extContigua, 2)}`;
}

/** CLAVE_ACTA = CLAVE_CASILLA + tipoActa. */
export function claveActa(claveCasillaSinApostrofo: string, tipoActa: string): string {
  return claveCasillaSinApostrofo + tipoActa;
}

/** The key of part `parte` of an acta: the CLAVE_ACTA itself for part 1, `CLAVE_ACTA-n` for part n. */
export function claveDeParte(clave: string, parte: number): string {
  assert(Number.isInteger(parte) && parte >= 1 && parte <= PARTE_MAXIMA, `parte fuera de rango: ${parte}`);
  return parte === 1 ? clave : `${clave}-${parte}`;
}

const PARTE_RE = /^(.+)-([2-9])$/;

/** The CLAVE_ACTA and part number of a key (`X-2` → X, 2; a plain key is part 1). */
export function parteDeClave(clave: string): { clave: string; parte: number } {
  const m = PARTE_RE.exec(clave);
  return m ? { clave: m[1]!, parte: Number(m[2]) } : { clave, parte: 1 };
}

/** The CLAVE_ACTA an acta is published with: the institute's, without the part suffix. */
export function claveActaPublicada(clave: string): string {
  return parteDeClave(clave).clave;
}

/** The key as written in published CSV files: with a leading apostrophe. */
export function csvKey(clave: string): string {
  return `'${clave}`;
}

/** Removes surrounding blanks and one leading spreadsheet apostrophe. */
export function sinApostrofo(clave: string): string {
  const t = clave.trim();
  return t.startsWith("'") ? t.slice(1) : t;
}

const CASILLA_RE = /^(\d{2})(\d{4})([A-Z])(\d{2})(\d{2})/;
const CLAVE_CASILLA_LEN = 11;

function partesCasilla(clave: string): Result<ClaveCasillaPartes, ClaveError['motivo']> {
  const m = CASILLA_RE.exec(clave);
  if (!m) return err('FORMATO');
  const partes = ClaveCasillaPartesSchema.safeParse({
    entidad: Number(m[1]),
    seccion: Number(m[2]),
    tipo: m[3],
    id: Number(m[4]),
    extContigua: Number(m[5]),
  });
  return partes.success ? ok(partes.data) : err('FUERA_DE_RANGO');
}

/** Parses a CLAVE_CASILLA (`140338B0100` or `'140338B0100`). */
export function parseClaveCasilla(clave: string): Result<ClaveCasillaPartes, ClaveError> {
  const c = sinApostrofo(clave);
  if (c.length !== CLAVE_CASILLA_LEN) return err({ motivo: 'FORMATO', clave });
  const r = partesCasilla(c);
  return r.ok ? r : err({ motivo: r.error, clave });
}

/**
 * Parses a CLAVE_ACTA, or a part's `CLAVE_ACTA-n`, whose acta type must be one of `tiposActa` (the elections'
 * TIPO_ACTA codes; a code may be one or two characters, so the known codes disambiguate).
 */
export function parseClaveActa(clave: string, tiposActa: readonly string[]): Result<ClaveActaPartes, ClaveError> {
  const { clave: c, parte } = parteDeClave(sinApostrofo(clave));
  if (c.length <= CLAVE_CASILLA_LEN) return err({ motivo: 'FORMATO', clave });
  const r = partesCasilla(c);
  if (!r.ok) return err({ motivo: r.error, clave });
  const tipoActa = c.slice(CLAVE_CASILLA_LEN);
  if (!tiposActa.includes(tipoActa)) return err({ motivo: 'TIPO_ACTA', clave });
  return ok({ casilla: r.value, claveCasilla: c.slice(0, CLAVE_CASILLA_LEN), tipoActa, parte });
}
