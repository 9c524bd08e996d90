/**
 * How the portal names a corte: the last one of the night is "Corte final" wherever a corte is named (the
 * pointer's and the historial's `final`), the others by their number.
 */

/** "Corte final" for the last corte of the night, "Corte 12" otherwise. */
export function nombreCorte(numero: number | null | undefined, final: boolean): string {
  if (final) return 'Corte final';
  return numero != null ? `Corte ${numero}` : 'Corte';
}

/** The same with the final corte's number too, where cortes are listed or compared: "Corte final (nº 52)". */
export function etiquetaCorte(numero: number | null | undefined, final: boolean): string {
  return final && numero != null ? `Corte final (nº ${numero})` : nombreCorte(numero, final);
}
