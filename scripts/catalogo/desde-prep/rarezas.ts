/**
 * The quirks a published PREP database is read past (docs/catalogo.md, from-prep): each kind becomes one warning
 * that names the rule applied, where it first occurs and how many times, so that a file with the same quirk on
 * every row gives one readable line instead of thousands.
 */
import type { ProblemaArchivo } from '../../../worker/domain/catalogo/archivos/problemas.ts';

interface Rareza {
  codigo: string;
  linea?: number;
  columna?: number;
  mensaje: string;
  veces: number;
}

/** Collects the quirks of one file, by code. */
export class Rarezas {
  /** By `clave`: the code, or a finer key when each occurrence of a code is its own warning. */
  private readonly porClave = new Map<string, Rareza>();

  readonly archivo: string;

  constructor(archivo: string) {
    this.archivo = archivo;
  }

  /**
   * One occurrence; the first one of a code (or of `clave`, when given: a repeated column is one warning per
   * column, under one stable code) gives its position and message.
   */
  anotar(codigo: string, mensaje: string, linea?: number, columna?: number, clave = codigo): void {
    const r = this.porClave.get(clave);
    if (r) r.veces++;
    else this.porClave.set(clave, { codigo, mensaje, veces: 1, ...(linea !== undefined ? { linea } : {}), ...(columna !== undefined ? { columna } : {}) });
  }

  /** The warnings, one per code, in the order the codes first appeared. */
  avisos(): ProblemaArchivo[] {
    return [...this.porClave.values()].map(({ codigo, ...r }) => ({
      archivo: this.archivo,
      ...(r.linea !== undefined ? { linea: r.linea, columna: r.columna ?? 1 } : {}),
      codigo,
      mensaje: r.veces > 1 ? `${r.mensaje} (${r.veces} veces; la primera aquí)` : r.mensaje,
    }));
  }
}
