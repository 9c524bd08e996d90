/**
 * A capture against its acta's own ballot (docs/REGLAS.md §3): exactly the vote fields of the election in the acta's
 * territory (its party, independent and coalition-combination columns, then NO_REGISTRADAS and NULOS), no more,
 * no fewer. Value shapes (integer ≥ 0, ILEGIBLE, SIN_DATO) are the schema's job (CapturaSchema).
 */
import { COLUMNAS_FIJAS, type Captura, type Valor } from '../acta/esquema.ts';
import { err, ok, type Result } from '../resultado.ts';

/** The vote fields of a ballot whose party/coalition columns are `columnas` (publication order). */
export function camposDeBoleta(columnas: readonly string[]): string[] {
  return [...columnas, ...COLUMNAS_FIJAS];
}

export interface CamposErroneos {
  /** Ballot fields the capture lacks. */
  faltantes: string[];
  /** Fields the capture has that are not on this ballot. */
  sobrantes: string[];
}

export function validarContraBoleta(captura: Captura, campos: readonly string[]): Result<void, CamposErroneos> {
  const esperados = new Set(campos);
  const dados = Object.keys(captura.votos);
  const faltantes = campos.filter((c) => !Object.hasOwn(captura.votos, c));
  const sobrantes = dados.filter((c) => !esperados.has(c));
  return faltantes.length === 0 && sobrantes.length === 0 ? ok(undefined) : err({ faltantes, sobrantes });
}

/** The capture with its vote fields in ballot order (so equal figures are equal text). */
export function ordenarSegunBoleta(captura: Captura, campos: readonly string[]): Captura {
  const votos: Record<string, Valor> = {};
  for (const c of campos) votos[c] = captura.votos[c]!;
  return { votos, totales: { ...captura.totales } };
}

/** Same figures field by field (vote fields and totals), whatever the key order. */
export function mismasCifras(a: Captura, b: Captura): boolean {
  const ka = Object.keys(a.votos);
  if (ka.length !== Object.keys(b.votos).length) return false;
  if (ka.some((k) => !Object.hasOwn(b.votos, k) || a.votos[k] !== b.votos[k])) return false;
  const t = a.totales;
  const u = b.totales;
  return (
    t.TOTAL_BOLETAS_SOBRANTES === u.TOTAL_BOLETAS_SOBRANTES &&
    t.TOTAL_PERSONAS_VOTARON === u.TOTAL_PERSONAS_VOTARON &&
    t.TOTAL_REP_PARTIDO_CI_VOTARON === u.TOTAL_REP_PARTIDO_CI_VOTARON &&
    t.TOTAL_VOTOS_SACADOS === u.TOTAL_VOTOS_SACADOS &&
    t.TOTAL_VOTOS_ASENTADO === u.TOTAL_VOTOS_ASENTADO
  );
}
