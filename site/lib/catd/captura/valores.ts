/**
 * One field of the capture form as typed: nothing yet, digits, Ilegible or Sin dato (docs/REGLAS.md §3), and how
 * each becomes the API's value. Integers go up to 99,999, the API's bound.
 */
import { ILEGIBLE, SIN_DATO, type Valor } from '../../../../worker/domain/contrato/index.ts';

/** '' (not typed), a string of digits, or one of the two marks. */
export type Entrada = string;

export const MAX_DIGITOS = 5;

export const esMarca = (e: Entrada): e is typeof ILEGIBLE | typeof SIN_DATO => e === ILEGIBLE || e === SIN_DATO;

/** What the operator typed, as digits only: no leading zeros (a lone 0 stays), at most five. */
export function soloDigitos(texto: string): string {
  return texto.replace(/\D/g, '').replace(/^0+(?=\d)/, '').slice(0, MAX_DIGITOS);
}

/** The API's value of a field; an untyped one is Sin dato (a blank on the acta). */
export function valorDe(e: Entrada): Valor {
  if (esMarca(e)) return e;
  return e === '' ? SIN_DATO : Number(e);
}

/** The number a field holds, or null (untyped, Ilegible, Sin dato). */
export function numeroDe(e: Entrada | undefined): number | null {
  return e === undefined || e === '' || esMarca(e) ? null : Number(e);
}

/** What the input shows. */
export function textoDe(e: Entrada): string {
  return e === ILEGIBLE ? 'Ilegible' : e === SIN_DATO ? 'Sin dato' : e;
}

/** The key that marks a field: I (or * on the numeric keypad) Ilegible, S (or /) Sin dato; null for any other. */
export function marcaDeTecla(tecla: string): typeof ILEGIBLE | typeof SIN_DATO | null {
  if (tecla === 'i' || tecla === 'I' || tecla === '*') return ILEGIBLE;
  if (tecla === 's' || tecla === 'S' || tecla === '/') return SIN_DATO;
  return null;
}
