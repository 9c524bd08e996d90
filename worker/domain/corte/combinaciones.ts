/** Reading a combination column (PAN_PRI_PRD) back into its parties; siglas may contain "_" themselves. */

/** The parties a column joins, in column order, or null when it is not two or more known parties. */
export function partidosDeCombinacion(columna: string, siglas: readonly string[]): string[] | null {
  const conocidas = new Set(siglas);
  const tokens = columna.split('_');
  const desde = (i: number): string[] | null => {
    if (i === tokens.length) return [];
    for (let j = tokens.length; j > i; j--) {
      const p = tokens.slice(i, j).join('_');
      if (!conocidas.has(p)) continue;
      const resto = desde(j);
      if (resto !== null && !resto.includes(p)) return [p, ...resto];
    }
    return null;
  };
  const partes = desde(0);
  return partes !== null && partes.length >= 2 ? partes : null;
}
