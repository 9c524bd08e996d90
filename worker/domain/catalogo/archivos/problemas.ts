/**
 * A problem found in a set of files, located as editors and compilers do: `archivo:línea:columna: mensaje`.
 * Line and column are 1-based; the column counts characters of the line (UTF-16 code units).
 */
export interface ProblemaArchivo {
  archivo: string;
  linea?: number;
  columna?: number;
  /** Header of the column involved (LISTA_NOMINAL…), when there is one. */
  campo?: string;
  /** Stable machine code: the CSV reader's (COMILLA_SIN_CERRAR…), this module's, or validarCatalogo's. */
  codigo: string;
  /** Spanish, for the people who fix the file. */
  mensaje: string;
}

export function formatProblema(p: ProblemaArchivo): string {
  const lugar = [p.archivo, p.linea, p.linea !== undefined ? p.columna : undefined].filter((x) => x !== undefined).join(':');
  return `${lugar}: ${p.mensaje}`;
}

/** Sorted by file, line, column: the order a person fixes them in. */
export function ordenarProblemas(ps: readonly ProblemaArchivo[]): ProblemaArchivo[] {
  return [...ps].sort(
    (a, b) =>
      a.archivo.localeCompare(b.archivo) || (a.linea ?? 0) - (b.linea ?? 0) || (a.columna ?? 0) - (b.columna ?? 0) || a.codigo.localeCompare(b.codigo),
  );
}
